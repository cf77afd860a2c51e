// RAII over the GEOS C API (reentrant): a context handle, owned geometries, and
// conversion between Boost.Geometry multipolygons and GEOS geometries.
#pragma once

#include "core/geometry.hpp"

#include <geos_c.h>

#include <memory>
#include <string>
#include <vector>

namespace sw::geo {

class GeosContext {
  public:
    GeosContext();
    ~GeosContext();
    GeosContext(const GeosContext&) = delete;
    GeosContext& operator=(const GeosContext&) = delete;

    GEOSContextHandle_t handle() const { return h_; }
    // The last error or notice GEOS reported on this context.
    const std::string& lastMessage() const { return message_; }

  private:
    GEOSContextHandle_t h_;
    std::string message_;
};

struct GeomDeleter {
    GEOSContextHandle_t h;
    void operator()(GEOSGeometry* g) const {
        if (g)
            GEOSGeom_destroy_r(h, g);
    }
};
using GeomPtr = std::unique_ptr<GEOSGeometry, GeomDeleter>;

struct PreparedDeleter {
    GEOSContextHandle_t h;
    void operator()(const GEOSPreparedGeometry* g) const {
        if (g)
            GEOSPreparedGeom_destroy_r(h, g);
    }
};
using PreparedPtr = std::unique_ptr<const GEOSPreparedGeometry, PreparedDeleter>;

inline GeomPtr own(const GeosContext& c, GEOSGeometry* g) {
    return GeomPtr(g, GeomDeleter{c.handle()});
}

GeomPtr toGeos(const GeosContext& c, const MultiPolygon& mp);
GeomPtr toGeos(const GeosContext& c, const Polygon& p);
// Polygonal parts of any geometry (collections are searched); other parts are dropped.
MultiPolygon fromGeos(const GeosContext& c, const GEOSGeometry* g);
// Points of a (multi)point or the vertices of any geometry's first level, for tests/tools.
double geosArea(const GeosContext& c, const GEOSGeometry* g);

} // namespace sw::geo
