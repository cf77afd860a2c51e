// Hotspots panel: kernel, radius (with the named bandwidth suggestions), cell size, units,
// threshold, layer weights and the density style; the background job's progress and cancel;
// the ranked hotspot list (a click zooms to the hotspot).
#pragma once

#include "session/live_analysis.hpp"
#include "session/session.hpp"
#include "ui/map_ui_state.hpp"

#include <optional>

namespace sw::ui {

// Returns the box to zoom to when a hotspot was clicked.
std::optional<Box> drawHotspotsPanel(MapUiState& ui, const Session& session, LiveAnalysis& live);

} // namespace sw::ui
