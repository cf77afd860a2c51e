// Voronoi cells of seed points clipped to an area (GEOS), one per seed, in seed order.
#pragma once

#include "core/geometry.hpp"

#include <vector>

namespace sw::geo {

std::vector<MultiPolygon> voronoiCells(const std::vector<Point>& seeds, const MultiPolygon& clip);

// Union of two areas (GEOS).
MultiPolygon unionOf(const MultiPolygon& a, const MultiPolygon& b);

} // namespace sw::geo
