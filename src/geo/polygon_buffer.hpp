// Polygon buffers with GEOS (the ring around a target area for the after-action check).
#pragma once

#include "core/geometry.hpp"

namespace sw::geo {

// The shape grown by `distance_m` (round corners, 16 segments a quarter circle); empty when it
// cannot be built.
MultiPolygon bufferPolygon(const MultiPolygon& shape, double distance_m);

} // namespace sw::geo
