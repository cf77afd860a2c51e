// Main menu bar.
#include "ui/menu_bar.hpp"

#include <imgui.h>

namespace sw::ui {

bool drawMenuBar(MapUiState& ui, MapViewState& view, DataPanelState& data, SaveImageState& save,
                 PlanMenu& plan, BasemapMenu basemap, const WorkStatus& status) {
    bool quit = false;
    if (!ImGui::BeginMainMenuBar())
        return quit;
    if (ImGui::BeginMenu("File")) {
        ImGui::MenuItem("Open data...", "Ctrl+O", &data.open);
        if (ImGui::MenuItem("Save plan", "Ctrl+S"))
            plan.save_requested = true;
        if (ImGui::MenuItem("Save map image (PNG)", "Ctrl+Shift+S"))
            save.requested = true;
        ImGui::MenuItem("Save map image at a size...", nullptr, &save.open);
        ImGui::MenuItem("Export partner pack...", nullptr, &plan.export_open);
        ImGui::MenuItem("Board report (PDF or HTML)...", nullptr, &plan.report_open);
        if (ImGui::MenuItem("Quit"))
            quit = true;
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("View")) {
        ImGui::MenuItem("Density surface", "D", &ui.density.visible);
        ImGui::MenuItem("Hotspot outlines", "H", &ui.hotspots_visible);
        ImGui::MenuItem("Incident points", "I", &ui.points_visible);
        ImGui::MenuItem("Incidents outside the study area (dimmed)", nullptr, &ui.show_outside);
        bool every = ui.point_budget == 0;
        if (ImGui::MenuItem("Draw every point (slow on software GL)", nullptr, &every))
            ui.point_budget = every ? 0 : 100000;
        ImGui::MenuItem("Ward choropleth", "K", &ui.choropleth.on);
        ImGui::MenuItem("Ward labels", nullptr, &view.show_labels);
        if (ImGui::MenuItem("Hide panels", "Tab"))
            ui.hide_panels = true;
        if (ImGui::MenuItem("Fit study area", "F"))
            view.fit_requested = true;
        ImGui::EndMenu();
    }
    drawBasemapMenu(basemap.panel, basemap.layer, ui.basemap);
    if (ImGui::BeginMenu("Plan")) {
        ImGui::MenuItem("Plan panel (areas, schedule, suggest)", nullptr, &plan.panel_open);
        const std::pair<AreaTool, const char*> tools[] = {{AreaTool::Select, "Esc"},
                                                          {AreaTool::Polygon, "P"},
                                                          {AreaTool::Circle, "C"},
                                                          {AreaTool::Rectangle, "R"}};
        for (const auto& [tool, key] : tools)
            if (ImGui::MenuItem(toolName(tool), key, plan.tool == tool))
                plan.tool = tool;
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Help")) {
        ImGui::MenuItem("Shortcuts and help", "F1", &ui.show_help);
        ImGui::EndMenu();
    }
    if (status.loading)
        ImGui::Text("   Loading... %.0f%%", status.load_fraction * 100);
    else if (status.computing)
        ImGui::Text("   Computing density... %.0f%%", status.compute_fraction * 100);
    if (status.basemap)
        ImGui::Text("   Basemap: fetching tiles...");
    if (!status.message.empty())
        ImGui::Text("   %s", status.message.c_str());
    ImGui::EndMainMenuBar();
    return quit;
}

} // namespace sw::ui
