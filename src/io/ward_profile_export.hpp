// Writes a ward profile as CSV, GeoPackage or Shapefile (with ward polygons and .prj), plus a
// sidecar text file naming the period, layers, sources, CRS and attribution.
#pragma once

#include "core/result.hpp"
#include "core/ward_profile.hpp"
#include "core/wards.hpp"
#include "io/vector_writer.hpp"

#include <string>

namespace sw::io {

// `about` is written beside the output as <stem>_about.txt.
Status exportWardProfile(const WardProfile& profile, const WardSet& wards, const std::string& path,
                         const std::string& crs, const std::string& about,
                         const VectorWriteOptions& options = {});

} // namespace sw::io
