// Wards panel: the choropleth settings (statistic, classes, method, ramp), a monthly chart of
// the selected ward or the study area (ui/ward_chart), and a sortable table of the period's ward
// profile (count, rate, rank, change, per layer); a click zooms and charts that ward.
#pragma once

#include "core/period_counts.hpp"
#include "core/ward_profile.hpp"
#include "session/session.hpp"
#include "ui/map_ui_state.hpp"

#include <optional>

namespace sw::ui {

// Returns the box to zoom to when a ward row was clicked (the row is then the chart's ward).
std::optional<Box> drawWardsPanel(MapUiState& ui, const Session& session,
                                  const WardProfile* profile, const WardCharts* charts);

} // namespace sw::ui
