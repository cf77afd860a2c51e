// The main menu bar: File (open data, save the plan, save map images, quit), View (layers of
// the map, panels, fit), Basemap, Plan (the panel and drawing tools), Help, and the background
// work's progress and the last status message beside them.
#pragma once

#include "ui/area_tools.hpp"
#include "ui/basemap_panel.hpp"
#include "ui/data_panel.hpp"
#include "ui/map_ui_state.hpp"
#include "ui/map_view.hpp"
#include "ui/save_image_panel.hpp"

#include <string>

namespace sw::ui {

struct WorkStatus {
    bool loading = false, computing = false, basemap = false; // basemap: fetching tiles
    double load_fraction = 0, compute_fraction = 0;
    std::string message; // the last status line (a saved image, a failed context layer)
};

// The plan's entries: the Plan panel, its tools, Save.
struct PlanMenu {
    bool& panel_open;
    AreaTool& tool;
    bool& export_open; // File > Export partner pack
    bool& report_open; // File > Board report
    bool save_requested = false;
};

// The Basemap menu's state and layer.
struct BasemapMenu {
    BasemapPanelState& panel;
    BasemapLayer& layer;
};

// Draws the menu bar; true when the user chose Quit.
bool drawMenuBar(MapUiState& ui, MapViewState& view, DataPanelState& data, SaveImageState& save,
                 PlanMenu& plan, BasemapMenu basemap, const WorkStatus& status);

} // namespace sw::ui
