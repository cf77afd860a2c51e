// Hexagon tessellation.
#include "core/hex_grid.hpp"

#include <cmath>
#include <numbers>

namespace sw {

HexGrid::HexGrid(double circumradius_m, Point origin) : r_(circumradius_m), origin_(origin) {}

HexCell HexGrid::cellOf(double x, double y) const {
    const double px = (x - origin_.x()) / r_, py = (y - origin_.y()) / r_;
    const double fq = std::numbers::sqrt3 / 3 * px - py / 3, fr = 2.0 / 3 * py;
    const double fs = -fq - fr;
    double q = std::round(fq), r = std::round(fr);
    const double s = std::round(fs);
    const double dq = std::abs(q - fq), dr = std::abs(r - fr), ds = std::abs(s - fs);
    if (dq > dr && dq > ds)
        q = -r - s;
    else if (dr > ds)
        r = -q - s;
    return {static_cast<std::int32_t>(q), static_cast<std::int32_t>(r)};
}

Point HexGrid::centre(HexCell c) const {
    return Point(origin_.x() + r_ * std::numbers::sqrt3 * (c.q + c.r / 2.0),
                 origin_.y() + r_ * 1.5 * c.r);
}

MultiPolygon HexGrid::shape(HexCell c) const {
    const Point m = centre(c);
    Polygon p;
    for (int i = 0; i < 6; ++i) { // corners at 30, 90, ... degrees (pointy top)
        const double a = std::numbers::pi / 180 * (30 + 60 * i);
        p.outer().emplace_back(m.x() + r_ * std::cos(a), m.y() + r_ * std::sin(a));
    }
    p.outer().push_back(p.outer().front());
    bg::correct(p);
    return MultiPolygon{p};
}

std::vector<HexCell> HexGrid::neighbours(HexCell c) const {
    return {{c.q + 1, c.r}, {c.q - 1, c.r},     {c.q, c.r + 1},
            {c.q, c.r - 1}, {c.q + 1, c.r - 1}, {c.q - 1, c.r + 1}};
}

double HexGrid::area() const {
    return 1.5 * std::numbers::sqrt3 * r_ * r_;
}

} // namespace sw
