// The rolling-origin backtest.
#include "session/backtest.hpp"

#include "core/parallel.hpp"
#include "core/random.hpp"
#include "core/text.hpp"
#include "session/analysis_actions.hpp"
#include "session/area_statistics.hpp"
#include "session/plan_evaluation.hpp"
#include "session/selection_density.hpp"
#include "session/study_area.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <numbers>
#include <thread>

namespace sw {
namespace {

// Weighted incidents per grid cell (row-major) of one period's selection.
std::vector<double> cellCounts(const Selection& sel, const Grid& g) {
    std::vector<double> out(g.rows * g.cols, 0.0);
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

// The study-area cells best first by score (ties: the lower index); with positive_only, only
// cells scoring above 0 (the rest hold nothing to rank).
std::vector<std::size_t> rankCells(const std::vector<double>& score,
                                   const std::vector<std::uint8_t>& in_study, bool positive_only) {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < score.size(); ++i)
        if ((in_study.empty() || in_study[i]) && (!positive_only || score[i] > 0))
            out.push_back(i);
    std::stable_sort(out.begin(), out.end(),
                     [&](std::size_t a, std::size_t b) { return score[a] > score[b]; });
    return out;
}

// What the first n cells of a ranking hold.
double capturedBy(const std::vector<double>& counts, const std::vector<std::size_t>& order,
                  std::size_t n) {
    double s = 0;
    for (std::size_t i = 0; i < order.size() && i < n; ++i)
        s += counts[order[i]];
    return s;
}

MethodScore scoreOf(const std::string& method, double captured, double total, double land_km2,
                    double study_km2, double best) {
    MethodScore m;
    m.method = method;
    m.land_km2 = land_km2;
    m.hit_rate = total > 0 ? captured / total : 0;
    if (land_km2 > 0 && study_km2 > 0)
        m.pai = m.hit_rate / (land_km2 / study_km2);
    if (best > 0)
        m.pei_star = captured / best;
    return m;
}

void meanSd(const std::vector<double>& v, double& mean, double& sd) {
    mean = sd = 0;
    if (v.empty())
        return;
    for (double x : v)
        mean += x / static_cast<double>(v.size());
    for (double x : v)
        sd += (x - mean) * (x - mean);
    sd = v.size() > 1 ? std::sqrt(sd / static_cast<double>(v.size() - 1)) : 0;
}

void summarise(BacktestResult& r) {
    for (std::size_t m = 0; m < r.methods.size(); ++m) {
        MethodSummary s;
        s.method = r.methods[m];
        std::vector<double> hit, pai, pei, land;
        for (const auto& f : r.folds) {
            const MethodScore& sc = f.scores[m];
            hit.push_back(sc.hit_rate);
            land.push_back(sc.land_km2);
            if (sc.pai)
                pai.push_back(*sc.pai);
            if (sc.pei_star)
                pei.push_back(*sc.pei_star);
            const bool best = std::all_of(f.scores.begin(), f.scores.end(),
                                          [&](const auto& o) { return o.hit_rate <= sc.hit_rate; });
            s.wins += best ? 1 : 0;
        }
        double sd = 0; // of the land: not reported
        meanSd(hit, s.hit_rate_mean, s.hit_rate_sd);
        meanSd(pai, s.pai_mean, s.pai_sd);
        meanSd(pei, s.pei_mean, s.pei_sd);
        meanSd(land, s.land_km2_mean, sd);
        r.summary.push_back(s);
    }
    for (std::size_t c = 0; c < r.curves.size(); ++c) {
        double sd = 0;
        r.curves[c].capture.assign(r.curve_land.size(), 0.0);
        for (std::size_t l = 0; l < r.curve_land.size(); ++l) {
            std::vector<double> v;
            for (const auto& f : r.folds)
                v.push_back(f.curves[c][l]);
            meanSd(v, r.curves[c].capture[l], sd);
        }
    }
    double hit = 0;
    for (const auto& f : r.folds)
        hit += f.scores[0].hit_rate / static_cast<double>(r.folds.size());
    r.planner_capture = hit;
}

// One area's land for the planner's shape (circle or hexagon of radius r).
double areaKm2(const SuggestRequest& q) {
    const double r = q.radius_m;
    return (q.shape == SuggestShape::Hexagon ? 1.5 * std::sqrt(3.0) * r * r
                                             : std::numbers::pi * r * r) /
           1e6;
}

struct KdeMethod {
    BandwidthRule rule;
    const char* name;
};
constexpr KdeMethod kKdeMethods[] = {
    {BandwidthRule::ArcGis, "KDE hotspots (ArcGIS default radius)"},
    {BandwidthRule::Scott, "KDE hotspots (Scott's rule)"},
    {BandwidthRule::LikelihoodCv, "KDE hotspots (likelihood cross-validation)"},
};

// What every fold shares: the grids, the study cells, the methods' names and the land.
struct BacktestSetup {
    BacktestSetup(const Session& session, const BacktestRequest& req, BacktestResult& out) {
        grid = makeGrid(studyExtent(session, req.cell_m), req.cell_m);
        in_study = studyCells(session.wards(), grid, 0);
        for (std::size_t i = 0; i < in_study.size(); ++i)
            if (in_study[i])
                study_cells.push_back(i);
        const double big_cell = std::sqrt(areaKm2(req.planner)) * 1000;
        big = makeGrid(studyExtent(session, big_cell), big_cell);
        big_in_study = studyCells(session.wards(), big, 0);
        study_km2 = studyAreaKm2(session);
        const double cell_km2 = req.cell_m * req.cell_m / 1e6;
        out.study_km2 = study_km2;
        out.land_km2 = static_cast<double>(req.planner.weeks) * areaKm2(req.planner);
        out.cells = std::max<std::size_t>(
            1, static_cast<std::size_t>(std::lround(out.land_km2 / cell_km2)));
        out.planner_land_share = study_km2 > 0 ? out.land_km2 / study_km2 : 0;
        for (double pct : {0.5, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0})
            out.curve_land.push_back(pct / 100);
        const std::string shape =
            req.planner.shape == SuggestShape::Hexagon ? "hexagons" : "circles";
        out.methods.push_back("planner (" + std::to_string(req.planner.weeks) + " " + shape +
                              " of " + countText(req.planner.radius_m) + " m)");
        out.methods.push_back("last period's busiest cells (baseline)");
        out.curves.push_back({out.methods.back(), {}});
        if (req.kde)
            for (const auto& k : kKdeMethods) {
                out.methods.push_back(k.name);
                out.curves.push_back({k.name, {}});
            }
        if (req.gistar) {
            out.methods.push_back("Gi* 99% hot cells");
            out.curves.push_back({"Gi* z-score", {}});
        }
        out.methods.push_back("random cells (floor)");
        out.curves.push_back({out.methods.back(), {}});
        out.methods.push_back("last period's busiest " + std::to_string(req.planner.weeks) +
                              " cells of the areas' size");
        out.curves.push_back({"the month itself (the most possible)", {}});
    }
    Grid grid, big;
    std::vector<std::uint8_t> in_study, big_in_study;
    std::vector<std::size_t> study_cells;
    double study_km2 = 0;
};

// One fold's work: every method chosen on the training months and scored on the test month.
// Folds share nothing they write, so they run side by side; the random floor's draw depends on
// the seed and the test month only.
class FoldRunner {
  public:
    FoldRunner(const Session& session, const BacktestRequest& req, const BacktestSetup& setup,
               const BacktestResult& out, MonthIndex test)
        : session_(session), req_(req), out_(out), setup_(setup),
          rng_(req.seed * 1000003u + static_cast<std::uint64_t>(test)) {}

    Result<BacktestFold> run(MonthSpan train, MonthIndex test, Progress* progress) {
        SelectionParams tr = req_.selection, te = req_.selection;
        tr.from = train.first;
        tr.to = train.last;
        te.from = te.to = test;
        tr.from_day = tr.to_day = te.from_day = te.to_day = kNoDay; // whole months
        auto train_sel = selectIncidents(session_, tr);
        if (!train_sel)
            return train_sel.failure();
        auto test_sel = selectIncidents(session_, te);
        if (!test_sel)
            return test_sel.failure();
        test_ = cellCounts(test_sel.value(), setup_.grid);
        total_ = 0;
        for (std::size_t i = 0; i < test_sel.value().points.x.size(); ++i)
            total_ += test_sel.value().points.w.empty() ? 1.0 : test_sel.value().points.w[i];
        ceiling_ = rankCells(test_, setup_.in_study, true);
        fold_ = BacktestFold{};
        fold_.train = train;
        fold_.test = test;
        fold_.test_incidents = static_cast<std::int64_t>(test_sel.value().rows.size());

        if (auto st = planner(tr, te); !st)
            return Error{formatMonth(test) + ": " + st.error()};
        cellMethod(rankCells(cellCounts(train_sel.value(), setup_.grid), setup_.in_study, true),
                   "");
        if (req_.kde)
            for (const auto& k : kKdeMethods) {
                if (progress && progress->cancelled())
                    return Error{"cancelled"};
                kde(train_sel.value(), k.rule);
            }
        if (req_.gistar)
            if (auto st = giStar(tr, train_sel.value()); !st)
                return Error{formatMonth(test) + ": " + st.error()};
        std::vector<std::size_t> random = setup_.study_cells;
        for (std::size_t i = 0; i + 1 < random.size(); ++i) // Fisher-Yates
            std::swap(random[i],
                      random[i + static_cast<std::size_t>(rng_.next() % (random.size() - i))]);
        cellMethod(random, "");
        bigCells(train_sel.value(), test_sel.value());
        fold_.curves.push_back(curveOf(ceiling_));
        return std::move(fold_);
    }

  private:
    // The planner: chosen on the training months, scored on the test month (PEI* as in
    // evaluate: against the best as many areas of the month itself).
    Status planner(const SelectionParams& tr, const SelectionParams& te) {
        SuggestRequest q = req_.planner;
        q.selection = tr;
        auto chosen = suggestAreas(session_, q);
        if (!chosen)
            return Error{chosen.error()};
        std::vector<TargetArea> areas;
        for (const auto& a : chosen.value().areas)
            areas.push_back(a.area);
        if (areas.empty()) {
            fold_.scores.push_back(scoreOf(out_.methods[0], 0, total_, 0, setup_.study_km2, 0));
            return Unit{};
        }
        EvaluateRequest er;
        er.selection = te;
        er.test_given = true;
        er.min_gap_m = req_.planner.min_gap_m;
        er.pei_star_areas = false;
        auto ev = evaluatePlan(session_, areas, er);
        if (!ev)
            return Error{ev.error()};
        MethodScore m;
        m.method = out_.methods[0];
        m.hit_rate = ev.value().plan.hit_rate;
        m.pai = ev.value().plan.pai;
        m.pei_star = ev.value().plan.pei_star;
        m.land_km2 = ev.value().plan.area_km2;
        m.detail = std::to_string(areas.size()) + " areas";
        fold_.scores.push_back(m);
        return Unit{};
    }

    std::vector<double> curveOf(const std::vector<std::size_t>& order) const {
        std::vector<double> c;
        for (double share : out_.curve_land) {
            const auto n = std::max<std::size_t>(
                1, static_cast<std::size_t>(
                       std::lround(share * static_cast<double>(setup_.study_cells.size()))));
            c.push_back(total_ > 0 ? capturedBy(test_, order, n) / total_ : 0);
        }
        return c;
    }

    // A method that ranks the study cells: its first `cells` scored, and its curve.
    void cellMethod(const std::vector<std::size_t>& order, std::string detail, std::size_t take = 0,
                    std::optional<std::vector<std::size_t>> curve = {}) {
        const std::size_t n = take ? take : out_.cells;
        const double cell_km2 = req_.cell_m * req_.cell_m / 1e6;
        const std::size_t used = std::min(n, order.size());
        MethodScore s = scoreOf(out_.methods[fold_.scores.size()], capturedBy(test_, order, n),
                                total_, static_cast<double>(used) * cell_km2, setup_.study_km2,
                                capturedBy(test_, ceiling_, used));
        s.detail = std::move(detail);
        fold_.scores.push_back(std::move(s));
        fold_.curves.push_back(curveOf(curve ? *curve : order));
    }

    void kde(const Selection& train, BandwidthRule rule) {
        KdeParams k;
        k.cell_size_m = req_.cell_m;
        k.extent = setup_.grid.bounds();
        auto resolved = resolveKde(session_, k, rule, train.points);
        std::vector<std::string> notes;
        Result<KdeResult> surface = resolved
                                        ? selectionDensity(session_, train, resolved.value().kde,
                                                           resolved.value().extent, notes)
                                        : Result<KdeResult>(resolved.failure());
        if (!surface || surface.value().grid.values.size() != setup_.grid.rows * setup_.grid.cols ||
            surface.value().grid.cols != setup_.grid.cols) {
            // No surface (too few incidents for the rule): nothing chosen this fold.
            cellMethod({}, surface ? "grid mismatch" : surface.error());
            return;
        }
        char detail[48];
        std::snprintf(detail, sizeof detail, "radius %.0f m", resolved.value().kde.radius_m);
        cellMethod(rankCells(surface.value().grid.values, setup_.in_study, true), detail);
    }

    Status giStar(const SelectionParams& tr, const Selection& train) {
        GiStarRequest g;
        g.selection = tr;
        g.gi.cell_size_m = req_.cell_m;
        g.gi.extent = setup_.grid.bounds();
        auto spots = giStarHotspots(session_, g, train);
        if (!spots)
            return Error{spots.error()};
        const GiStarResult& r = spots.value().result;
        if (r.z.size() != setup_.grid.rows * setup_.grid.cols || r.counts.cols != setup_.grid.cols)
            return Error{"the Gi* grid is not the backtest's grid"};
        std::vector<std::size_t> by_z = rankCells(r.z, r.in_study, false), hot;
        for (std::size_t c : by_z)
            if (r.bin[c] == 3)
                hot.push_back(c);
        const std::size_t n_hot = hot.size();
        cellMethod(hot,
                   std::to_string(n_hot) + " hot cells" +
                       (n_hot > out_.cells
                            ? ", the " + std::to_string(out_.cells) + " most significant"
                            : ""),
                   std::min(n_hot, out_.cells), by_z);
        if (n_hot == 0) // nothing significant: no land, no score
            fold_.scores.back().pai.reset();
        return Unit{};
    }

    // As many cells as the planner has areas, each of an area's size: the same land in the same
    // number of places, on a fixed grid instead of placed.
    void bigCells(const Selection& train, const Selection& test) {
        const std::vector<double> big_test = cellCounts(test, setup_.big);
        const std::size_t k = req_.planner.weeks;
        const auto order = rankCells(cellCounts(train, setup_.big), setup_.big_in_study, true);
        fold_.scores.push_back(scoreOf(
            out_.methods[fold_.scores.size()], capturedBy(big_test, order, k), total_,
            static_cast<double>(k) * setup_.big.cell * setup_.big.cell / 1e6, setup_.study_km2,
            capturedBy(big_test, rankCells(big_test, setup_.big_in_study, true), k)));
    }

    const Session& session_;
    const BacktestRequest& req_;
    const BacktestResult& out_;
    const BacktestSetup& setup_;
    Rng rng_;
    std::vector<std::size_t> ceiling_;
    double total_ = 0;
    std::vector<double> test_;
    BacktestFold fold_;
};

} // namespace

Result<BacktestResult> runBacktest(const Session& session, const BacktestRequest& req,
                                   Progress* progress) {
    if (session.wards().empty())
        return badRequest("the backtest needs wards (the study area): give --wards");
    if (req.train_months < 1 || req.train_months > 24)
        return badRequest("--train-months must be 1 to 24");
    if (!(req.cell_m >= 10 && req.cell_m <= 5000))
        return badRequest("--cell must be 10 to 5000 m");
    if (req.planner.weeks < 1 || req.planner.weeks > 52)
        return badRequest("--weeks must be 1 to 52");
    if (req.planner.shape == SuggestShape::HotspotPolygon)
        return badRequest("the backtest compares methods on the same land: the planner takes "
                          "circles or hexagons (KDE hotspots are methods of their own)");
    const MonthCoverage& months = session.months();
    if (months.empty())
        return badRequest("the backtest needs months: the incidents carry none");
    BacktestResult out;
    const BacktestSetup setup(session, req, out);
    const MonthIndex first = months.first(), last = months.last();
    const MonthIndex n = static_cast<MonthIndex>(req.train_months);
    const MonthCoverage layer_months = session.monthsOf(req.selection.layers);
    std::vector<MonthIndex> tests;
    for (MonthIndex test = first + n; test <= last; ++test) {
        const MonthSpan train{test - n, test - 1};
        if (!layer_months.covers(train.first, train.last) || !layer_months.covers(test, test))
            out.skipped.push_back(formatMonth(test) + ": a month of it or of its training months " +
                                  formatSpan(train) + " has no data");
        else
            tests.push_back(test);
    }
    if (progress)
        progress->reset(tests.size());
    // The folds side by side, one per core (each choice is a single-threaded search), each
    // worker taking the next fold left.
    std::vector<std::optional<Result<BacktestFold>>> folds(tests.size());
    std::atomic<std::size_t> next{0};
    const auto work = [&] {
        for (std::size_t i; (i = next.fetch_add(1)) < tests.size();) {
            if (progress && progress->cancelled())
                return;
            FoldRunner runner(session, req, setup, out, tests[i]);
            folds[i] = runner.run({tests[i] - n, tests[i] - 1}, tests[i], progress);
            if (progress)
                progress->add(1);
        }
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1;
         t < std::min<unsigned>(resolveThreads(0), static_cast<unsigned>(tests.size())); ++t)
        pool.emplace_back(work);
    work();
    for (auto& t : pool)
        t.join();
    if (progress && progress->cancelled())
        return Error{"cancelled"};
    for (auto& f : folds) {
        if (!f || !*f)
            return f ? f->failure() : Error{"cancelled"};
        out.folds.push_back(std::move(f->value()));
    }
    if (out.folds.empty())
        return badRequest("no month to test: the data covers " + months.describe() +
                          ", and each test month needs " + std::to_string(req.train_months) +
                          " months with data before it");
    summarise(out);
    return out;
}

std::string captureCurvesCsv(const BacktestResult& r) {
    std::string csv = "method,fold,land_pct,capture_pct\n";
    const auto quoted = [](const std::string& s) {
        std::string q = "\"";
        for (char c : s)
            q += c == '"' ? std::string("\"\"") : std::string(1, c);
        return q + "\"";
    };
    const auto row = [&](const std::string& method, const std::string& fold, double land,
                         double capture) {
        char buf[64];
        std::snprintf(buf, sizeof buf, ",%.1f,%.2f\n", 100 * land, 100 * capture);
        csv += quoted(method) + "," + fold + buf;
    };
    for (std::size_t c = 0; c < r.curves.size(); ++c) {
        for (std::size_t l = 0; l < r.curve_land.size(); ++l)
            row(r.curves[c].method, "mean", r.curve_land[l], r.curves[c].capture[l]);
        for (const auto& f : r.folds)
            for (std::size_t l = 0; l < r.curve_land.size(); ++l)
                row(r.curves[c].method, formatMonth(f.test), r.curve_land[l], f.curves[c][l]);
    }
    if (!r.methods.empty())
        row(r.methods[0], "mean", r.planner_land_share, r.planner_capture);
    return csv;
}

} // namespace sw
