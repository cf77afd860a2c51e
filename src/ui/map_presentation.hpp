// What the map shows that follows from the session and the UI state: the map and window
// titles, the density's automatic range, the ward fill colours (choropleth or palette), and
// which incident points are drawn (the period, and the level of detail for the view).
#pragma once

#include "core/kde.hpp"
#include "render/map_geometry.hpp"
#include "session/live_analysis.hpp"
#include "session/session.hpp"
#include "ui/map_ui_state.hpp"
#include "ui/map_view.hpp"

#include <string>

namespace sw::ui {

// The map title: the shown layers and the period.
std::string mapTitle(const Session& session, const MapUiState& ui);
// A saved map image's title: the district, then the layers and period, and when it was made
// ("Medway: Anti-social behaviour, 2025-07 to 2025-12 (made 2026-12-02 15:04 UTC)").
std::string imageTitle(const Session& s, const MapUiState& ui, const std::string& made);
std::string windowTitle(const Session& session);

// Density range from the result: the floor a share of the peak, the top the 99.5th percentile
// of the non-zero cells (so one extreme cell does not wash out the rest).
void autoDensityRange(MapUiState& ui, const Grid& grid);

// Ward fill colours for the choropleth (grey where the statistic is unknown), and the legend.
void applyChoropleth(const Session& session, const MapUiState& ui, const MapAnalysis* analysis,
                     MapGeometry& geometry, MapOverlayInfo& info);

// The box the map fits to: the wards' bounds, else the incidents'.
Box dataBounds(const Session& session);

// Each layer's point style for this frame (colour, size, opacity, visibility from the layers;
// the period's ranges inside and outside the study area from the geometry, the outside ones
// dimmed or hidden) with the points per layer in the period inside the study area (what every
// figure counts), and the level of detail: every k-th point so that about ui.point_budget
// points are drawn for the share of the data's box the camera shows. Returns k.
std::size_t updatePointStyles(std::vector<LayerDrawStyle>& styles, std::vector<std::size_t>& counts,
                              const Session& session, const MapGeometry& geometry,
                              const MapUiState& ui, const MapCamera& camera);

} // namespace sw::ui
