// Triangulates polygons (holes kept) with GEOS's constrained Delaunay triangulation.
#pragma once

#include "core/geometry.hpp"

#include <vector>

namespace sw::geo {

// Triangle corners, three points per triangle, covering the shape.
std::vector<Point> triangulate(const MultiPolygon& shape);

} // namespace sw::geo
