// Polygons between GDAL/OGR and the working geometry types (Boost.Geometry).
#pragma once

#include "core/geometry.hpp"

#include <ogr_geometry.h>

namespace sw::io {

// Polygonal parts of a geometry appended to out (curves linearised); false when it has none.
bool toMultiPolygon(const OGRGeometry* g, MultiPolygon& out);

OGRMultiPolygon toOgrMultiPolygon(const MultiPolygon& shape);

} // namespace sw::io
