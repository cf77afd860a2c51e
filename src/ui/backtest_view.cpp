// The Evaluate tab's backtest: which method would have found next month's hotspots here? The
// planner (with the Suggest tab's settings) against the baseline, the KDE rules, Gi* and the
// random floor over the loaded months, with the figures and the capture curves
// `streetweek backtest` prints.
#include "ui/plan_tabs.hpp"

#include "core/text.hpp"
#include "session/board_backtest.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

namespace sw::ui {
namespace {

ImU32 curveColour(std::size_t i, std::size_t n) {
    const Rgba c = captureCurveColour(i, n);
    return IM_COL32(c.r, c.g, c.b, c.a);
}

// Share of incidents (y, 0..100%) against share of land (x, 0..10%), each curve a line, the
// planner a point; the legend above it.
void captureChart(const BacktestResult& r) {
    if (r.curve_land.empty() || r.curves.empty())
        return;
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("Capture curves: the share of each month's incidents (up) in the top "
                       "share of the land (across), mean over the months");
    ImGui::PopStyleColor();
    for (std::size_t c = 0; c < r.curves.size(); ++c) {
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float line_h = ImGui::GetTextLineHeight();
        ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, p.y + line_h / 2 - 2),
                                                  ImVec2(p.x + 16, p.y + line_h / 2 + 2),
                                                  curveColour(c, r.curves.size()));
        ImGui::Dummy(ImVec2(20, line_h));
        ImGui::SameLine();
        ImGui::TextUnformatted(r.curves[c].method.c_str());
    }
    ImGui::Text("(dot) %s", r.methods.empty() ? "" : r.methods[0].c_str());
    const float w = std::max(ImGui::GetContentRegionAvail().x, 200.0f), h = 170;
    const ImVec2 top = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("capture_chart", ImVec2(w, h + 18));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float left = 34, bottom = 18;
    const ImVec2 o(top.x + left, top.y + h - bottom + 18);
    const float pw = w - left - 8, ph = h - bottom;
    const double x_max = r.curve_land.back();
    const auto at = [&](double land, double capture) {
        return ImVec2(o.x + static_cast<float>(land / x_max) * pw,
                      o.y - static_cast<float>(std::clamp(capture, 0.0, 1.0)) * ph);
    };
    const ImU32 axis = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    for (int pct = 0; pct <= 100; pct += 25) {
        const ImVec2 a = at(0, pct / 100.0), b = at(x_max, pct / 100.0);
        dl->AddLine(a, b, IM_COL32(128, 128, 128, pct ? 50 : 160));
        char label[24];
        std::snprintf(label, sizeof label, "%d%%", pct);
        dl->AddText(ImVec2(top.x, a.y - 7), axis, label);
    }
    for (double land : {0.0, 0.02, 0.04, 0.06, 0.08, 0.10}) {
        const ImVec2 a = at(land, 0);
        char label[24];
        std::snprintf(label, sizeof label, "%g%%", 100 * land);
        const float tw = ImGui::CalcTextSize(label).x;
        dl->AddText(ImVec2(std::min(a.x - tw / 2, o.x + pw - tw), a.y + 2), axis, label);
    }
    for (std::size_t c = 0; c < r.curves.size(); ++c) {
        std::vector<ImVec2> pts{at(0, 0)};
        for (std::size_t l = 0; l < r.curve_land.size() && l < r.curves[c].capture.size(); ++l)
            pts.push_back(at(r.curve_land[l], r.curves[c].capture[l]));
        dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), curveColour(c, r.curves.size()),
                        0, 2.0f);
    }
    if (r.planner_land_share <= x_max) {
        const ImVec2 p = at(r.planner_land_share, r.planner_capture);
        dl->AddCircleFilled(p, 5, IM_COL32(0, 0, 0, 255));
        dl->AddCircleFilled(p, 3.5f, IM_COL32(255, 215, 0, 255));
    }
}

void summaryTable(const BacktestResult& r) {
    if (!ImGui::BeginTable("backtest", 5,
                           ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp))
        return;
    for (const char* h : {"Method", "Hit rate %", "PAI", "PEI*", "Wins"})
        ImGui::TableSetupColumn(h, std::string(h) == "Method" ? ImGuiTableColumnFlags_WidthStretch
                                                              : ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableHeadersRow();
    for (const MethodSummary& s : r.summary) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", s.method.c_str());
        ImGui::TableNextColumn();
        ImGui::Text("%.1f +- %.1f", 100 * s.hit_rate_mean, 100 * s.hit_rate_sd);
        ImGui::TableNextColumn();
        ImGui::Text("%.1f", s.pai_mean);
        ImGui::TableNextColumn();
        ImGui::Text("%.2f", s.pei_mean);
        ImGui::TableNextColumn();
        ImGui::Text("%zu/%zu", s.wins, r.folds.size());
    }
    ImGui::EndTable();
}

} // namespace

void drawBacktest(PlanPanelState& s, PlanPanelContext& ctx, PlanPanelRequests& out) {
    ImGui::TextWrapped("Backtest: for each loaded month, every method chooses on the months "
                       "before it and is scored on the month, with the same land: the planner "
                       "(the Suggest tab's settings), last period's busiest cells, KDE hotspots, "
                       "Gi* and random cells.");
    ImGui::SetNextItemWidth(90);
    ImGui::InputInt("Months chosen on", &s.backtest_train_months);
    s.backtest_train_months = std::clamp(s.backtest_train_months, 1, 24);
    ImGui::Checkbox("KDE hotspots", &s.backtest_kde);
    ImGui::SameLine();
    ImGui::Checkbox("Gi*", &s.backtest_gistar);
    if (ctx.jobs.backtesting()) {
        ImGui::ProgressBar(static_cast<float>(ctx.jobs.backtestFraction()), ImVec2(200, 0));
        ImGui::SameLine();
        if (ImGui::Button("Cancel##backtest"))
            ctx.jobs.cancelBacktest();
    } else {
        ImGui::BeginDisabled(s.shape == SuggestShape::HotspotPolygon);
        if (ImGui::Button("Run the backtest"))
            out.backtest = true;
        ImGui::EndDisabled();
        if (s.shape == SuggestShape::HotspotPolygon)
            ImGui::TextDisabled("Set Suggest to circles or hexagons: the backtest compares the "
                                "same land");
    }
    if (!s.backtest_error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.8f, 0.2f, 0.1f, 1));
        ImGui::TextWrapped("%s", s.backtest_error.c_str());
        ImGui::PopStyleColor();
    }
    if (!s.backtest)
        return;
    const BacktestResult& r = *s.backtest;
    ImGui::TextWrapped("%zu test months (%s to %s), each method at most %.2f km2 (%.2f%% of the "
                       "study area)",
                       r.folds.size(), formatMonth(r.folds.front().test).c_str(),
                       formatMonth(r.folds.back().test).c_str(), r.land_km2,
                       100 * r.planner_land_share);
    for (const auto& k : r.skipped)
        ImGui::TextDisabled("Skipped %s", k.c_str());
    summaryTable(r);
    captureChart(r);
}

} // namespace sw::ui
