// The panels around the map, laid out and drawn for one frame: Layers and the rule editor, the
// Load report, Period, Hotspots, Wards, Help, Save map image and Data. They read the session
// and write back through its actions; what they ask of the app comes back as requests.
#pragma once

#include "render/map_geometry.hpp"
#include "session/session.hpp"
#include "session/session_jobs.hpp"
#include "ui/data_panel.hpp"
#include "ui/map_ui_state.hpp"
#include "ui/map_view.hpp"
#include "ui/save_image_panel.hpp"

#include <optional>
#include <string>

namespace sw::ui {

struct PanelRequests {
    std::optional<Box> zoom;         // a hotspot or ward chosen in a table
    std::optional<LoadRequest> load; // the Data panel's Load button
};

struct PanelState {
    MapUiState& ui;
    MapViewState& view;
    DataPanelState& data;
    SaveImageState& save;
    const std::string& load_error;                 // the last failed load, for the Load report
    const std::vector<std::size_t>& period_counts; // per layer, in the period and study area
};

PanelRequests drawPanels(PanelState& panels, Session& session, SessionJobs& jobs,
                         const MapGeometry& geometry, int window_width, int window_height,
                         double now_s);

} // namespace sw::ui
