// `streetweek backtest`: which method would have found next month's hotspots here (a rolling
// origin over the loaded months; session/backtest).
#include "cli/analysis_options.hpp"
#include "cli/commands.hpp"
#include "cli/data_command.hpp"
#include "cli/json_output.hpp"
#include "cli/load_options.hpp"
#include "cli/planner_options.hpp"
#include "core/atomic_file.hpp"
#include "core/text.hpp"
#include "session/backtest.hpp"

#include <cstdio>

namespace sw::cli {
namespace {

void printBacktestText(const BacktestResult& r, const BacktestRequest& q) {
    std::printf("Backtest: each month chosen on the %zu before it, scored on the month; every "
                "method takes at most %.2f km2 (%.2f%% of the study area; %zu cells of %g m for "
                "the cell methods)\n",
                q.train_months, r.land_km2, 100 * r.planner_land_share, r.cells, q.cell_m);
    for (const auto& s : r.skipped)
        std::printf("  skipped %s\n", s.c_str());
    std::printf("Hit rate %% per test month:\n  test     incidents");
    for (std::size_t m = 0; m < r.methods.size(); ++m)
        std::printf("  %5s", ("M" + std::to_string(m + 1)).c_str());
    std::printf("\n");
    for (const auto& f : r.folds) {
        std::printf("  %s  %9lld", formatMonth(f.test).c_str(),
                    static_cast<long long>(f.test_incidents));
        for (const auto& s : f.scores)
            std::printf("  %5s", fixedText(100 * s.hit_rate, 1).c_str());
        std::printf("\n");
    }
    std::printf("Over %zu folds (mean +- standard deviation; wins: folds with the highest hit "
                "rate):\n",
                r.folds.size());
    for (std::size_t m = 0; m < r.summary.size(); ++m) {
        const MethodSummary& s = r.summary[m];
        std::printf("  M%zu %s\n      hit rate %5.1f%% +- %4.1f  PAI %5.1f +- %4.1f  PEI* %.2f "
                    "+- %.2f  land %.2f km2  wins %zu\n",
                    m + 1, s.method.c_str(), 100 * s.hit_rate_mean, 100 * s.hit_rate_sd, s.pai_mean,
                    s.pai_sd, s.pei_mean, s.pei_sd, s.land_km2_mean, s.wins);
    }
    // What each fold's choice was where it varies (a rule's radius, Gi*'s hot cells) or failed.
    for (std::size_t m = 0; m < r.methods.size(); ++m) {
        std::string details;
        for (const auto& f : r.folds)
            if (!f.scores[m].detail.empty())
                details +=
                    (details.empty() ? "" : "; ") + formatMonth(f.test) + " " + f.scores[m].detail;
        if (!details.empty() && m > 0)
            std::printf("  M%zu per month: %s\n", m + 1, details.c_str());
    }
    std::printf("Capture curves (mean share of the month's incidents in the top share of the "
                "study area's cells):\n  %-44s",
                "land %");
    for (double l : r.curve_land)
        std::printf(" %5.1f", 100 * l);
    std::printf("\n");
    for (const auto& c : r.curves) {
        std::printf("  %-44s", c.method.c_str());
        for (double v : c.capture)
            std::printf(" %5.1f", 100 * v);
        std::printf("\n");
    }
    std::printf("  (the planner: %.1f%% in %.2f%% of the land)\n", 100 * r.planner_capture,
                100 * r.planner_land_share);
}

void printBacktestJson(const BacktestResult& r, const BacktestRequest& q) {
    Json j;
    j["train_months"] = q.train_months;
    j["land_km2"] = jsonNumber(r.land_km2);
    j["cells"] = r.cells;
    j["methods"] = r.methods;
    j["skipped"] = r.skipped;
    j["folds"] = Json::array();
    for (const auto& f : r.folds) {
        Json fj;
        fj["train"] = monthsJson(f.train);
        fj["test"] = formatMonth(f.test);
        fj["test_incidents"] = f.test_incidents;
        fj["scores"] = Json::array();
        for (const auto& s : f.scores)
            fj["scores"].push_back({{"method", s.method},
                                    {"hit_rate", jsonNumber(s.hit_rate)},
                                    {"pai", jsonNumber(s.pai)},
                                    {"pei_star", jsonNumber(s.pei_star)},
                                    {"land_km2", jsonNumber(s.land_km2)},
                                    {"detail", s.detail}});
        fj["curves"] = Json::array();
        for (std::size_t c = 0; c < f.curves.size(); ++c) {
            Json values = Json::array();
            for (double v : f.curves[c])
                values.push_back(jsonNumber(v));
            fj["curves"].push_back({{"method", r.curves[c].method}, {"capture", values}});
        }
        j["folds"].push_back(fj);
    }
    j["summary"] = Json::array();
    for (const auto& s : r.summary)
        j["summary"].push_back({{"method", s.method},
                                {"hit_rate_mean", jsonNumber(s.hit_rate_mean)},
                                {"hit_rate_sd", jsonNumber(s.hit_rate_sd)},
                                {"pai_mean", jsonNumber(s.pai_mean)},
                                {"pai_sd", jsonNumber(s.pai_sd)},
                                {"pei_star_mean", jsonNumber(s.pei_mean)},
                                {"pei_star_sd", jsonNumber(s.pei_sd)},
                                {"land_km2_mean", jsonNumber(s.land_km2_mean)},
                                {"wins", s.wins}});
    Json land = Json::array();
    for (double l : r.curve_land)
        land.push_back(jsonNumber(l));
    j["curve_land"] = land;
    j["curves"] = Json::array();
    for (const auto& c : r.curves) {
        Json values = Json::array();
        for (double v : c.capture)
            values.push_back(jsonNumber(v));
        j["curves"].push_back({{"method", c.method}, {"capture", values}});
    }
    j["planner_point"] = {{"land", jsonNumber(r.planner_land_share)},
                          {"capture", jsonNumber(r.planner_capture)}};
    cli::printJson(j);
}

} // namespace

int runBacktest(int argc, char** argv) {
    auto options = selectionOptionSpecs();
    options.push_back({"train-months", "N", "months each choice is made on (default 3)"});
    for (auto& o : plannerOptionSpecs("the planner's areas (default 6)"))
        if (o.name != "max-area")
            options.push_back(std::move(o));
    options.push_back({"cell", "M",
                       "grid cells of the cell methods (busiest cells, KDE, Gi*, random) and the "
                       "capture curves (default 100)"});
    options.push_back({"no-kde", "", "leave out the KDE hotspot methods"});
    options.push_back({"no-gistar", "", "leave out the Gi* method"});
    options.push_back({"seed", "N", "the random floor's seed (default 1)"});
    options.push_back({"curves", "CSV", "write the capture curves (every method and month)"});
    options.push_back({"json", "", "print one JSON object instead of the table"});
    auto parsed = parseDataCommand(
        {"backtest",
         "Which method would have found next month's hotspots here? For each month after the\n"
         "first --train-months, each method chooses on the months before it and is scored on\n"
         "the month, all with at most the same land: the planner's K areas (the options and\n"
         "presets of suggest), last period's busiest grid cells (the baseline), KDE hotspots\n"
         "for each bandwidth rule, Gi* 99% hot cells, random cells (the floor) and the\n"
         "busiest K cells of an area's size. Hit rate, PAI and PEI* per month, their mean,\n"
         "spread and wins, and capture curves over 0.5% to 10% of the land.",
         options,
         true,
         true,
         {},
         ""},
        argc, argv);
    if (auto* code = std::get_if<int>(&parsed))
        return *code;
    const DataCommand& cmd = std::get<DataCommand>(parsed);
    BacktestRequest q;
    q.planner.weeks = 6;
    if (auto err = readPlannerRequest(cmd.args, q.planner, 6))
        return fail("backtest", *err, kExitUsage);
    const auto train = numberOption(cmd.args, "train-months", 3),
               cell = numberOption(cmd.args, "cell", 100), seed = numberOption(cmd.args, "seed", 1);
    if (!train || !cell || !seed || *train < 1 || *seed < 0)
        return fail("backtest", "--train-months, --cell and --seed take numbers", kExitUsage);
    q.train_months = static_cast<std::size_t>(*train);
    q.cell_m = *cell;
    q.seed = static_cast<std::uint64_t>(*seed);
    q.kde = !cmd.args.has("no-kde");
    q.gistar = !cmd.args.has("no-gistar");
    Session session;
    if (auto st = loadAndReport(session, cmd); !st)
        return fail("backtest", st.error(), kExitFailure);
    auto sel = selectionFrom(cmd.args, session);
    if (!sel)
        return fail("backtest", sel.error(), kExitUsage);
    q.selection = sel.value();
    q.selection.from = q.selection.to = kNoMonth; // every loaded month
    auto r = withProgress(cmd, "Backtesting...",
                          [&](Progress* p) { return sw::runBacktest(session, q, p); });
    if (!r)
        return failWith("backtest", r.failure());
    if (cmd.args.has("curves")) {
        if (auto st = writeFileAtomically(cmd.args.get("curves"), captureCurvesCsv(r.value())); !st)
            return fail("backtest", st.error(), kExitFailure);
    }
    if (cmd.args.has("json"))
        printBacktestJson(r.value(), q);
    else
        printBacktestText(r.value(), q);
    return kExitOk;
}

} // namespace sw::cli
