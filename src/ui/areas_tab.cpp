// The Plan panel's Areas tab.
#include "ui/area_stats_view.hpp"
#include "ui/plan_tabs.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

namespace sw::ui {
namespace {

// Text fields edit through a gesture: one undo step per field visit, not per keystroke.
void endGestureIfDone(PlanDocument& doc) {
    if (ImGui::IsItemDeactivated())
        doc.endGesture();
}

constexpr const char* kWeekdays[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                     "Friday", "Saturday", "Sunday"};

void weekField(TargetArea& a, bool& changed) {
    static std::string text, for_id, problem;
    static DayNumber for_week = kNoDay;
    if (for_id != a.id || (for_week != a.week && !ImGui::IsAnyItemActive())) {
        text = a.week == kNoDay ? "" : formatDay(a.week);
        for_id = a.id;
        for_week = a.week;
    }
    ImGui::SetNextItemWidth(110);
    ImGui::InputTextWithHint("##week", "YYYY-MM-DD", &text);
    if (ImGui::IsItemDeactivatedAfterEdit()) {
        problem.clear();
        if (text.empty()) {
            a.week = kNoDay;
            changed = true;
        } else if (auto d = parseDay(text)) {
            a.week = weekStart(*d); // street weeks start on a Monday
            changed = true;
            if (*d != a.week)
                problem = text + " is a " + kWeekdays[weekday(*d)] + ": the week of Monday " +
                          formatDay(a.week);
        } else {
            problem = "'" + text + "' is not a date: give YYYY-MM-DD (the week is unchanged)";
        }
        text = a.week == kNoDay ? "" : formatDay(a.week);
    }
    if (for_id != a.id)
        problem.clear();
    ImGui::SameLine();
    if (ImGui::SmallButton("<") && a.week != kNoDay) {
        a.week -= 7;
        changed = true;
    }
    ImGui::SameLine();
    if (ImGui::SmallButton(">") && a.week != kNoDay) {
        a.week += 7;
        changed = true;
    }
    ImGui::SameLine();
    ImGui::TextUnformatted("Week (Monday)");
    if (!problem.empty())
        ImGui::TextColored(ImVec4(0.75f, 0.35f, 0.0f, 1), "%s", problem.c_str());
}

void leadCombo(const PlanDocument& doc, TargetArea& a, bool& changed) {
    if (!ImGui::BeginCombo("Lead agency", a.lead.empty() ? "(none)" : a.lead.c_str()))
        return;
    for (const auto& agency : doc.plan().agencies)
        if (ImGui::Selectable(agency.c_str(), agency == a.lead)) {
            a.lead = agency;
            changed = true;
        }
    ImGui::EndCombo();
}

void areaFields(PlanDocument& doc, const TargetArea& selected) {
    TargetArea a = selected;
    bool typed = false, changed = false;
    ImGui::Text("%s (%s)", a.id.c_str(), shapeName(a.shape_kind));
    typed |= ImGui::InputText("Name", &a.name);
    endGestureIfDone(doc);
    weekField(a, changed);
    leadCombo(doc, a, changed);
    typed |= ImGui::InputTextWithHint("Partners", "council; fire and rescue", &a.partners);
    endGestureIfDone(doc);
    int status = static_cast<int>(a.status);
    ImGui::TextUnformatted("Status:");
    for (int k = 0; k < 3; ++k) {
        ImGui::SameLine();
        if (ImGui::RadioButton(statusName(static_cast<AreaStatus>(k)), status == k)) {
            a.status = static_cast<AreaStatus>(k);
            changed = true;
        }
    }
    typed |= ImGui::InputTextMultiline("Notes", &a.notes, ImVec2(-80, 48));
    endGestureIfDone(doc);
    changed |= ImGui::Checkbox("Locked (Suggest keeps it)", &a.locked);
    ImGui::SameLine();
    changed |= ImGui::Checkbox("Excluded zone", &a.excluded);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("A zone Suggest keeps clear of; not a street week");
    if (typed)
        doc.live(a);
    else if (changed)
        doc.update(a);
}

} // namespace

std::optional<Box> drawAreasTab(PlanPanelContext& ctx) {
    std::optional<Box> zoom;
    PlanDocument& doc = ctx.doc;
    if (doc.areas().empty())
        ImGui::TextWrapped("No target areas yet: draw one (P, C or R) or use Suggest.");
    if (!doc.areas().empty() &&
        ImGui::BeginTable(
            "areas", 4,
            ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp,
            ImVec2(0, std::min(140.0f, 24.0f + 20.0f * static_cast<float>(doc.areas().size()))))) {
        ImGui::TableSetupColumn("Id");
        ImGui::TableSetupColumn("Name");
        ImGui::TableSetupColumn("Week");
        ImGui::TableSetupColumn("Status");
        ImGui::TableHeadersRow();
        for (const auto& a : doc.areas()) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            if (ImGui::Selectable(a.id.c_str(), a.id == ctx.tools.selected,
                                  ImGuiSelectableFlags_SpanAllColumns)) {
                ctx.tools.selected = a.id;
                // The area with its surroundings: at least 1.5 km across.
                Box b;
                bg::envelope(a.shape, b);
                const Point c((b.min_corner().x() + b.max_corner().x()) / 2,
                              (b.min_corner().y() + b.max_corner().y()) / 2);
                const double half = std::max({boxWidth(b), boxHeight(b), 1500.0}) / 2;
                zoom = Box(Point(c.x() - half, c.y() - half), Point(c.x() + half, c.y() + half));
            }
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(a.name.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(a.week == kNoDay ? "-" : formatDay(a.week).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(a.excluded ? "excluded" : statusName(a.status));
        }
        ImGui::EndTable();
    }
    const TargetArea* sel = doc.find(ctx.tools.selected);
    const MultiPolygon* shape = ctx.draft ? ctx.draft : sel ? &sel->shape : nullptr;
    if (shape) {
        // The figures first: they are what the lead draws and drags the area for.
        ImGui::Separator();
        ImGui::TextUnformatted(ctx.draft ? "The area being drawn:"
                                         : (sel->id + " " + sel->name).c_str());
        if (const AreaStats* stats =
                ctx.jobs.statsFor(ctx.draft ? "" : sel->id, doc.revision(), *shape))
            drawAreaStats(*stats);
        else if (!ctx.jobs.statsError().empty())
            ImGui::TextWrapped("%s", ctx.jobs.statsError().c_str());
        else
            ImGui::TextDisabled("Counting the period's incidents...");
    }
    if (sel && !ctx.draft &&
        ImGui::CollapsingHeader("Week, lead, partners, status", ImGuiTreeNodeFlags_DefaultOpen)) {
        areaFields(doc, *sel);
        if (ImGui::Button("Delete area (Delete)")) {
            doc.remove(sel->id);
            ctx.tools.selected.clear();
            return zoom;
        }
    }
    if (sel && !ctx.draft) {
        // Who changed what in this area (the plan's history, as `plan --history` lists it).
        const auto rows = doc.historyOf(sel->id);
        if (ImGui::CollapsingHeader(("History (" + std::to_string(rows.size()) + ")").c_str())) {
            if (rows.empty())
                ImGui::TextDisabled("No saved changes yet");
            for (auto it = rows.rbegin(); it != rows.rend(); ++it)
                ImGui::TextWrapped("%s", it->c_str());
        }
    }
    return zoom;
}

} // namespace sw::ui
