// Points bucketed by square cells for "which points lie in this polygon" asked every frame (the
// live statistics of an area being dragged). A cell no edge of the polygon passes through is
// wholly inside or wholly outside, decided by one test of its centre, so only the points of the
// cells on the boundary are tested one by one. On 1,000,000 incidents this is several times
// faster than an R-tree box query with a test per point (bench/bench_planner).
#pragma once

#include "core/geometry.hpp"

#include <cstdint>
#include <vector>

namespace sw {

class PointGrid {
  public:
    PointGrid() = default;
    PointGrid(const std::vector<double>& x, const std::vector<double>& y, double cell_m = 50);

    // Appends the indices of the points covered by the shape (boundary included), in no order.
    void inside(const MultiPolygon& shape, std::vector<std::uint32_t>& out) const;
    std::size_t size() const { return order_.size(); }

  private:
    double x0_ = 0, y0_ = 0, cell_ = 50;
    std::size_t cols_ = 0, rows_ = 0;
    std::vector<std::uint32_t> start_; // per cell, into order_ (cols * rows + 1)
    std::vector<std::uint32_t> order_; // point indices, cell by cell
    std::vector<double> xs_, ys_;      // their coordinates, in the same order
};

} // namespace sw
