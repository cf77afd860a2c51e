// Load report panel.
#include "ui/load_report_panel.hpp"

#include <imgui.h>

namespace sw::ui {

void drawLoadReportPanel(const Session& session, const std::string& last_error, bool loading,
                         double fraction) {
    ImGui::SetNextWindowPos(ImVec2(10, 390), ImGuiCond_FirstUseEver);
    // Collapsed at first (the menu bar shows loading progress); open when something failed.
    ImGui::SetNextWindowCollapsed(!last_error.empty() ? false : true, !last_error.empty()
                                                                          ? ImGuiCond_Appearing
                                                                          : ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(520, 260), ImGuiCond_FirstUseEver);
    if (!ImGui::Begin("Load report")) {
        ImGui::End();
        return;
    }
    if (loading) {
        ImGui::Text("Loading...");
        ImGui::ProgressBar(static_cast<float>(fraction), ImVec2(-1, 0));
    }
    if (!last_error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.9f, 0.2f, 0.2f, 1));
        ImGui::TextWrapped("%s", last_error.c_str());
        ImGui::PopStyleColor();
    }
    if (session.loaded()) {
        const auto& inc = session.incidents();
        const auto range = session.months().span();
        ImGui::Text("%zu wards, %zu incidents, %s to %s", session.wards().size(), inc.size(),
                    range ? formatMonth(range->first).c_str() : "-",
                    range ? formatMonth(range->last).c_str() : "-");
        ImGui::Separator();
        for (const auto& line : session.report().lines()) {
            const bool bad = line.find("ERROR") != std::string::npos ||
                             line.find("warning") != std::string::npos;
            if (bad)
                ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.85f, 0.45f, 0.1f, 1));
            ImGui::TextWrapped("%s", line.c_str());
            if (bad)
                ImGui::PopStyleColor();
        }
    }
    ImGui::End();
}

} // namespace sw::ui
