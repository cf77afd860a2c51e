// Editing a target area's shape on the map: the handles a selected area shows, moving it,
// dragging a handle (a polygon's vertex, a rectangle's corner, a circle's rim), adding and
// removing a polygon's vertices, and the polygon closed from clicked vertices. Plain geometry,
// tested headless; the map's tools (ui/area_tools) call it.
#pragma once

#include "core/target_area.hpp"

#include <optional>
#include <vector>

namespace sw {

struct ShapeHandle {
    Point at;
    std::size_t part = 0;  // polygon of the multipolygon
    std::size_t index = 0; // vertex of its outer ring (circles: 0, the rim)
};

// Drawn polygons: every outer-ring vertex; rectangles: the four corners; circles: one point
// on the rim (east of the centre).
std::vector<ShapeHandle> shapeHandles(const TargetArea& area);

// The handle within `tolerance_m` of `p` (the nearest), if any.
std::optional<ShapeHandle> handleNear(const TargetArea& area, const Point& p, double tolerance_m);

bool areaContains(const TargetArea& area, const Point& p);

// The area moved by (dx, dy) metres (its centre too).
TargetArea movedArea(TargetArea area, double dx, double dy);

// The area with a handle dragged to `to`: a polygon's vertex moves; a rectangle stays a
// rectangle on the opposite corner; a circle's radius becomes the distance to `to` (at least
// `min_radius_m`).
TargetArea withHandleAt(TargetArea area, const ShapeHandle& handle, const Point& to,
                        double min_radius_m = 10);

// A drawn polygon with a vertex added on the edge nearest `p` (within `tolerance_m`); nullopt
// when no edge is that near or the area is not a drawn polygon.
std::optional<TargetArea> withVertexAdded(const TargetArea& area, const Point& p,
                                          double tolerance_m);
// A drawn polygon without the vertex; nullopt when it would keep fewer than three.
std::optional<TargetArea> withVertexRemoved(const TargetArea& area, const ShapeHandle& handle);

// The polygon through the clicked vertices, closed and oriented (repeated clicks dropped);
// empty with fewer than three distinct vertices.
MultiPolygon polygonFromVertices(const std::vector<Point>& vertices);

} // namespace sw
