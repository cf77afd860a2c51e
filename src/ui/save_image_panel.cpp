// Save map image panel.
#include "ui/save_image_panel.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

namespace sw::ui {

Status checkImageSize(int w, int h) {
    if (w < 64 || h < 64)
        return Error{"the image must be at least 64 x 64 pixels"};
    if (w > kMaxImageSide || h > kMaxImageSide)
        return Error{"the image can be at most " + std::to_string(kMaxImageSide) +
                     " pixels on a side"};
    return okStatus();
}

std::string defaultImageName(MonthIndex from, MonthIndex to) {
    if (from == kNoMonth)
        return "streetweek_map.png";
    return "streetweek_map_" + formatMonth(from) + "_" + formatMonth(to) + ".png";
}

void drawSaveImagePanel(SaveImageState& s, int window_w, int window_h, MonthIndex from,
                        MonthIndex to) {
    if (!s.open)
        return;
    ImGui::SetNextWindowPos(ImVec2(380, 80), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(420, 0), ImGuiCond_FirstUseEver);
    if (!ImGui::Begin("Save map image", &s.open)) {
        ImGui::End();
        return;
    }
    struct Preset {
        const char* name;
        int w, h;
    };
    static constexpr Preset kPresets[] = {{"Window size", 0, 0},
                                          {"Slide, 1920 x 1080", 1920, 1080},
                                          {"A4 landscape, 150 dpi (1754 x 1240)", 1754, 1240},
                                          {"A4 landscape, 300 dpi (3508 x 2480)", 3508, 2480},
                                          {"A4 portrait, 150 dpi (1240 x 1754)", 1240, 1754}};
    for (const auto& p : kPresets)
        if (ImGui::RadioButton(p.name, s.width == p.w && s.height == p.h)) {
            s.width = p.w;
            s.height = p.h;
        }
    int size[2] = {s.width > 0 ? s.width : window_w, s.height > 0 ? s.height : window_h};
    if (ImGui::InputInt2("Width x height (px)", size)) {
        s.width = size[0];
        s.height = size[1];
    }
    ImGui::InputTextWithHint("File", defaultImageName(from, to).c_str(), &s.path);
    const auto ok = checkImageSize(size[0], size[1]);
    if (!ok)
        ImGui::TextColored(ImVec4(0.8f, 0.1f, 0.1f, 1), "%s", ok.error().c_str());
    ImGui::TextDisabled("The view as it is now, without the panels; wider images show more of "
                        "the map around it.");
    ImGui::BeginDisabled(!ok);
    if (ImGui::Button("Save PNG"))
        s.requested = true;
    ImGui::EndDisabled();
    if (!s.message.empty())
        ImGui::TextWrapped("%s", s.message.c_str());
    ImGui::End();
}

} // namespace sw::ui
