// Printing target areas and their statistics on the terminal (suggest, plan).
#pragma once

#include "core/target_area.hpp"
#include "session/area_statistics.hpp"

#include <string>

namespace sw::cli {

// A heading line and the statistics lines of one area.
void printArea(const TargetArea& area, const AreaStats& stats);

// "1,234"
std::string withCommas(std::int64_t n);

} // namespace sw::cli
