// The Plan panel's Schedule tab: the street weeks in date order, then clashes, repeats within
// N months, gaps and unscheduled areas.
#include "ui/plan_tabs.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

namespace sw::ui {

namespace {

// The lead agencies the Areas tab offers: the plan's own list, edited here.
void agencyList(PlanPanelContext& ctx) {
    if (!ImGui::CollapsingHeader("Lead agencies"))
        return;
    auto agencies = ctx.doc.plan().agencies;
    for (std::size_t i = 0; i < agencies.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        if (ImGui::SmallButton("x")) {
            agencies.erase(agencies.begin() + static_cast<std::ptrdiff_t>(i));
            ctx.doc.setAgencies(agencies);
            ImGui::PopID();
            return;
        }
        ImGui::SameLine();
        ImGui::TextUnformatted(agencies[i].c_str());
        ImGui::PopID();
    }
    static std::string added;
    ImGui::SetNextItemWidth(200);
    if (ImGui::InputTextWithHint("##agency", "another agency", &added,
                                 ImGuiInputTextFlags_EnterReturnsTrue) &&
        !added.empty()) {
        agencies.push_back(added);
        ctx.doc.setAgencies(agencies);
        added.clear();
    }
}

} // namespace

void drawScheduleTab(PlanPanelState& s, PlanPanelContext& ctx) {
    agencyList(ctx);
    const auto& areas = ctx.doc.areas();
    ImGui::SetNextItemWidth(90);
    ImGui::InputInt("Repeat clash within (months)", &s.repeat_months);
    s.repeat_months = std::clamp(s.repeat_months, 0, 36);
    const auto order = scheduleOrder(areas);
    if (order.empty()) {
        ImGui::TextWrapped("No street weeks yet: give an area a week in the Areas tab.");
        return;
    }
    if (ImGui::BeginTable(
            "schedule", 5,
            ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp,
            ImVec2(0, std::min(180.0f, 24.0f + 20.0f * static_cast<float>(order.size()))))) {
        ImGui::TableSetupColumn("Week of", ImGuiTableColumnFlags_WidthFixed, 80);
        for (const char* h : {"Area", "Lead", "Partners", "Status"})
            ImGui::TableSetupColumn(h);
        ImGui::TableHeadersRow();
        for (std::size_t i : order) {
            const TargetArea& a = areas[i];
            ImGui::PushID(a.id.c_str()); // two rows may show the same week
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            if (ImGui::Selectable(a.week == kNoDay ? "unscheduled" : formatDay(a.week).c_str(),
                                  a.id == ctx.tools.selected, ImGuiSelectableFlags_SpanAllColumns))
                ctx.tools.selected = a.id;
            ImGui::TableNextColumn();
            ImGui::Text("%s %s", a.id.c_str(), a.name.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(a.lead.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(a.partners.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(statusName(a.status));
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    const auto issues = scheduleIssues(areas, s.repeat_months);
    if (issues.empty()) {
        ImGui::TextColored(ImVec4(0.1f, 0.5f, 0.2f, 1), "No clashes or gaps");
        return;
    }
    for (const auto& issue : issues) {
        const bool clash = issue.kind == ScheduleIssue::Kind::SameWeek ||
                           issue.kind == ScheduleIssue::Kind::RepeatTooSoon;
        ImGui::PushStyleColor(ImGuiCol_Text,
                              clash ? ImVec4(0.8f, 0.15f, 0.1f, 1) : ImVec4(0.45f, 0.45f, 0.5f, 1));
        ImGui::BulletText("%s", issue.text.c_str());
        ImGui::PopStyleColor();
    }
}

} // namespace sw::ui
