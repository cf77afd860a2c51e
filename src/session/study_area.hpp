// The study area on a grid: which cells' centres lie inside a ward.
#pragma once

#include "core/kde.hpp"
#include "core/wards.hpp"

#include <cstdint>
#include <vector>

namespace sw {

// 1 for cells whose centre is in a ward; empty when no wards are loaded (every cell counts).
std::vector<std::uint8_t> studyCells(const WardSet& wards, const Grid& grid, unsigned threads);

} // namespace sw
