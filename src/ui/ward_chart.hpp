// The Wards panel's chart for the selected ward or the whole study area: the monthly counts of
// each shown layer over the loaded months (the period shaded) with the same month a year
// earlier dashed, months without data left as gaps, never zeros; and the period's crime types
// as bars. Drawn with ImGui's draw list from the live analysis' WardCharts.
#pragma once

#include "core/colour_ramps.hpp"
#include "core/period_counts.hpp"

#include <string>
#include <vector>

namespace sw::ui {

// colours: one per series (the layers' colours); a series beyond them is drawn grey.
void drawWardChart(const WardCharts& charts, std::int32_t ward, const std::string& title,
                   const std::vector<Rgba>& colours);

// The chart's y axis: the smallest 1, 2 or 5 times a power of ten at or above the largest
// count (at least 1), so the axis ends on a round number.
std::int64_t chartCeiling(std::int64_t largest);

} // namespace sw::ui
