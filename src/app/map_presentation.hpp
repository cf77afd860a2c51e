// What the map shows that follows from the session and the UI state: the map and window
// titles, the density's automatic range, and the ward fill colours (choropleth or palette).
#pragma once

#include "core/kde.hpp"
#include "render/map_geometry.hpp"
#include "session/live_analysis.hpp"
#include "session/session.hpp"
#include "ui/map_ui_state.hpp"
#include "ui/map_view.hpp"

#include <string>

namespace sw::app {

// The map title: the shown layers and the period.
std::string mapTitle(const Session& session, const ui::MapUiState& ui);
std::string windowTitle(const Session& session);

// Density range from the result: the floor a share of the peak, the top the 99.5th percentile
// of the non-zero cells (so one extreme cell does not wash out the rest).
void autoDensityRange(ui::MapUiState& ui, const Grid& grid);

// Ward fill colours for the choropleth (grey where the statistic is unknown), and the legend.
void applyChoropleth(const Session& session, const ui::MapUiState& ui, const MapAnalysis* analysis,
                     MapGeometry& geometry, ui::MapOverlayInfo& info);

} // namespace sw::app
