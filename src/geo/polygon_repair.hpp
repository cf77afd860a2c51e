// Ward polygon validity and repair with GEOS (MakeValid), keeping parts and holes.
#pragma once

#include "core/geometry.hpp"

#include <string>

namespace sw::geo {

struct RepairOutcome {
    MultiPolygon shape;
    bool was_invalid = false;
    std::string reason; // GEOS's reason, e.g. "Self-intersection[571234 167890]"
};

// Returns the shape unchanged when valid, else GEOS's repaired polygonal parts.
RepairOutcome repairPolygon(const MultiPolygon& shape);

// Area in the shape's units squared (planar), computed by GEOS.
double polygonArea(const MultiPolygon& shape);

} // namespace sw::geo
