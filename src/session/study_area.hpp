// The study area: its default analysis extent, and which grid cells' centres lie in a ward.
#pragma once

#include "core/kde.hpp"
#include "core/wards.hpp"
#include "session/session.hpp"

#include <cstdint>
#include <vector>

namespace sw {

// 1 for cells whose centre is in a ward; empty when no wards are loaded (every cell counts).
std::vector<std::uint8_t> studyCells(const WardSet& wards, const Grid& grid, unsigned threads);

// The wards' bounds (else the incidents'), grown to whole cells; empty when nothing is loaded.
Box studyExtent(const Session& session, double cell_size_m);

} // namespace sw
