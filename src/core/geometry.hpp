// Planar geometry types (working CRS metres), registered with Boost.Geometry.
#pragma once

#include <boost/geometry.hpp>
#include <boost/geometry/geometries/box.hpp>
#include <boost/geometry/geometries/multi_polygon.hpp>
#include <boost/geometry/geometries/point_xy.hpp>
#include <boost/geometry/geometries/polygon.hpp>

namespace sw {

namespace bg = boost::geometry;

// A point in the working projected CRS (metres), or in the source CRS before projection.
using Point = bg::model::d2::point_xy<double>;
// Polygons are clockwise, closed (Boost.Geometry's defaults); call bg::correct after building.
using Ring = bg::model::ring<Point>;
using Polygon = bg::model::polygon<Point>;
using MultiPolygon = bg::model::multi_polygon<Polygon>;
using Box = bg::model::box<Point>;

inline Box emptyBox() {
    Box b;
    bg::assign_inverse(b);
    return b;
}

inline bool boxIsEmpty(const Box& b) {
    return !(b.min_corner().x() <= b.max_corner().x() && b.min_corner().y() <= b.max_corner().y());
}

inline void expandBox(Box& b, double x, double y) {
    bg::expand(b, Point(x, y));
}

inline double boxWidth(const Box& b) {
    return b.max_corner().x() - b.min_corner().x();
}
inline double boxHeight(const Box& b) {
    return b.max_corner().y() - b.min_corner().y();
}

} // namespace sw
