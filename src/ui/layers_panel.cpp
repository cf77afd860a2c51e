// Layers panel: visibility, colour and counts per layer; Edit and Add open the rule editor.
#include "ui/layers_panel.hpp"

#include "ui/layer_draft.hpp"
#include "ui/layer_editor_panel.hpp"

#include <imgui.h>

#include <algorithm>

namespace sw::ui {

void drawLayersPanel(Session& session, MapUiState& ui, const std::vector<std::size_t>& counts,
                     const std::vector<std::size_t>& totals, float& ward_fill_opacity,
                     bool& show_labels) {
    ImGui::SetNextWindowPos(ImVec2(10, 30), ImGuiCond_FirstUseEver);
    // A fixed height (the Period panel sits below); more layers scroll.
    ImGui::SetNextWindowSize(ImVec2(330, 205), ImGuiCond_FirstUseEver);
    if (!ImGui::Begin("Layers")) {
        ImGui::End();
        return;
    }
    auto& layers = session.layers();
    for (std::size_t i = 0; i < layers.size(); ++i) {
        LayerRule& l = layers[i];
        ImGui::PushID(static_cast<int>(i));
        ImGui::Checkbox("##visible", &l.visible);
        ImGui::SameLine();
        colourButton("##colour", l.colour);
        ImGui::SameLine();
        if (ImGui::SmallButton("Edit"))
            ui.layer_draft = draftFor(layers, i);
        ImGui::SameLine();
        const std::size_t n = i < counts.size() ? counts[i] : 0;
        const std::size_t total = i < totals.size() ? totals[i] : 0;
        ImGui::Text("%s (%zu)", l.name.c_str(), n);
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%zu in the period inside the study area; %zu loaded in all.\n"
                              "Right-click for this layer's point size and opacity",
                              n, total);
        if (ImGui::BeginPopupContextItem("style")) {
            ImGui::SliderFloat("Point size", &l.point_size_px, 1.0f, 12.0f, "%.0f px");
            ImGui::SliderFloat("Opacity", &l.point_opacity, 0.1f, 1.0f, "%.2f");
            ImGui::EndPopup();
        }
        if (total == 0 && i < totals.size()) {
            ImGui::SameLine();
            ImGui::TextColored(ImVec4(0.8f, 0.4f, 0.1f, 1), "matches nothing");
        }
        ImGui::PopID();
    }
    if (layers.size() < kMaxLayers && ImGui::Button("Add layer..."))
        ui.layer_draft = draftFor(layers, layers.size());
    auto& context = session.contextLayers();
    if (!context.empty()) {
        ImGui::Separator();
        ImGui::TextDisabled("Context layers");
        for (std::size_t i = 0; i < context.size(); ++i) {
            ContextLayer& c = context[i];
            ImGui::PushID(1000 + static_cast<int>(i));
            ImGui::Checkbox("##cvisible", &c.visible);
            ImGui::SameLine();
            colourButton("##ccolour", c.colour);
            ImGui::SameLine();
            const bool remove = ImGui::SmallButton("x");
            ImGui::SameLine();
            ImGui::Text("%s (%llu features)", c.name.c_str(),
                        static_cast<unsigned long long>(c.report.rows_kept));
            if (ImGui::IsItemHovered()) {
                std::string tip = c.path;
                if (!c.report.error.empty())
                    tip += "\n" + c.report.error;
                for (const auto& r : c.report.rejected.reasons())
                    tip += "\nskipped, " + describeReason(r, "feature");
                for (const auto& w : c.report.warnings)
                    tip += "\n" + w;
                ImGui::SetTooltip("%s", tip.c_str());
            }
            ImGui::PopID();
            if (remove) {
                session.removeContextLayer(i);
                break;
            }
        }
    }
    if (!ImGui::CollapsingHeader("Point and ward style")) {
        ImGui::End();
        return;
    }
    if (!layers.empty()) {
        // Every layer at once (right-click a layer's name for its own).
        float size = layers.front().point_size_px;
        if (ImGui::SliderFloat("Point size", &size, 1.0f, 12.0f, "%.0f px"))
            for (auto& l : layers)
                l.point_size_px = size;
        float opacity = layers.front().point_opacity;
        if (ImGui::SliderFloat("Point opacity", &opacity, 0.1f, 1.0f, "%.2f"))
            for (auto& l : layers)
                l.point_opacity = opacity;
    }
    ImGui::SliderFloat("Ward fill", &ward_fill_opacity, 0.0f, 1.0f, "%.2f");
    ImGui::Checkbox("Ward labels", &show_labels);
    ImGui::TextDisabled("Drag to pan, wheel or +/- to zoom, F to fit.");
    ImGui::End();
}

} // namespace sw::ui
