// Writes emerging hot spots as one square polygon per study-area cell: pattern, hot_months,
// months, trend_z, trend_p, count, to GeoPackage, Shapefile or GeoJSON.
#pragma once

#include "core/emerging_hotspots.hpp"
#include "core/result.hpp"
#include "io/vector_writer.hpp"

#include <string>

namespace sw::io {

Status exportEmerging(const std::string& path, const EmergingResult& result, const std::string& crs,
                      const std::string& description, const VectorWriteOptions& options = {});

} // namespace sw::io
