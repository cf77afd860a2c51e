// Polygon buffers via GEOSBuffer.
#include "geo/polygon_buffer.hpp"

#include "geo/geos_context.hpp"

namespace sw::geo {

MultiPolygon bufferPolygon(const MultiPolygon& shape, double distance_m) {
    GeosContext ctx;
    GeomPtr g = toGeos(ctx, shape);
    if (!g)
        return {};
    GeomPtr grown = own(ctx, GEOSBuffer_r(ctx.handle(), g.get(), distance_m, 16));
    return grown ? fromGeos(ctx, grown.get()) : MultiPolygon{};
}

} // namespace sw::geo
