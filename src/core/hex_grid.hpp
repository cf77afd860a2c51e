// A tessellation of equal hexagons (pointy-top, circumradius R: centre to corner) from an origin:
// the College of Policing's "equal-sized geographical areas" for ranking places by crime or harm.
// Cells in axial coordinates (q, r); a point's cell by cube rounding.
#pragma once

#include "core/geometry.hpp"

#include <cstdint>
#include <vector>

namespace sw {

struct HexCell {
    std::int32_t q = 0, r = 0;
    bool operator==(const HexCell&) const = default;
};

class HexGrid {
  public:
    HexGrid(double circumradius_m, Point origin);

    HexCell cellOf(double x, double y) const;
    Point centre(HexCell c) const;
    MultiPolygon shape(HexCell c) const; // closed, clockwise
    // The six cells that share an edge with c.
    std::vector<HexCell> neighbours(HexCell c) const;
    double radius() const { return r_; }
    double area() const; // square metres: 3 sqrt(3) / 2 R^2

  private:
    double r_;
    Point origin_;
};

} // namespace sw
