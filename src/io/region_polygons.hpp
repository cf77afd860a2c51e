// Turns labelled grid regions into polygons with GDAL's polygonize (one MultiPolygon per
// region; an 8-connected region's diagonal pieces become parts of it).
#pragma once

#include "core/hotspots.hpp"
#include "core/kde.hpp"
#include "core/result.hpp"

#include <vector>

namespace sw::io {

// result[id - 1] is region id's shape, in the grid's coordinates.
Result<std::vector<MultiPolygon>> polygonizeRegions(const Grid& grid, const RegionLabels& regions);

} // namespace sw::io
