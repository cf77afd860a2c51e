// The rolling-origin backtest.
#include "session/backtest.hpp"

#include "core/random.hpp"
#include "core/text.hpp"
#include "session/area_statistics.hpp"
#include "session/plan_evaluation.hpp"
#include "session/street_week_suggest.hpp"
#include "session/study_area.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <unordered_map>

namespace sw {
namespace {

// Weighted incidents per grid cell (row-major index) of one period's selection in the study area.
std::unordered_map<std::size_t, double> cellCounts(const Selection& sel, const Grid& g) {
    std::unordered_map<std::size_t, double> out;
    for (std::size_t i = 0; i < sel.points.x.size(); ++i) {
        const double c = std::floor((sel.points.x[i] - g.xmin) / g.cell);
        const double r = std::floor((g.ymax - sel.points.y[i]) / g.cell);
        if (c < 0 || r < 0 || c >= static_cast<double>(g.cols) || r >= static_cast<double>(g.rows))
            continue;
        out[static_cast<std::size_t>(r) * g.cols + static_cast<std::size_t>(c)] +=
            sel.points.w.empty() ? 1.0 : sel.points.w[i];
    }
    return out;
}

// The n cells holding the most (ties: the lower index), of those in the study area.
std::vector<std::size_t> topCells(const std::unordered_map<std::size_t, double>& counts,
                                  const std::vector<std::uint8_t>& in_study, std::size_t n) {
    std::vector<std::pair<double, std::size_t>> v;
    for (const auto& [cell, w] : counts)
        if (in_study.empty() || in_study[cell])
            v.emplace_back(w, cell);
    std::sort(v.begin(), v.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < v.size() && i < n; ++i)
        out.push_back(v[i].second);
    return out;
}

double sumOf(const std::unordered_map<std::size_t, double>& counts,
             const std::vector<std::size_t>& cells) {
    double s = 0;
    for (std::size_t c : cells)
        if (const auto it = counts.find(c); it != counts.end())
            s += it->second;
    return s;
}

MethodScore scoreOf(const std::string& method, double captured, double total, double land_km2,
                    double study_km2, std::optional<double> best) {
    MethodScore m;
    m.method = method;
    m.hit_rate = total > 0 ? captured / total : 0;
    if (land_km2 > 0 && study_km2 > 0)
        m.pai = m.hit_rate / (land_km2 / study_km2);
    if (best && *best > 0)
        m.pei_star = captured / *best;
    return m;
}

void summarise(BacktestResult& r) {
    for (std::size_t m = 0; m < r.methods.size(); ++m) {
        MethodSummary s;
        s.method = r.methods[m];
        std::vector<double> hit, pai, pei;
        for (const auto& f : r.folds) {
            const MethodScore& sc = f.scores[m];
            hit.push_back(sc.hit_rate);
            if (sc.pai)
                pai.push_back(*sc.pai);
            if (sc.pei_star)
                pei.push_back(*sc.pei_star);
            const bool best = std::all_of(f.scores.begin(), f.scores.end(),
                                          [&](const auto& o) { return o.hit_rate <= sc.hit_rate; });
            s.wins += best ? 1 : 0;
        }
        const auto meanSd = [](const std::vector<double>& v, double& mean, double& sd) {
            mean = sd = 0;
            if (v.empty())
                return;
            for (double x : v)
                mean += x / static_cast<double>(v.size());
            for (double x : v)
                sd += (x - mean) * (x - mean);
            sd = v.size() > 1 ? std::sqrt(sd / static_cast<double>(v.size() - 1)) : 0;
        };
        meanSd(hit, s.hit_rate_mean, s.hit_rate_sd);
        meanSd(pai, s.pai_mean, s.pai_sd);
        meanSd(pei, s.pei_mean, s.pei_sd);
        r.summary.push_back(s);
    }
}

} // namespace

Result<BacktestResult> runBacktest(const Session& session, const BacktestRequest& req,
                                   Progress* progress) {
    if (session.wards().empty())
        return badRequest("the backtest needs wards (the study area): give --wards");
    if (req.train_months < 1 || req.train_months > 24)
        return badRequest("--train-months must be 1 to 24");
    if (!(req.cell_m >= 10 && req.cell_m <= 5000))
        return badRequest("--cell must be 10 to 5000 m");
    const MonthCoverage& months = session.months();
    if (months.empty())
        return badRequest("the backtest needs months: the incidents carry none");
    BacktestResult out;
    out.methods = {
        "planner (" + std::to_string(req.weeks) + " circles of " + countText(req.radius_m) + " m)",
        "last period's busiest cells (baseline)", "random cells (floor)",
        "last period's busiest " + std::to_string(req.weeks) + " cells of the areas' size"};
    const double circle_km2 = std::numbers::pi * req.radius_m * req.radius_m / 1e6;
    out.land_km2 = static_cast<double>(req.weeks) * circle_km2;
    const double cell_km2 = req.cell_m * req.cell_m / 1e6;
    out.cells =
        std::max<std::size_t>(1, static_cast<std::size_t>(std::lround(out.land_km2 / cell_km2)));
    const double cells_km2 = static_cast<double>(out.cells) * cell_km2;
    const Grid grid = makeGrid(studyExtent(session, req.cell_m), req.cell_m);
    const auto in_study = studyCells(session.wards(), grid, 0);
    std::vector<std::size_t> study_cells;
    for (std::size_t i = 0; i < in_study.size(); ++i)
        if (in_study[i])
            study_cells.push_back(i);
    const double study_km2 = studyAreaKm2(session);
    const double big_cell = std::sqrt(circle_km2) * 1000; // a square of one area's size
    const Grid big = makeGrid(studyExtent(session, big_cell), big_cell);
    const auto big_in_study = studyCells(session.wards(), big, 0);
    Rng rng(req.seed);
    const MonthIndex first = months.first(), last = months.last();
    const MonthIndex n = static_cast<MonthIndex>(req.train_months);
    if (progress && last - first + 1 > n)
        progress->reset(static_cast<std::uint64_t>(last - first + 1 - n));
    for (MonthIndex test = first + n; test <= last; ++test) {
        if (progress) {
            if (progress->cancelled())
                return Error{"cancelled"};
            if (test > first + n)
                progress->add(1);
        }
        const MonthSpan train{test - n, test - 1};
        const MonthCoverage layer_months = session.monthsOf(req.selection.layers);
        if (!layer_months.covers(train.first, train.last) || !layer_months.covers(test, test)) {
            out.skipped.push_back(formatMonth(test) + ": a month of it or of its training months " +
                                  formatSpan(train) + " has no data");
            continue;
        }
        SelectionParams tr = req.selection, te = req.selection;
        tr.from = train.first;
        tr.to = train.last;
        te.from = te.to = test;
        auto train_sel = selectIncidents(session, tr);
        auto test_sel = selectIncidents(session, te);
        if (!train_sel || !test_sel)
            return !train_sel ? train_sel.failure() : test_sel.failure();
        double test_total = 0;
        for (std::size_t i = 0; i < test_sel.value().points.x.size(); ++i)
            test_total += test_sel.value().points.w.empty() ? 1.0 : test_sel.value().points.w[i];
        BacktestFold fold;
        fold.train = train;
        fold.test = test;
        fold.test_incidents = static_cast<std::int64_t>(test_sel.value().rows.size());
        // The planner: chosen on the training months, scored on the test month (PEI* as in
        // evaluate: against the best as many circles of the month itself).
        SuggestRequest q;
        q.selection = tr;
        q.weeks = req.weeks;
        q.radius_m = req.radius_m;
        q.min_gap_m = req.min_gap_m;
        q.time_limit_s = req.time_limit_s;
        auto chosen = suggestAreas(session, q);
        if (!chosen)
            return Error{formatMonth(test) + ": " + chosen.error()};
        std::vector<TargetArea> areas;
        for (const auto& a : chosen.value().areas)
            areas.push_back(a.area);
        EvaluateRequest er;
        er.selection = te;
        er.test_given = true;
        er.min_gap_m = req.min_gap_m;
        er.pei_star_areas = false;
        if (areas.empty()) {
            fold.scores.push_back(scoreOf(out.methods[0], 0, test_total, 0, study_km2, {}));
        } else {
            auto ev = evaluatePlan(session, areas, er);
            if (!ev)
                return Error{formatMonth(test) + ": " + ev.error()};
            MethodScore m;
            m.method = out.methods[0];
            m.hit_rate = ev.value().plan.hit_rate;
            m.pai = ev.value().plan.pai;
            m.pei_star = ev.value().plan.pei_star;
            fold.scores.push_back(m);
        }
        // Last period's busiest cells, and a random choice of as many study-area cells.
        const auto train_cells = cellCounts(train_sel.value(), grid);
        const auto test_cells = cellCounts(test_sel.value(), grid);
        const double best_cells = sumOf(test_cells, topCells(test_cells, in_study, out.cells));
        const auto busiest = topCells(train_cells, in_study, out.cells);
        fold.scores.push_back(scoreOf(out.methods[1], sumOf(test_cells, busiest), test_total,
                                      cells_km2, study_km2, best_cells));
        std::vector<std::size_t> pool = study_cells, random;
        for (std::size_t i = 0; i < out.cells && !pool.empty(); ++i) {
            const std::size_t j = static_cast<std::size_t>(rng.next() % pool.size());
            random.push_back(pool[j]);
            pool[j] = pool.back();
            pool.pop_back();
        }
        fold.scores.push_back(scoreOf(out.methods[2], sumOf(test_cells, random), test_total,
                                      cells_km2, study_km2, best_cells));
        // As many cells as the planner has areas, each of an area's size: the same land in the
        // same number of places, on a fixed grid instead of placed.
        const auto big_train = cellCounts(train_sel.value(), big);
        const auto big_test = cellCounts(test_sel.value(), big);
        fold.scores.push_back(
            scoreOf(out.methods[3], sumOf(big_test, topCells(big_train, big_in_study, req.weeks)),
                    test_total, static_cast<double>(req.weeks) * big.cell * big.cell / 1e6,
                    study_km2, sumOf(big_test, topCells(big_test, big_in_study, req.weeks))));
        out.folds.push_back(std::move(fold));
    }
    if (out.folds.empty())
        return badRequest("no month to test: the data covers " + months.describe() +
                          ", and each "
                          "test month needs " +
                          std::to_string(req.train_months) + " months with data before it");
    summarise(out);
    return out;
}

} // namespace sw
