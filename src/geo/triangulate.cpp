// Polygon triangulation via GEOSConstrainedDelaunayTriangulation.
#include "geo/triangulate.hpp"

#include "geo/geos_context.hpp"

namespace sw::geo {

std::vector<Point> triangulate(const MultiPolygon& shape) {
    GeosContext ctx;
    const auto h = ctx.handle();
    std::vector<Point> out;
    GeomPtr g = toGeos(ctx, shape);
    if (!g)
        return out;
    GeomPtr tris = own(ctx, GEOSConstrainedDelaunayTriangulation_r(h, g.get()));
    if (!tris)
        return out;
    const int n = GEOSGetNumGeometries_r(h, tris.get());
    out.reserve(static_cast<std::size_t>(n) * 3);
    for (int i = 0; i < n; ++i) {
        const GEOSGeometry* tri = GEOSGetGeometryN_r(h, tris.get(), i);
        const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(h, GEOSGetExteriorRing_r(h, tri));
        for (unsigned k = 0; k < 3; ++k) {
            double x = 0, y = 0;
            GEOSCoordSeq_getXY_r(h, seq, k, &x, &y);
            out.emplace_back(x, y);
        }
    }
    return out;
}

} // namespace sw::geo
