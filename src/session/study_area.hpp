// The study area: its default analysis extent, which grid cells' centres lie in a ward, and
// the district's name.
#pragma once

#include "core/kde.hpp"
#include "core/wards.hpp"
#include "session/session.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace sw {

// 1 for cells whose centre is in a ward; empty when no wards are loaded (every cell counts).
std::vector<std::uint8_t> studyCells(const WardSet& wards, const Grid& grid, unsigned threads);

// The wards' bounds (else the incidents'), grown to whole cells; empty when nothing is loaded.
Box studyExtent(const Session& session, double cell_size_m);

// The district the wards cover ("Medway", from an LADnnNM field), else the ward file's name;
// titles of reports and saved map images name it.
std::string districtName(const Session& session);

} // namespace sw
