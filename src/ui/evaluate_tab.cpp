// The Plan panel's Evaluate tab: the hold-out check (the areas scored on the map's period,
// against the months they were chosen on) and the after-action check of the selected week,
// with the figures `streetweek evaluate` and `streetweek after` print.
#include "ui/plan_tabs.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

namespace sw::ui {
namespace {

void scoreRow(const AreaScore& a, bool train) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::Text("%s %s", a.area_id.c_str(), a.name.c_str());
    ImGui::TableNextColumn();
    ImGui::Text("%lld", static_cast<long long>(a.incidents));
    ImGui::TableNextColumn();
    ImGui::Text("%.2f", a.hit_rate * 100);
    ImGui::TableNextColumn();
    if (a.pai)
        ImGui::Text("%.1f", *a.pai);
    else
        ImGui::TextUnformatted("-");
    ImGui::TableNextColumn();
    if (a.pei_star && a.pei_star_low)
        ImGui::Text("%.2f-%.2f", *a.pei_star_low, *a.pei_star);
    else if (a.pei_star)
        ImGui::Text("%.2f", *a.pei_star);
    else
        ImGui::TextUnformatted("-");
    if (!train)
        return;
    ImGui::TableNextColumn();
    if (a.rri)
        ImGui::Text("%.2f", *a.rri);
    else
        ImGui::TextUnformatted("-");
}

void holdOut(PlanPanelState& s, PlanPanelContext& ctx, PlanPanelRequests& out) {
    ImGui::TextWrapped("Hold-out check: the plan's areas scored on months after the ones they "
                       "were chosen on (the recapture rate index, RRI, compares the two).");
    if (s.train_from.empty() && s.train_to.empty()) {
        if (const auto chosen = ctx.doc.chosenOn()) {
            s.train_from = formatMonth(chosen->first);
            s.train_to = formatMonth(chosen->last);
        }
    }
    ImGui::SetNextItemWidth(80);
    ImGui::InputTextWithHint("##tf", "YYYY-MM", &s.train_from);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(80);
    ImGui::InputTextWithHint("to (chosen on)##tt", "YYYY-MM", &s.train_to);
    if (ImGui::RadioButton("Test on the months after them", !s.eval_map_period))
        s.eval_map_period = false;
    ImGui::SameLine();
    if (ImGui::RadioButton("on the map's period", s.eval_map_period))
        s.eval_map_period = true;
    if (s.eval_map_period) {
        ImGui::Checkbox("Allow months they were chosen on (in-sample, not a hold-out)",
                        &s.eval_in_sample);
    } else {
        s.eval_in_sample = false;
    }
    ImGui::BeginDisabled(ctx.jobs.checking() || ctx.doc.areas().empty());
    if (ImGui::Button("Check the plan"))
        out.evaluate = true;
    ImGui::EndDisabled();
    if (!s.evaluate_error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.8f, 0.2f, 0.1f, 1));
        ImGui::TextWrapped("%s", s.evaluate_error.c_str());
        ImGui::PopStyleColor();
    }
    if (!s.evaluation)
        return;
    const PlanEvaluation& e = *s.evaluation;
    if (e.in_sample)
        ImGui::TextColored(ImVec4(0.8f, 0.2f, 0.1f, 1),
                           "IN-SAMPLE: scored on months the areas were chosen on; not a hold-out");
    ImGui::TextWrapped("%s%s: %lld incidents in the study area%s (test months: %s)",
                       e.in_sample ? "In-sample " : "Tested on ", formatSpan(e.period).c_str(),
                       static_cast<long long>(e.incidents),
                       e.train ? (", chosen on " + formatSpan(*e.train)).c_str() : "",
                       e.period_reason.c_str());
    if (e.partial) {
        ImGui::TextColored(ImVec4(0.75f, 0.4f, 0.05f, 1),
                           "Partial: a layer's sources lack data in these months");
        for (const auto& n : e.notes)
            if (n.find("no data") != std::string::npos)
                ImGui::TextWrapped("  %s", n.c_str());
    }
    const bool train = e.train.has_value();
    if (!ImGui::BeginTable("holdout", train ? 6 : 5,
                           ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp))
        return;
    for (const char* h : {"Area", "Incidents", "Hit rate %", "PAI", "PEI*"})
        ImGui::TableSetupColumn(h);
    if (train)
        ImGui::TableSetupColumn("RRI");
    ImGui::TableHeadersRow();
    for (const auto& a : e.areas)
        scoreRow(a, train);
    AreaScore plan = e.plan;
    plan.area_id = "Plan";
    plan.name = "(union)";
    scoreRow(plan, train);
    ImGui::EndTable();
    if (!e.pei_basis.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::TextWrapped("PEI*: incidents over the most %s captured", e.pei_basis.c_str());
        ImGui::PopStyleColor();
    }
}

void zoneTable(const AfterActionResult& r) {
    if (!ImGui::BeginTable("zones", 5, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp))
        return;
    for (const std::string& h : {std::string("Zone"), std::string("km2"), formatSpan(r.before),
                                 formatSpan(r.after), std::string("Change")})
        ImGui::TableSetupColumn(h.c_str());
    ImGui::TableHeadersRow();
    const ZoneCounts& c = r.counts;
    const auto row = [](const char* name, double km2, double before, double after) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(name);
        ImGui::TableNextColumn();
        ImGui::Text("%.3f", km2);
        ImGui::TableNextColumn();
        ImGui::Text("%.0f", before);
        ImGui::TableNextColumn();
        ImGui::Text("%.0f", after);
        ImGui::TableNextColumn();
        if (before > 0)
            ImGui::Text("%+.0f (%+.0f%%)", after - before, 100 * (after - before) / before);
        else
            ImGui::Text("%+.0f", after - before);
    };
    row("Target", r.target_km2, c.target_before, c.target_after);
    row("Buffer", r.buffer_km2, c.buffer_before, c.buffer_after);
    row("Control", r.control_km2, c.control_before, c.control_after);
    ImGui::EndTable();
}

void afterCheck(PlanPanelState& s, PlanPanelContext& ctx, PlanPanelRequests& out) {
    const TargetArea* sel = ctx.doc.find(ctx.tools.selected);
    if (!sel) {
        ImGui::TextDisabled("Select a street week for its after-action check.");
        return;
    }
    ImGui::Text("After-action check of %s %s", sel->id.c_str(), sel->name.c_str());
    if (sel->week == kNoDay) {
        ImGui::TextDisabled("It has no week yet (Areas tab).");
        return;
    }
    ImGui::SetNextItemWidth(90);
    ImGui::InputInt("Months before and after", &s.after_months);
    s.after_months = std::clamp(s.after_months, 1, 24);
    ImGui::SetNextItemWidth(90);
    ImGui::InputFloat("Buffer ring (m)", &s.after_buffer_m, 50, 100, "%.0f");
    s.after_buffer_m = std::clamp(s.after_buffer_m, 10.0f, 5000.0f);
    ImGui::BeginDisabled(ctx.jobs.checking());
    if (ImGui::Button("Check the week"))
        out.after = true;
    ImGui::EndDisabled();
    if (!s.after_error.empty())
        ImGui::TextColored(ImVec4(0.8f, 0.2f, 0.1f, 1), "%s", s.after_error.c_str());
    if (!s.after_result)
        return;
    // The report's heading and measures wrapped; its zone table (lines 1 to 4) as a table.
    const AfterActionResult& r = *s.after_result;
    const std::size_t notes = r.notes.size();
    for (std::size_t i = 0; i < s.after_report.size(); ++i) {
        if (i == notes + 1)
            zoneTable(r);
        if (i < notes + 1 || i > notes + 4)
            ImGui::TextWrapped("%s", s.after_report[i].c_str());
    }
}

} // namespace

void drawEvaluateTab(PlanPanelState& s, PlanPanelContext& ctx, PlanPanelRequests& out) {
    holdOut(s, ctx, out);
    ImGui::Separator();
    afterCheck(s, ctx, out);
    ImGui::Separator();
    drawBacktest(s, ctx, out);
}

} // namespace sw::ui
