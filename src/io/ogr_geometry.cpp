// Polygon conversion between OGR and Boost.Geometry.
#include "io/ogr_geometry.hpp"

#include <memory>

namespace sw::io {
namespace {

Ring toRing(const OGRLinearRing* r) {
    Ring ring;
    const int n = r->getNumPoints();
    ring.reserve(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i)
        ring.emplace_back(r->getX(i), r->getY(i));
    return ring;
}

void addPolygon(const OGRPolygon* p, MultiPolygon& out) {
    if (!p || p->IsEmpty())
        return;
    Polygon poly;
    poly.outer() = toRing(p->getExteriorRing());
    for (int i = 0; i < p->getNumInteriorRings(); ++i)
        poly.inners().push_back(toRing(p->getInteriorRing(i)));
    bg::correct(poly); // Boost.Geometry's orientation (clockwise outer rings), rings closed
    out.push_back(std::move(poly));
}

} // namespace

bool toMultiPolygon(const OGRGeometry* g, MultiPolygon& out) {
    switch (wkbFlatten(g->getGeometryType())) {
    case wkbPolygon:
        addPolygon(g->toPolygon(), out);
        break;
    case wkbMultiPolygon:
        for (const auto* p : *g->toMultiPolygon())
            addPolygon(p, out);
        break;
    case wkbGeometryCollection:
        for (const auto* part : *g->toGeometryCollection())
            toMultiPolygon(part, out);
        break;
    case wkbCurvePolygon:
    case wkbMultiSurface: {
        std::unique_ptr<OGRGeometry> lin(g->getLinearGeometry());
        if (lin)
            toMultiPolygon(lin.get(), out);
        break;
    }
    default:
        break;
    }
    return !out.empty();
}

namespace {

OGRPolygon toOgr(const Polygon& p) {
    OGRPolygon poly;
    auto ring = [](const Ring& r) {
        auto* lr = new OGRLinearRing();
        for (const auto& pt : r)
            lr->addPoint(pt.x(), pt.y());
        lr->closeRings();
        return lr;
    };
    poly.addRingDirectly(ring(p.outer()));
    for (const auto& in : p.inners())
        poly.addRingDirectly(ring(in));
    return poly;
}

} // namespace

OGRMultiPolygon toOgrMultiPolygon(const MultiPolygon& shape) {
    OGRMultiPolygon mp;
    for (const auto& p : shape) {
        OGRPolygon poly = toOgr(p);
        mp.addGeometry(&poly);
    }
    return mp;
}

} // namespace sw::io
