// Writes a grid as a single-band Float32 GeoTIFF (working CRS, nodata where the value is NaN
// and, unless zero_is_value, where it is 0; parameters in the metadata), under a temporary name
// moved into place when complete.
#pragma once

#include "core/kde.hpp"
#include "core/result.hpp"

#include <string>
#include <utility>
#include <vector>

namespace sw::io {

constexpr double kNoData = -9999.0;

Status writeGeoTiff(const std::string& path, const Grid& grid, const std::string& crs,
                    const std::vector<std::pair<std::string, std::string>>& metadata,
                    const std::string& band_description, bool zero_is_value = false);

} // namespace sw::io
