// Writes Gi* results as one square polygon per study-area cell: count, gi_z, gi_p, gi_bin
// (-3..3, 99/95/90% cold..hot), to GeoPackage, Shapefile or GeoJSON.
#pragma once

#include "core/gistar.hpp"
#include "core/result.hpp"
#include "io/vector_writer.hpp"

#include <string>

namespace sw::io {

Status exportGiStar(const std::string& path, const GiStarResult& result, const std::string& crs,
                    const std::string& description, const VectorWriteOptions& options = {});

} // namespace sw::io
