// Polygon repair via GEOSMakeValid.
#include "geo/polygon_repair.hpp"

#include "geo/geos_context.hpp"

namespace sw::geo {

RepairOutcome repairPolygon(const MultiPolygon& shape) {
    GeosContext ctx;
    RepairOutcome out;
    GeomPtr g = toGeos(ctx, shape);
    if (!g) {
        out.was_invalid = true;
        out.reason = "rings could not be built (" + ctx.lastMessage() + ")";
        return out;
    }
    if (GEOSisValid_r(ctx.handle(), g.get()) == 1) {
        out.shape = shape;
        return out;
    }
    out.was_invalid = true;
    if (char* why = GEOSisValidReason_r(ctx.handle(), g.get())) {
        out.reason = why;
        GEOSFree_r(ctx.handle(), why);
    }
    GeomPtr fixed = own(ctx, GEOSMakeValid_r(ctx.handle(), g.get()));
    if (fixed)
        out.shape = fromGeos(ctx, fixed.get());
    return out;
}

double polygonArea(const MultiPolygon& shape) {
    GeosContext ctx;
    GeomPtr g = toGeos(ctx, shape);
    return g ? geosArea(ctx, g.get()) : 0.0;
}

} // namespace sw::geo
