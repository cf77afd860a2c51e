// Hotspots panel.
#include "ui/hotspots_panel.hpp"

#include "session/harm_weights_file.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdio>

namespace sw::ui {
namespace {

constexpr KernelShape kKernels[] = {KernelShape::Quartic,      KernelShape::Triweight,
                                    KernelShape::Epanechnikov, KernelShape::Triangular,
                                    KernelShape::Uniform,      KernelShape::Gaussian};

// A harm weights file (crime type -> weight) for the density, hotspots and Suggest.
void harmWeights(MapUiState& ui) {
    if (!ImGui::TreeNode("Harm weights (crime type)"))
        return;
    ImGui::SetNextItemWidth(-60);
    ImGui::InputTextWithHint("##harm", "a CSV of crime type,weight", &ui.harm_path);
    ImGui::SameLine();
    if (ImGui::Button("Load")) {
        auto w = readHarmWeights(ui.harm_path);
        ui.harm_error = w ? std::string() : w.error();
        if (w)
            ui.harm = std::move(w.value());
    }
    if (!ui.harm_error.empty())
        ImGui::TextColored(ImVec4(0.8f, 0.2f, 0.1f, 1), "%s", ui.harm_error.c_str());
    if (ui.harm.empty()) {
        ImGui::TextDisabled("None: every incident counts its layer weight.");
    } else {
        ImGui::TextWrapped("%s", ui.harm.describe().c_str());
        for (const auto& [type, w] : ui.harm.types)
            ImGui::BulletText("%s: %g", type.c_str(), w);
        if (ui.harm.others)
            ImGui::BulletText("every other type: %g", *ui.harm.others);
        if (ImGui::SmallButton("Clear"))
            ui.harm = HarmWeights{};
    }
    ImGui::TreePop();
}

void settings(MapUiState& ui, const Session& session, const MapAnalysis* result) {
    if (ImGui::BeginCombo("Kernel", kernelName(ui.kde.kernel))) {
        for (KernelShape k : kKernels)
            if (ImGui::Selectable(kernelName(k), k == ui.kde.kernel))
                ui.kde.kernel = k;
        ImGui::EndCombo();
    }
    float radius = static_cast<float>(ui.kde.radius_m);
    if (ImGui::SliderFloat("Radius", &radius, 25.0f, 2000.0f, "%.0f m",
                           ImGuiSliderFlags_Logarithmic))
        ui.kde.radius_m = std::round(radius);
    if (result)
        for (const auto& b : result->bandwidths) {
            char label[96];
            std::snprintf(label, sizeof label, "%s: %.0f m", b.name.c_str(), b.radius_m);
            if (ImGui::SmallButton(label))
                ui.kde.radius_m = b.radius_m;
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip("%s", b.explanation.c_str());
            ImGui::SameLine();
        }
    ImGui::NewLine();
    bool auto_cell = ui.kde.cell_size_m == 0;
    if (ImGui::Checkbox("Auto cell", &auto_cell))
        ui.kde.cell_size_m = auto_cell ? 0 : 25;
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("The study area's shorter side / 150, rounded (Chainey's guidance)");
    if (!auto_cell) {
        ImGui::SameLine();
        float cell = static_cast<float>(ui.kde.cell_size_m);
        ImGui::SetNextItemWidth(120);
        if (ImGui::SliderFloat("Cell", &cell, 5.0f, 250.0f, "%.0f m", ImGuiSliderFlags_Logarithmic))
            ui.kde.cell_size_m = std::round(cell);
    }
    int units = ui.kde.units == DensityUnits::Density ? 1 : 0;
    ImGui::RadioButton("incidents per km2", &units, 1);
    ImGui::SameLine();
    ImGui::RadioButton("raw", &units, 0);
    ui.kde.units = units == 1 ? DensityUnits::Density : DensityUnits::Raw;
    ImGui::Checkbox("Edge correction", &ui.kde.edge_correct);

    const char* modes[] = {"Top % of cells", "Mean + k SD", "Value"};
    int mode = static_cast<int>(ui.threshold.mode);
    if (ImGui::Combo("Threshold", &mode, modes, 3)) {
        ui.threshold.mode = static_cast<HotspotThreshold::Mode>(mode);
        ui.threshold.amount = mode == 0 ? 5.0 : (mode == 1 ? 2.0 : 100.0);
    }
    float amount = static_cast<float>(ui.threshold.amount);
    const bool changed = mode == 0   ? ImGui::SliderFloat("Top %", &amount, 0.5f, 25.0f, "%.1f %%")
                         : mode == 1 ? ImGui::SliderFloat("k", &amount, 0.5f, 5.0f, "%.1f SD")
                                     : ImGui::InputFloat("Value", &amount, 0, 0, "%.3g");
    if (changed && amount > 0)
        ui.threshold.amount = amount;

    const auto& layers = session.layers();
    ui.layer_weights.resize(layers.size(), 1.0f);
    if (ImGui::TreeNode("Layer weights")) {
        for (std::size_t i = 0; i < layers.size(); ++i) {
            if (!layers[i].visible)
                continue;
            ImGui::PushID(static_cast<int>(i));
            ImGui::SliderFloat(layers[i].name.c_str(), &ui.layer_weights[i], 0.0f, 5.0f, "%.1f");
            ImGui::PopID();
        }
        ImGui::TextDisabled("Shown layers drive the density; an incident in several takes the "
                            "largest weight.");
        ImGui::TreePop();
    }
    harmWeights(ui);
}

void style(MapUiState& ui) {
    ImGui::Checkbox("Density surface", &ui.density.visible);
    ImGui::SameLine();
    ImGui::Checkbox("Hotspot outlines", &ui.hotspots_visible);
    if (ImGui::BeginCombo("Ramp", rampName(ui.density.ramp))) {
        for (Ramp r : {Ramp::YlOrRd, Ramp::Viridis, Ramp::Magma})
            if (ImGui::Selectable(rampName(r), r == ui.density.ramp))
                ui.density.ramp = r;
        ImGui::EndCombo();
    }
    ImGui::SliderFloat("Opacity", &ui.density.opacity, 0.05f, 1.0f, "%.2f");
    ImGui::Checkbox("Auto range", &ui.auto_range);
    if (ui.auto_range) {
        ImGui::SameLine();
        ImGui::SetNextItemWidth(120);
        float pct = ui.floor_fraction * 100;
        if (ImGui::SliderFloat("Floor", &pct, 0.0f, 50.0f, "%.0f %% of peak"))
            ui.floor_fraction = pct / 100;
    } else {
        ImGui::DragFloatRange2("Range", &ui.density.min, &ui.density.max, 1.0f, 0.0f, 1e9f, "%.4g",
                               "%.4g");
        ImGui::DragFloat("Floor", &ui.density.floor, 1.0f, 0.0f, 1e9f, "%.4g");
    }
}

// Gi* hot and cold spots: on/off, cell, neighbourhood distance, FDR, and the class counts.
void giStar(MapUiState& ui, const MapAnalysis* result) {
    ImGui::Checkbox("Gi* hot and cold spots", &ui.gistar_visible);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Getis-Ord Gi* on a grid of counts of the shown layers in the period: "
                          "cells significantly hotter (red) or colder (blue) than the study area, "
                          "at 90/95/99%% confidence, as ArcGIS Hot Spot Analysis reports them.");
    if (!ui.gistar_visible)
        return;
    float cell = static_cast<float>(ui.gistar.cell_size_m);
    if (ImGui::SliderFloat("Gi* cell", &cell, 0.0f, 500.0f, cell == 0 ? "auto" : "%.0f m"))
        ui.gistar.cell_size_m = std::round(cell);
    float dist = static_cast<float>(ui.gistar.distance_m);
    if (ImGui::SliderFloat("Gi* distance", &dist, 0.0f, 2000.0f,
                           dist == 0 ? "auto (2.5 cells)" : "%.0f m"))
        ui.gistar.distance_m = std::round(dist);
    ImGui::Checkbox("False discovery rate correction", &ui.gistar.fdr);
    ImGui::SliderFloat("Gi* opacity", &ui.gistar_opacity, 0.1f, 1.0f, "%.2f");
    if (result && result->gistar) {
        const GiStarResult& g = *result->gistar;
        int bins[7] = {0};
        for (std::size_t i = 0; i < g.bin.size(); ++i)
            if (g.in_study.empty() || g.in_study[i])
                ++bins[g.bin[i] + 3];
        ImGui::TextWrapped("%zu cells of %g m, neighbourhood %g m: hot %d/%d/%d, cold %d/%d/%d "
                           "(99/95/90%%)",
                           g.n, g.cell_size_m, g.distance_m, bins[6], bins[5], bins[4], bins[0],
                           bins[1], bins[2]);
    }
}

} // namespace

std::optional<Box> drawHotspotsPanel(MapUiState& ui, const Session& session, LiveAnalysis& live) {
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(ImVec2(display.x - 370, 30), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(360, std::min(460.0f, display.y * 0.55f)),
                             ImGuiCond_FirstUseEver);
    std::optional<Box> zoom;
    if (!ImGui::Begin("Hotspots")) {
        ImGui::End();
        return zoom;
    }
    const MapAnalysis* result = live.result() ? &*live.result() : nullptr;
    style(ui);
    ImGui::Separator();
    settings(ui, session, result);
    ImGui::Separator();
    giStar(ui, result);
    ImGui::Separator();
    if (live.running()) {
        ImGui::ProgressBar(static_cast<float>(live.fraction()), ImVec2(-80, 0));
        ImGui::SameLine();
        if (ImGui::Button("Cancel"))
            live.cancel();
    } else if (!live.error().empty()) {
        ImGui::TextColored(ImVec4(0.8f, 0.1f, 0.1f, 1), "%s", live.error().c_str());
    }
    if (result) {
        const auto& h = result->hotspots;
        const Grid& g = h.density.grid;
        ImGui::TextWrapped("%zu incidents, %zu x %zu cells of %g m, radius %g m: peak %.4g, "
                           "threshold %.4g (%.0f ms)",
                           h.incidents, g.cols, g.rows, g.cell, h.resolved.kde.radius_m, g.max(),
                           h.threshold_value, result->seconds * 1000);
        for (const auto& n : h.notes)
            ImGui::TextColored(ImVec4(0.8f, 0.4f, 0.1f, 1), "%s", n.c_str());
        if (ImGui::BeginTable("hotspots", 5,
                              ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_Resizable,
                              ImVec2(0, 170))) {
            ImGui::TableSetupScrollFreeze(0, 1);
            ImGui::TableSetupColumn("#");
            ImGui::TableSetupColumn("Incidents");
            ImGui::TableSetupColumn("km2");
            ImGui::TableSetupColumn("PAI");
            ImGui::TableSetupColumn("Wards");
            ImGui::TableHeadersRow();
            for (std::size_t i = 0; i < h.hotspots.size(); ++i) {
                const auto& s = h.hotspots[i];
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                char label[16];
                std::snprintf(label, sizeof label, "%d", s.stats.rank);
                if (ImGui::Selectable(label, ui.selected_hotspot == static_cast<int>(i),
                                      ImGuiSelectableFlags_SpanAllColumns)) {
                    ui.selected_hotspot = static_cast<int>(i);
                    Box b;
                    bg::envelope(s.shape, b);
                    zoom = b;
                }
                ImGui::TableNextColumn();
                ImGui::Text("%lld", static_cast<long long>(s.stats.incidents));
                ImGui::TableNextColumn();
                ImGui::Text("%.3f", s.stats.area_km2);
                ImGui::TableNextColumn();
                ImGui::Text("%.1f", s.stats.pai);
                ImGui::TableNextColumn();
                std::string wards;
                for (const auto& w : s.wards)
                    wards += (wards.empty() ? "" : ", ") + w;
                ImGui::TextUnformatted(wards.c_str());
            }
            ImGui::EndTable();
        }
    }
    ImGui::End();
    return zoom;
}

} // namespace sw::ui
