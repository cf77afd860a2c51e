// GEOS context handle and geometry conversion.
#include "geo/geos_context.hpp"

namespace sw::geo {
namespace {

void messageHandler(const char* message, void* user) {
    *static_cast<std::string*>(user) = message;
}

GEOSGeometry* ringToGeos(GEOSContextHandle_t h, const Ring& r) {
    const auto n = static_cast<unsigned>(r.size());
    const bool closed = n > 0 && bg::equals(r.front(), r.back());
    const unsigned m = closed ? n : n + 1;
    GEOSCoordSequence* seq = GEOSCoordSeq_create_r(h, m, 2);
    for (unsigned i = 0; i < n; ++i)
        GEOSCoordSeq_setXY_r(h, seq, i, r[i].x(), r[i].y());
    if (!closed && n > 0)
        GEOSCoordSeq_setXY_r(h, seq, n, r[0].x(), r[0].y());
    GEOSGeometry* ring = GEOSGeom_createLinearRing_r(h, seq);
    return ring;
}

GEOSGeometry* polygonToGeos(GEOSContextHandle_t h, const Polygon& p) {
    GEOSGeometry* shell = ringToGeos(h, p.outer());
    if (!shell)
        return nullptr;
    std::vector<GEOSGeometry*> holes;
    for (const auto& in : p.inners())
        if (GEOSGeometry* hr = ringToGeos(h, in))
            holes.push_back(hr);
    return GEOSGeom_createPolygon_r(h, shell, holes.empty() ? nullptr : holes.data(),
                                    static_cast<unsigned>(holes.size()));
}

Ring ringFromGeos(GEOSContextHandle_t h, const GEOSGeometry* ring) {
    Ring r;
    const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(h, ring);
    unsigned n = 0;
    GEOSCoordSeq_getSize_r(h, seq, &n);
    r.reserve(n);
    for (unsigned i = 0; i < n; ++i) {
        double x = 0, y = 0;
        GEOSCoordSeq_getXY_r(h, seq, i, &x, &y);
        r.emplace_back(x, y);
    }
    return r;
}

void collectPolygons(GEOSContextHandle_t h, const GEOSGeometry* g, MultiPolygon& out) {
    const int type = GEOSGeomTypeId_r(h, g);
    if (type == GEOS_POLYGON) {
        if (GEOSisEmpty_r(h, g))
            return;
        Polygon p;
        p.outer() = ringFromGeos(h, GEOSGetExteriorRing_r(h, g));
        const int nh = GEOSGetNumInteriorRings_r(h, g);
        for (int i = 0; i < nh; ++i)
            p.inners().push_back(ringFromGeos(h, GEOSGetInteriorRingN_r(h, g, i)));
        bg::correct(p);
        out.push_back(std::move(p));
    } else if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
        const int n = GEOSGetNumGeometries_r(h, g);
        for (int i = 0; i < n; ++i)
            collectPolygons(h, GEOSGetGeometryN_r(h, g, i), out);
    }
}

} // namespace

GeosContext::GeosContext() : h_(GEOS_init_r()) {
    GEOSContext_setErrorMessageHandler_r(h_, messageHandler, &message_);
    GEOSContext_setNoticeMessageHandler_r(h_, messageHandler, &message_);
}

GeosContext::~GeosContext() {
    GEOS_finish_r(h_);
}

GeomPtr toGeos(const GeosContext& c, const Polygon& p) {
    return own(c, polygonToGeos(c.handle(), p));
}

GeomPtr toGeos(const GeosContext& c, const MultiPolygon& mp) {
    const auto h = c.handle();
    std::vector<GEOSGeometry*> parts;
    for (const auto& p : mp)
        if (GEOSGeometry* g = polygonToGeos(h, p))
            parts.push_back(g);
    return own(c, GEOSGeom_createCollection_r(h, GEOS_MULTIPOLYGON,
                                              parts.empty() ? nullptr : parts.data(),
                                              static_cast<unsigned>(parts.size())));
}

MultiPolygon fromGeos(const GeosContext& c, const GEOSGeometry* g) {
    MultiPolygon out;
    if (g)
        collectPolygons(c.handle(), g, out);
    return out;
}

double geosArea(const GeosContext& c, const GEOSGeometry* g) {
    double a = 0;
    GEOSArea_r(c.handle(), g, &a);
    return a;
}

} // namespace sw::geo
