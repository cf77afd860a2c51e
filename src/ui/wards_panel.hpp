// Wards panel: the choropleth settings (statistic, classes, method, ramp) and a sortable table
// of the period's ward profile (count, rate, rank, change, per layer); a click zooms.
#pragma once

#include "core/ward_profile.hpp"
#include "session/session.hpp"
#include "ui/map_ui_state.hpp"

#include <optional>

namespace sw::ui {

// Returns the box to zoom to when a ward row was clicked.
std::optional<Box> drawWardsPanel(MapUiState& ui, const Session& session,
                                  const WardProfile* profile);

} // namespace sw::ui
