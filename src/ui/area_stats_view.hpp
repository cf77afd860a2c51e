// A target area's statistics in a panel (the Plan panel's selected area, Suggest's
// candidates): the period and layers, incidents per layer, share, PAI, area, wards, residents,
// the previous period and the streets with the most incidents.
#pragma once

#include "session/area_statistics.hpp"

namespace sw::ui {

void drawAreaStats(const AreaStats& stats);

} // namespace sw::ui
