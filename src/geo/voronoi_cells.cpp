// Voronoi tessellation via GEOSVoronoiDiagram, clipped by intersection.
#include "geo/voronoi_cells.hpp"

#include "geo/geos_context.hpp"

namespace sw::geo {

std::vector<MultiPolygon> voronoiCells(const std::vector<Point>& seeds, const MultiPolygon& clip) {
    GeosContext ctx;
    const auto h = ctx.handle();
    std::vector<GEOSGeometry*> pts;
    for (const auto& s : seeds)
        pts.push_back(GEOSGeom_createPointFromXY_r(h, s.x(), s.y()));
    GeomPtr multipoint = own(ctx, GEOSGeom_createCollection_r(h, GEOS_MULTIPOINT, pts.data(),
                                                              static_cast<unsigned>(pts.size())));
    GeomPtr area = toGeos(ctx, clip);
    GeomPtr diagram = own(ctx, GEOSVoronoiDiagram_r(h, multipoint.get(), area.get(), 0.0, 0));
    std::vector<MultiPolygon> cells(seeds.size());
    if (!diagram)
        return cells;
    const int n = GEOSGetNumGeometries_r(h, diagram.get());
    for (int i = 0; i < n; ++i) {
        const GEOSGeometry* cell = GEOSGetGeometryN_r(h, diagram.get(), i);
        // Cells come in no particular order: match each to the seed it contains.
        for (std::size_t s = 0; s < seeds.size(); ++s) {
            GeomPtr pt = own(ctx, GEOSGeom_createPointFromXY_r(h, seeds[s].x(), seeds[s].y()));
            if (GEOSContains_r(h, cell, pt.get()) == 1) {
                GeomPtr clipped = own(ctx, GEOSIntersection_r(h, cell, area.get()));
                cells[s] = fromGeos(ctx, clipped.get());
                break;
            }
        }
    }
    return cells;
}

MultiPolygon unionOf(const MultiPolygon& a, const MultiPolygon& b) {
    GeosContext ctx;
    GeomPtr ga = toGeos(ctx, a), gb = toGeos(ctx, b);
    GeomPtr u = own(ctx, GEOSUnion_r(ctx.handle(), ga.get(), gb.get()));
    return fromGeos(ctx, u.get());
}

} // namespace sw::geo
