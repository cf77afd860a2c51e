// Hotspot outlines that follow the density surface: the contour at the threshold (GDAL's
// contour generator, polygonised), one MultiPolygon per hotspot region. The outlines are for
// pictures (the map, the report, the pack's map); the hotspots' polygons in exported layers stay
// the cells the statistics count (io/region_polygons).
#pragma once

#include "core/hotspots.hpp"
#include "core/kde.hpp"
#include "core/result.hpp"

#include <cstdint>
#include <vector>

namespace sw::io {

// result[id - 1] is region id's outline, in the grid's coordinates: the parts of the surface at
// or above `threshold` (inside the study area) that hold a cell centre of that region. The
// contour runs through the cell centres' values, interpolated; a region the contour misses
// (too small to enclose) keeps `fallback[id - 1]`, its cells' polygon.
Result<std::vector<MultiPolygon>> contourRegions(const Grid& grid, const RegionLabels& regions,
                                                 double threshold,
                                                 const std::vector<std::uint8_t>& in_study,
                                                 const std::vector<MultiPolygon>& fallback);

} // namespace sw::io
