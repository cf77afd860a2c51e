// The layer rule editor: name, colour, crime types (with their counts in the data), whole-word
// text terms and the columns searched, previewed against the loaded incidents before Apply.
#include "ui/layer_editor_panel.hpp"

#include "ui/layer_draft.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

namespace sw::ui {

bool colourButton(const char* id, Rgba& colour) {
    float c[3] = {colour.r / 255.0f, colour.g / 255.0f, colour.b / 255.0f};
    if (!ImGui::ColorEdit3(id, c, ImGuiColorEditFlags_NoInputs | ImGuiColorEditFlags_NoLabel))
        return false;
    colour = {static_cast<std::uint8_t>(c[0] * 255), static_cast<std::uint8_t>(c[1] * 255),
              static_cast<std::uint8_t>(c[2] * 255), 255};
    return true;
}

bool drawLayerEditorPanel(Session& session, MapUiState& ui) {
    LayerDraft& d = ui.layer_draft;
    if (!d.open())
        return false;
    auto& layers = session.layers();
    const bool existing = static_cast<std::size_t>(d.index) < layers.size();
    ImGui::SetNextWindowPos(ImVec2(350, 60), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(380, 0), ImGuiCond_FirstUseEver);
    bool open = true;
    if (!ImGui::Begin("Layer rule", &open)) {
        ImGui::End();
        if (!open)
            d = LayerDraft{};
        return false;
    }
    ImGui::TextDisabled(existing ? "Editing a layer: Apply replaces its rule."
                                 : "A new layer: Add puts it on the map.");
    refreshPreview(d, layers, session.incidents(), session.generation());
    ImGui::InputText("Name", &d.name);
    colourButton("##draftcolour", d.colour);
    ImGui::SameLine();
    ImGui::TextUnformatted("Colour");
    ImGui::TextUnformatted("Crime types (any of):");
    if (ImGui::BeginChild("types", ImVec2(0, 130), true)) {
        for (const auto& tc : d.type_counts) {
            auto it =
                std::find_if(d.crime_types.begin(), d.crime_types.end(),
                             [&](const std::string& t) { return equalsIgnoreCase(t, tc.type); });
            bool on = it != d.crime_types.end();
            const std::string label = tc.type + " (" + std::to_string(tc.count) + ")";
            if (ImGui::Checkbox(label.c_str(), &on)) {
                if (on)
                    d.crime_types.push_back(tc.type);
                else
                    d.crime_types.erase(it);
            }
        }
    }
    ImGui::EndChild();
    ImGui::InputTextWithHint("Text terms", "knife, blade", &d.terms);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Whole words, any case, searched in the descriptive columns (or the "
                          "columns below). Comma-separated.");
    ImGui::InputTextWithHint("Columns", "all descriptive columns", &d.columns);
    if (!d.crime_types.empty() && !d.terms.empty()) {
        int mode = d.combine_and ? 1 : 0;
        ImGui::RadioButton("Type or term", &mode, 0);
        ImGui::SameLine();
        ImGui::RadioButton("Type and term", &mode, 1);
        d.combine_and = mode == 1;
    }
    ImGui::Text("Matches %zu incidents", d.preview_count);
    if (!d.preview_message.empty())
        ImGui::TextColored(ImVec4(0.8f, 0.4f, 0.1f, 1), "%s", d.preview_message.c_str());
    bool changed = false;
    if (ImGui::Button(existing ? "Apply" : "Add")) {
        if (auto st = applyDraft(d, layers); st)
            changed = true;
        else
            d.preview_message = st.error();
    }
    ImGui::SameLine();
    if (existing && ImGui::Button("Delete layer")) {
        removeLayer(layers, ui.layer_weights, static_cast<std::size_t>(d.index));
        d = LayerDraft{};
        changed = true;
    }
    if (d.open()) {
        ImGui::SameLine();
        if (ImGui::Button("Close"))
            open = false;
    }
    ImGui::End();
    if (!open)
        d = LayerDraft{};
    return changed;
}

} // namespace sw::ui
