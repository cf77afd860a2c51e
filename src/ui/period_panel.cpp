// Period panel.
#include "ui/period_panel.hpp"

#include <imgui.h>

namespace sw::ui {

void drawPeriodPanel(MapUiState& ui, const Session& session, double now_s) {
    ImGui::SetNextWindowPos(ImVec2(10, 240), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(330, 0), ImGuiCond_FirstUseEver);
    if (!ImGui::Begin("Period")) {
        ImGui::End();
        return;
    }
    const auto range = session.months().span();
    if (!range) {
        ImGui::TextDisabled("The incidents carry no months.");
        ImGui::End();
        return;
    }
    const int n = range->last - range->first;
    int a = ui.from - range->first, b = ui.to - range->first;
    const std::string fa = formatMonth(ui.from), fb = formatMonth(ui.to);
    if (ImGui::SliderInt("From", &a, 0, n, fa.c_str())) {
        ui.from = range->first + a;
        if (ui.to < ui.from)
            ui.to = ui.from;
    }
    if (ImGui::SliderInt("To", &b, 0, n, fb.c_str())) {
        ui.to = range->first + b;
        if (ui.from > ui.to)
            ui.from = ui.to;
    }
    if (ImGui::Button(ui.playing ? "Pause" : "Play")) {
        ui.playing = !ui.playing;
        ui.last_step_s = now_s;
    }
    ImGui::SameLine();
    if (ImGui::Button("<") && ui.from > range->first) {
        --ui.from;
        --ui.to;
    }
    ImGui::SameLine();
    if (ImGui::Button(">") && ui.to < range->last) {
        ++ui.from;
        ++ui.to;
    }
    ImGui::SameLine();
    if (ImGui::Button("All months")) {
        ui.from = range->first;
        ui.to = range->last;
    }
    float secs = static_cast<float>(ui.play_seconds_per_month);
    if (ImGui::SliderFloat("s / month", &secs, 0.2f, 5.0f, "%.1f"))
        ui.play_seconds_per_month = secs;
    ImGui::TextDisabled("%d month(s): %s to %s", ui.to - ui.from + 1, fa.c_str(), fb.c_str());
    // Months without rows are "no data", not zero: say where they are.
    const MonthCoverage& months = session.months();
    if (const auto gaps = months.gaps(); !gaps.empty()) {
        ImGui::TextColored(ImVec4(0.8f, 0.4f, 0.1f, 1), "No data for %s",
                           formatSpans(gaps).c_str());
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("Months with no rows in any file: not zero. Changes that need them "
                              "stay blank and trends leave them out.\nThe data covers %s.",
                              months.describe().c_str());
        const auto in_period = months.gaps(ui.from, ui.to);
        if (!in_period.empty())
            ImGui::TextColored(ImVec4(0.8f, 0.1f, 0.1f, 1), "The period includes %s (no data)",
                               formatSpans(in_period).c_str());
    }
    ImGui::End();
}

} // namespace sw::ui
