// Help panel.
#include "ui/help_panel.hpp"

#include <imgui.h>

namespace sw::ui {

void drawHelpPanel(bool& open) {
    if (!open)
        return;
    ImGui::SetNextWindowPos(ImVec2(400, 120), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(430, 0), ImGuiCond_FirstUseEver);
    if (!ImGui::Begin("Help", &open)) {
        ImGui::End();
        return;
    }
    const char* keys[][2] = {
        {"Drag", "pan"},
        {"Wheel, + / -", "zoom at the cursor / the centre"},
        {"F or Home", "fit the study area"},
        {"Space", "play / pause the months"},
        {"Left / Right", "previous / next month window"},
        {"D", "density surface on / off"},
        {"H", "hotspot outlines on / off"},
        {"I", "incident points on / off"},
        {"K", "ward choropleth on / off"},
        {"G", "Gi* hot and cold spots on / off"},
        {"Tab", "hide / show the panels"},
        {"P", "draw a polygon area: click vertices, double-click or Enter closes"},
        {"C", "draw a circle area: click the centre, then the edge"},
        {"R", "draw a rectangle area: click two corners"},
        {"Esc", "cancel the drawing, then the tool, then the selection"},
        {"Click / drag", "select an area / move it; drag a handle to reshape"},
        {"Double-click edge", "add a vertex to the selected polygon"},
        {"Right-click vertex", "remove it"},
        {"Delete", "remove the selected area (while drawing: the last vertex)"},
        {"Ctrl+Z / Ctrl+Y", "undo / redo an edit of the plan"},
        {"Middle drag", "pan while a drawing tool is active"},
        {"Ctrl+S", "save the plan"},
        {"Ctrl+Shift+S", "save the map image (PNG)"},
        {"Ctrl+O", "open data (the Data panel)"},
        {"F1", "this help"},
    };
    if (ImGui::BeginTable("keys", 2, ImGuiTableFlags_RowBg)) {
        for (const auto& k : keys) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(k[0]);
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(k[1]);
        }
        ImGui::EndTable();
    }
    ImGui::TextWrapped(
        "The density and hotspots follow the shown layers and the period; they are recomputed "
        "in the background on every change. Hover the map for the ward, its counts and the "
        "density under the cursor. Click a ward or hotspot in its list to zoom to it. Edit or "
        "add a layer's rule (crime types, words in the description) in Layers; add context "
        "layers (CCTV sites, schools, roads: any vector file) with the Context button in Data. "
        "File > Save map image at a size writes a board-report PNG without the panels.");
    ImGui::Separator();
    ImGui::TextWrapped(
        "The study area is the union of the loaded wards. Incidents outside it (most of a "
        "force-wide police.uk file) are drawn dimmed (View menu: hide them) and enter no count, "
        "share, PAI, bandwidth rule, threshold, density surface or Gi* grid; edge correction is "
        "there for hotspots on the boundary.");
    ImGui::TextWrapped(
        "A month with no rows in any file is 'no data', not zero: the Period panel shows such "
        "gaps, ward changes stay blank when a compared month has no data, and emerging hot "
        "spots need 10 consecutive months with data. police.uk outcomes files are skipped; "
        "stop and search files load as a layer of their own when the Data panel asks.");
    ImGui::End();
}

} // namespace sw::ui
