// Map camera math.
#include "render/map_camera.hpp"

#include <algorithm>

namespace sw {

void MapCamera::setViewport(double w, double h) {
    width_ = std::max(1.0, w);
    height_ = std::max(1.0, h);
}

void MapCamera::setMetresPerPixel(double m) {
    m_per_px_ = std::clamp(m, kMinMetresPerPixel, kMaxMetresPerPixel);
}

void MapCamera::fit(const Box& world, double margin) {
    if (boxIsEmpty(world))
        return;
    centre_ = Point((world.min_corner().x() + world.max_corner().x()) / 2,
                    (world.min_corner().y() + world.max_corner().y()) / 2);
    const double usable = std::max(0.1, 1.0 - 2 * margin);
    const double mx = boxWidth(world) / (width_ * usable);
    const double my = boxHeight(world) / (height_ * usable);
    setMetresPerPixel(std::max({mx, my, kMinMetresPerPixel}));
}

Point MapCamera::worldToScreen(const Point& w) const {
    return Point(width_ / 2 + (w.x() - centre_.x()) / m_per_px_,
                 height_ / 2 - (w.y() - centre_.y()) / m_per_px_);
}

Point MapCamera::screenToWorld(const Point& s) const {
    return Point(centre_.x() + (s.x() - width_ / 2) * m_per_px_,
                 centre_.y() - (s.y() - height_ / 2) * m_per_px_);
}

void MapCamera::panPixels(double dx, double dy) {
    centre_ = Point(centre_.x() - dx * m_per_px_, centre_.y() + dy * m_per_px_);
}

void MapCamera::zoomAt(const Point& screen, double factor) {
    if (!(factor > 0))
        return;
    const Point before = screenToWorld(screen);
    setMetresPerPixel(m_per_px_ / factor);
    const Point after = screenToWorld(screen);
    centre_ = Point(centre_.x() + before.x() - after.x(), centre_.y() + before.y() - after.y());
}

Box MapCamera::visibleWorld() const {
    const Point a = screenToWorld(Point(0, height_)), b = screenToWorld(Point(width_, 0));
    return Box(a, b);
}

std::array<float, 16> MapCamera::clipFromWorld(const Point& origin) const {
    // clip.x = (wx + ox - cx) * 2 / (W * m), clip.y likewise with H.
    const double sx = 2.0 / (width_ * m_per_px_), sy = 2.0 / (height_ * m_per_px_);
    const double tx = (origin.x() - centre_.x()) * sx, ty = (origin.y() - centre_.y()) * sy;
    return {static_cast<float>(sx),
            0,
            0,
            0,
            0,
            static_cast<float>(sy),
            0,
            0,
            0,
            0,
            1,
            0,
            static_cast<float>(tx),
            static_cast<float>(ty),
            0,
            1};
}

} // namespace sw
