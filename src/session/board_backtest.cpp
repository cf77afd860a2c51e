// The board report's backtest section.
#include "session/board_backtest.hpp"

#include "core/text.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace sw {
namespace {

std::optional<double> numberSetting(const Plan& plan, const char* key) {
    const std::string v = plan.setting(key);
    if (v.empty())
        return std::nullopt;
    char* end = nullptr;
    const double d = std::strtod(v.c_str(), &end);
    return end && *end == '\0' && d >= 0 ? std::optional<double>(d) : std::nullopt;
}

} // namespace

Rgba captureCurveColour(std::size_t i, std::size_t n) {
    static const Rgba palette[] = {{31, 119, 180, 255},  {255, 127, 14, 255}, {44, 160, 44, 255},
                                   {148, 103, 189, 255}, {214, 39, 40, 255},  {140, 86, 75, 255},
                                   {23, 190, 207, 255}};
    if (i + 1 == n)
        return {120, 120, 120, 255};
    return palette[i % (sizeof palette / sizeof palette[0])];
}

BacktestRequest backtestForPlan(const Plan* plan, const SelectionParams& selection) {
    BacktestRequest q;
    q.selection = selection;
    q.selection.from = q.selection.to = kNoMonth;
    q.selection.from_day = q.selection.to_day = kNoDay;
    q.planner.weeks = 6;
    q.planner.radius_m = 300;
    if (!plan)
        return q;
    std::size_t weeks = 0;
    for (const auto& a : plan->areas)
        weeks += a.excluded ? 0 : 1;
    if (weeks > 0)
        q.planner.weeks = std::min<std::size_t>(weeks, 52);
    if (const auto w = numberSetting(*plan, "suggest_weeks"); w && *w >= 1 && *w <= 52)
        q.planner.weeks = static_cast<std::size_t>(*w);
    const std::string shape = plan->setting("suggest_shape");
    if (shape == "hexagon")
        q.planner.shape = SuggestShape::Hexagon;
    if (const auto r = numberSetting(*plan, "suggest_radius_m"); r && *r >= 10)
        q.planner.radius_m = *r;
    if (const auto g = numberSetting(*plan, "suggest_min_gap_m"))
        q.planner.min_gap_m = *g;
    if (const auto m = numberSetting(*plan, "suggest_min_per_site"))
        q.planner.min_per_site = *m;
    return q;
}

void backtestSection(ReportDocument& doc, const Result<BacktestResult>& result,
                     const BacktestRequest& q) {
    doc.heading("Which method finds next month's hotspots here (backtest)");
    if (!result) {
        doc.paragraph("The backtest could not be run: " + result.error() + ".");
        return;
    }
    const BacktestResult& r = result.value();
    doc.paragraph(
        "For each month from " + formatMonth(r.folds.front().test) + " to " +
        formatMonth(r.folds.back().test) + " (" + std::to_string(r.folds.size()) +
        " months), each method chose places on the " + std::to_string(q.train_months) +
        " months before it and was scored on the month itself, all with at most the same land (" +
        fixedText(r.land_km2, 2) + " km2, " + fixedText(100 * r.planner_land_share, 2) +
        "% of the study area). Hit rate: the share of the month's incidents in the places "
        "chosen. PAI: the hit rate over the share of the land. PEI*: the incidents captured over "
        "the most that the same land in the same shapes could have captured in that month (1 is "
        "the best possible). Wins: months in which the method had the highest hit rate.");
    if (!r.skipped.empty()) {
        std::string text = "Months not tested (no data in them or in the months before): ";
        for (std::size_t i = 0; i < r.skipped.size(); ++i)
            text += (i ? "; " : "") + r.skipped[i];
        doc.paragraph(text + ".");
    }
    ReportTable t;
    t.header = {"Method", "Hit rate %", "+-", "PAI", "PEI*", "Wins"};
    t.widths = {3.2, 1, 0.6, 0.8, 0.8, 0.7};
    for (const MethodSummary& s : r.summary)
        t.rows.push_back({s.method, fixedText(100 * s.hit_rate_mean, 1),
                          fixedText(100 * s.hit_rate_sd, 1), fixedText(s.pai_mean, 1),
                          fixedText(s.pei_mean, 2),
                          std::to_string(s.wins) + " of " + std::to_string(r.folds.size())});
    t.note = "Mean over the months, and its standard deviation (+-).";
    doc.table(t);
    // The winner in words.
    const auto best =
        std::max_element(r.summary.begin(), r.summary.end(), [](const auto& a, const auto& b) {
            return a.hit_rate_mean < b.hit_rate_mean;
        });
    if (best != r.summary.end() && !r.summary.empty()) {
        std::string text = "Best on average: " + best->method + ", " +
                           fixedText(100 * best->hit_rate_mean, 1) + "% of each month's incidents";
        if (best != r.summary.begin())
            text += "; the plan's method (" + r.summary[0].method + ") " +
                    fixedText(100 * r.summary[0].hit_rate_mean, 1) + "%";
        doc.paragraph(text + ".");
    }
    ReportChart chart;
    chart.kind = ReportChart::Kind::Lines;
    chart.title = "Capture curves";
    chart.y_label = "% of the month's incidents";
    for (double l : r.curve_land)
        chart.categories.push_back(shortNumber(100 * l) + "%");
    for (std::size_t c = 0; c < r.curves.size(); ++c) {
        ChartSeries s;
        s.name = r.curves[c].method;
        s.colour = captureCurveColour(c, r.curves.size());
        s.dashed = c + 1 == r.curves.size();
        for (double v : r.curves[c].capture)
            s.values.push_back(100 * v);
        chart.series.push_back(std::move(s));
    }
    doc.chart(chart, "Share of each month's incidents in the top share of the land (across), "
                     "the cells ranked by each method on the months before; mean over the "
                     "months; dashed: the month itself, the most possible. The plan's method: " +
                         fixedText(100 * r.planner_capture, 1) + "% in " +
                         fixedText(100 * r.planner_land_share, 2) + "% of the land.");
    doc.paragraph("What this does not say: it scores where incidents were recorded, not harm "
                  "prevented; a method that wins here may not win in another district or "
                  "season; and places chosen by counts alone need the local knowledge of those "
                  "who patrol them.");
}

} // namespace sw
