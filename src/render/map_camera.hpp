// The map camera: pure math (no GL). World coordinates are working-CRS metres; screen
// coordinates are pixels with the origin at the top left and y down.
#pragma once

#include "core/geometry.hpp"

#include <array>

namespace sw {

class MapCamera {
  public:
    void setViewport(double width_px, double height_px);
    double width() const { return width_; }
    double height() const { return height_; }

    // Shows the whole box with a margin (fraction of the view on each side).
    void fit(const Box& world, double margin = 0.05);
    Point worldToScreen(const Point& world) const;
    Point screenToWorld(const Point& screen) const;
    // Moves the view by a screen-space drag (pixels).
    void panPixels(double dx, double dy);
    // Zooms by `factor` (> 1 zooms in) keeping the world point under `screen` fixed.
    void zoomAt(const Point& screen, double factor);

    double metresPerPixel() const { return m_per_px_; }
    const Point& centre() const { return centre_; }
    void setCentre(const Point& c) { centre_ = c; }
    void setMetresPerPixel(double m);
    Box visibleWorld() const;

    // Column-major 4x4 matrix from world coordinates relative to `origin` to clip space.
    // Positions are uploaded as float offsets from an origin near the data, so float
    // precision is kept at BNG magnitudes.
    std::array<float, 16> clipFromWorld(const Point& origin) const;

    static constexpr double kMinMetresPerPixel = 0.01;
    static constexpr double kMaxMetresPerPixel = 100000.0;

  private:
    double width_ = 1, height_ = 1;
    Point centre_{0, 0};
    double m_per_px_ = 10.0;
};

} // namespace sw
