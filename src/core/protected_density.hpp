// A density surface that cannot give away where a few protected rows are. Rows of sources that
// are not public have been moved (core/location_mask) before they reach here; on top of that,
// a cell to which fewer than `min_rows` of them contribute (lie within the kernel's radius of
// its centre) shows the public rows' density only. A lone partner incident in an empty square
// leaves no mark at all, and a cell's value never rests on one or two protected rows.
#pragma once

#include "core/kde.hpp"

#include <cstdint>
#include <vector>

namespace sw {

struct ProtectedKde {
    KdeResult kde;
    std::size_t protected_points = 0; // points flagged protected
    std::size_t suppressed_cells = 0; // cells where 1..min_rows-1 of them contribute
};

// protected_rows: per point, non-zero when it is a (masked) row of a non-public source; empty,
// or none set, or min_rows <= 1: the plain surface. Otherwise the public and the protected
// points are summed per cell, the protected part dropped where fewer than min_rows of its
// points (counted once each, whatever their weights) reach the cell.
Result<ProtectedKde> computeProtectedKde(const WeightedPoints& points,
                                         const std::vector<std::uint8_t>& protected_rows,
                                         std::size_t min_rows, const KdeParams& params,
                                         const Box& study_extent, Progress* progress = nullptr);

} // namespace sw
