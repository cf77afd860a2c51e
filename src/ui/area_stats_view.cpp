// Area statistics in a panel.
#include "ui/area_stats_view.hpp"

#include <imgui.h>

namespace sw::ui {
namespace {

void periodTable(const char* id, const AreaStats& s) {
    if (!ImGui::BeginTable(id, 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchSame))
        return;
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, 170);
    ImGui::TableSetupColumn(formatSpan(s.current.period).c_str());
    ImGui::TableSetupColumn(s.previous.period.first == kNoMonth
                                ? "before (no months)"
                                : ("before " + formatSpan(s.previous.period)).c_str());
    ImGui::TableHeadersRow();
    const auto row = [](const char* name, const std::string& now, const std::string& before) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(name);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(now.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(before.c_str());
    };
    const bool prev = s.previous.has_data;
    const auto count = [](std::int64_t n) { return std::to_string(n); };
    for (std::size_t l = 0; l < s.layer_names.size(); ++l)
        row(s.layer_names[l].c_str(),
            l < s.current.per_layer.size() ? count(s.current.per_layer[l]) : "",
            prev && l < s.previous.per_layer.size() ? count(s.previous.per_layer[l]) : "no data");
    row("Shown layers", count(s.current.incidents), prev ? count(s.previous.incidents) : "no data");
    char now[64], before[64];
    std::snprintf(now, sizeof now, "%.2f%%", s.current.share * 100);
    std::snprintf(before, sizeof before, "%.2f%%", s.previous.share * 100);
    row("Share of study area", now, prev ? before : "");
    row("Study area total", count(s.current.study_incidents),
        prev ? count(s.previous.study_incidents) : "");
    const auto pai = [](const std::optional<double>& p) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.1f", p.value_or(0));
        return p ? std::string(buf) : std::string("-");
    };
    row("PAI", pai(s.current.pai), prev ? pai(s.previous.pai) : "");
    ImGui::EndTable();
}

} // namespace

void drawAreaStats(const AreaStats& s) {
    ImGui::Text("%.3f km2 (%.1f ha)", s.area_km2, s.area_km2 * 100);
    if (s.partly_outside)
        ImGui::TextColored(ImVec4(0.75f, 0.35f, 0.0f, 1),
                           "Partly outside the study area: %.0f%% inside; figures count that part",
                           s.area_km2 > 0 ? 100 * s.area_in_study_km2 / s.area_km2 : 0.0);
    if (!s.current.has_data)
        ImGui::TextColored(ImVec4(0.75f, 0.35f, 0.0f, 1), "Some months of %s have no data",
                           formatSpan(s.current.period).c_str());
    periodTable("area_stats", s);
    if (!s.wards.empty()) {
        std::string wards;
        for (const auto& w : s.wards) {
            char buf[160];
            std::snprintf(
                buf, sizeof buf, "%s%s %s", wards.empty() ? "" : ", ", w.name.c_str(),
                w.share_of_area < 0.005
                    ? "<1%"
                    : (std::to_string(static_cast<int>(w.share_of_area * 100 + 0.5)) + "%")
                          .c_str());
            wards += buf;
        }
        ImGui::TextWrapped("Wards: %s", wards.c_str());
    }
    if (s.residents)
        ImGui::Text("Residents: about %.0f%s", *s.residents,
                    s.residents_partial ? " (some wards have no population)" : "");
    if (s.streets.empty()) {
        ImGui::TextDisabled("No incidents inside in the period");
        return;
    }
    ImGui::TextUnformatted("Streets to walk (most incidents first):");
    for (const auto& st : s.streets)
        ImGui::BulletText("%s  %lld", st.street.c_str(), static_cast<long long>(st.incidents));
}

} // namespace sw::ui
