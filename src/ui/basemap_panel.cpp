// Basemap menu and panel.
#include "ui/basemap_panel.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <filesystem>

namespace sw::ui {
namespace {

bool fileExists(const std::string& path) {
    std::error_code ec;
    return std::filesystem::exists(path, ec);
}

} // namespace

void submitBasemap(BasemapPanelState& s, BasemapLayer& layer) {
    auto parsed = parseBasemapSource(s.text, fileExists);
    s.pending.reset();
    if (!parsed) {
        s.message = parsed.error();
        return;
    }
    s.message.clear();
    if (parsed.value().online)
        s.pending = std::move(parsed.value());
    else
        layer.choose(std::move(parsed.value()));
}

void drawBasemapMenu(BasemapPanelState& s, BasemapLayer& layer, BasemapLook& look) {
    if (!ImGui::BeginMenu("Basemap"))
        return;
    if (ImGui::MenuItem("None", nullptr, !layer.source()))
        layer.choose(std::nullopt);
    const bool osm = layer.source() && layer.source()->name == "OpenStreetMap";
    if (ImGui::MenuItem("OpenStreetMap (online)...", nullptr, osm) && !osm) {
        s.text = "osm";
        s.open = true;
        submitBasemap(s, layer);
    }
    if (ImGui::MenuItem("Tile URL or raster file...", nullptr, s.open))
        s.open = !s.open;
    ImGui::Separator();
    ImGui::SetNextItemWidth(160);
    ImGui::SliderFloat("Opacity", &look.opacity, 0.1f, 1.0f, "%.2f");
    ImGui::MenuItem("Greyscale", nullptr, &look.greyscale);
    ImGui::EndMenu();
}

void drawBasemapPanel(BasemapPanelState& s, BasemapLayer& layer) {
    if (!s.open)
        return;
    ImGui::SetNextWindowPos(ImVec2(380, 80), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(520, 270), ImGuiCond_FirstUseEver);
    if (!ImGui::Begin("Basemap", &s.open)) {
        ImGui::End();
        return;
    }
    ImGui::TextWrapped("Under the wards: \"osm\" for OpenStreetMap, a tile URL with {z}/{x}/{y} "
                       "(add \",attribution=...\" for its credit), a WMTS capabilities URL, or an "
                       "MBTiles, GeoPackage, GeoTIFF or VRT file.");
    ImGui::SetNextItemWidth(-80);
    const bool entered =
        ImGui::InputTextWithHint("##source", "osm, https://.../{z}/{x}/{y}.png or a file", &s.text,
                                 ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    if (ImGui::Button("Use") || entered)
        submitBasemap(s, layer);
    if (s.pending) {
        ImGui::Separator();
        ImGui::TextWrapped("%s", basemapPrivacyNotice(*s.pending).c_str());
        ImGui::TextWrapped("Only the tiles the view needs are fetched, with streetweek named as "
                           "the client; tiles already fetched come from the cache.");
        if (ImGui::Button("Turn on")) {
            layer.choose(std::move(*s.pending));
            s.pending.reset();
        }
        ImGui::SameLine();
        if (ImGui::Button("Cancel"))
            s.pending.reset();
    }
    if (!s.message.empty())
        ImGui::TextColored(ImVec4(0.8f, 0.1f, 0.1f, 1), "%s", s.message.c_str());
    if (layer.source()) {
        ImGui::Separator();
        ImGui::Text("Showing: %s%s", layer.source()->name.c_str(),
                    layer.fetching() ? " (fetching...)" : "");
        if (!layer.message().empty())
            ImGui::TextColored(ImVec4(0.8f, 0.1f, 0.1f, 1), "%s", layer.message().c_str());
        if (ImGui::Button("Turn off"))
            layer.choose(std::nullopt);
    }
    ImGui::End();
}

} // namespace sw::ui
