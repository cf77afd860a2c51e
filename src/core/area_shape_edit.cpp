// Target-area shape editing.
#include "core/area_shape_edit.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace sw {
namespace {

double distance(const Point& a, const Point& b) {
    return std::hypot(a.x() - b.x(), a.y() - b.y());
}

// Distance from p to the segment ab.
double segmentDistance(const Point& p, const Point& a, const Point& b) {
    const double dx = b.x() - a.x(), dy = b.y() - a.y();
    const double len2 = dx * dx + dy * dy;
    double t = len2 > 0 ? ((p.x() - a.x()) * dx + (p.y() - a.y()) * dy) / len2 : 0;
    t = std::clamp(t, 0.0, 1.0);
    return distance(p, Point(a.x() + t * dx, a.y() + t * dy));
}

// The outer ring's distinct vertices (the closing repeat left off).
std::size_t ringVertices(const Ring& r) {
    return r.size() > 1 && bg::equals(r.front(), r.back()) ? r.size() - 1 : r.size();
}

void closeRing(Ring& r) {
    if (!r.empty() && !bg::equals(r.front(), r.back()))
        r.push_back(r.front());
    else if (!r.empty())
        r.back() = r.front();
}

} // namespace

std::vector<ShapeHandle> shapeHandles(const TargetArea& area) {
    std::vector<ShapeHandle> out;
    if (area.shape_kind == AreaShape::Circle) {
        out.push_back({Point(area.centre.x() + area.radius_m, area.centre.y()), 0, 0});
        return out;
    }
    for (std::size_t p = 0; p < area.shape.size(); ++p) {
        const Ring& r = area.shape[p].outer();
        for (std::size_t i = 0; i < ringVertices(r); ++i)
            out.push_back({r[i], p, i});
    }
    return out;
}

std::optional<ShapeHandle> handleNear(const TargetArea& area, const Point& p, double tolerance_m) {
    std::optional<ShapeHandle> best;
    double best_d = tolerance_m;
    for (const auto& h : shapeHandles(area))
        if (const double d = distance(h.at, p); d <= best_d) {
            best = h;
            best_d = d;
        }
    return best;
}

bool areaContains(const TargetArea& area, const Point& p) {
    return bg::covered_by(p, area.shape);
}

TargetArea movedArea(TargetArea area, double dx, double dy) {
    for (auto& poly : area.shape) {
        for (auto& v : poly.outer())
            v = Point(v.x() + dx, v.y() + dy);
        for (auto& hole : poly.inners())
            for (auto& v : hole)
                v = Point(v.x() + dx, v.y() + dy);
    }
    area.centre = Point(area.centre.x() + dx, area.centre.y() + dy);
    return area;
}

TargetArea withHandleAt(TargetArea area, const ShapeHandle& h, const Point& to,
                        double min_radius_m) {
    if (area.shape_kind == AreaShape::Circle) {
        area.radius_m = std::max(min_radius_m, distance(area.centre, to));
        area.shape = circleShape(area.centre, area.radius_m);
        return area;
    }
    if (h.part >= area.shape.size())
        return area;
    Ring& r = area.shape[h.part].outer();
    const std::size_t n = ringVertices(r);
    if (h.index >= n)
        return area;
    if (area.shape_kind == AreaShape::Rectangle && n == 4) {
        area.shape = rectangleShape(r[(h.index + 2) % 4], to);
        return area;
    }
    r[h.index] = to;
    if (h.index == 0)
        r.back() = to; // the ring's closing repeat of its first vertex
    closeRing(r);
    bg::correct(area.shape);
    return area;
}

std::optional<TargetArea> withVertexAdded(const TargetArea& area, const Point& p,
                                          double tolerance_m) {
    if (area.shape_kind != AreaShape::Drawn)
        return std::nullopt;
    double best = tolerance_m;
    std::optional<std::pair<std::size_t, std::size_t>> at; // part, index of the edge's end
    for (std::size_t part = 0; part < area.shape.size(); ++part) {
        const Ring& r = area.shape[part].outer();
        const std::size_t n = ringVertices(r);
        for (std::size_t i = 0; i < n; ++i)
            if (const double d = segmentDistance(p, r[i], r[(i + 1) % n]); d <= best) {
                best = d;
                at = {part, i + 1};
            }
    }
    if (!at)
        return std::nullopt;
    TargetArea out = area;
    Ring& r = out.shape[at->first].outer();
    r.insert(r.begin() + static_cast<std::ptrdiff_t>(at->second), p);
    closeRing(r);
    return out;
}

std::optional<TargetArea> withVertexRemoved(const TargetArea& area, const ShapeHandle& h) {
    if (area.shape_kind != AreaShape::Drawn || h.part >= area.shape.size())
        return std::nullopt;
    TargetArea out = area;
    Ring& r = out.shape[h.part].outer();
    const std::size_t n = ringVertices(r);
    if (n <= 3 || h.index >= n)
        return std::nullopt;
    r.resize(n); // drop the closing repeat
    r.erase(r.begin() + static_cast<std::ptrdiff_t>(h.index));
    closeRing(r);
    return out;
}

MultiPolygon polygonFromVertices(const std::vector<Point>& vertices) {
    Polygon poly;
    for (const auto& v : vertices)
        if (poly.outer().empty() || distance(poly.outer().back(), v) > 1e-6)
            poly.outer().push_back(v);
    while (poly.outer().size() > 1 && distance(poly.outer().front(), poly.outer().back()) <= 1e-6)
        poly.outer().pop_back();
    if (poly.outer().size() < 3)
        return {};
    closeRing(poly.outer());
    bg::correct(poly);
    return MultiPolygon{poly};
}

} // namespace sw
