// Writes a density surface as a Float32 GeoTIFF with what made it in the metadata (kernel,
// units, period, layers, incidents, radius, cell size, attribution).
#pragma once

#include "core/kde.hpp"
#include "core/result.hpp"

#include <string>

namespace sw::io {

struct DensityExportInfo {
    KdeParams kde;      // as resolved (radius and cell size set)
    std::string period; // "2023-01..2023-12"
    std::string layers; // the layer rules, or empty for every incident
    std::size_t incidents = 0;
    bool dual = false;      // a dual surface: zero is a value, not "no data"
    bool synthetic = false; // made from the synthetic sample
};

Status exportDensity(const std::string& path, const Grid& grid, const std::string& crs,
                     const DensityExportInfo& info);

} // namespace sw::io
