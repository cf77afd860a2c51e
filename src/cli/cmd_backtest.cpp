// `streetweek backtest`: which method would have found next month's hotspots here (a rolling
// origin over the loaded months; session/backtest).
#include "cli/analysis_options.hpp"
#include "cli/commands.hpp"
#include "cli/data_command.hpp"
#include "cli/json_output.hpp"
#include "cli/load_options.hpp"
#include "core/text.hpp"
#include "session/backtest.hpp"

#include <cstdio>

namespace sw::cli {
namespace {

std::string percentText(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", 100 * v);
    return buf;
}
std::string optionalText(std::optional<double> v, const char* fmt = "%.2f") {
    if (!v)
        return "-";
    char buf[32];
    std::snprintf(buf, sizeof buf, fmt, *v);
    return buf;
}

void printBacktestText(const BacktestResult& r, const BacktestRequest& q) {
    std::printf("Backtest: each month chosen on the %zu before it, scored on the month; every "
                "method takes %.2f km2 (%zu cells of %g m for the grid methods)\n",
                q.train_months, r.land_km2, r.cells, q.cell_m);
    for (const auto& s : r.skipped)
        std::printf("  skipped %s\n", s.c_str());
    std::printf("  test     incidents  ");
    for (std::size_t m = 0; m < r.methods.size(); ++m)
        std::printf("  M%zu hit%%   PAI  PEI*", m + 1);
    std::printf("\n");
    for (const auto& f : r.folds) {
        std::printf("  %s  %9lld  ", formatMonth(f.test).c_str(),
                    static_cast<long long>(f.test_incidents));
        for (const auto& s : f.scores)
            std::printf("  %7s %5s %5s", percentText(s.hit_rate).c_str(),
                        optionalText(s.pai, "%.1f").c_str(), optionalText(s.pei_star).c_str());
        std::printf("\n");
    }
    std::printf("Over %zu folds (mean +- standard deviation; wins: folds with the highest hit "
                "rate):\n",
                r.folds.size());
    for (std::size_t m = 0; m < r.summary.size(); ++m) {
        const MethodSummary& s = r.summary[m];
        std::printf("  M%zu %-44s hit rate %5.1f%% +- %4.1f  PAI %5.1f +- %4.1f  PEI* %.2f +- "
                    "%.2f  wins %zu\n",
                    m + 1, s.method.c_str(), 100 * s.hit_rate_mean, 100 * s.hit_rate_sd, s.pai_mean,
                    s.pai_sd, s.pei_mean, s.pei_sd, s.wins);
    }
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
                                    {"pei_star", jsonNumber(s.pei_star)}});
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
                                {"wins", s.wins}});
    cli::printJson(j);
}

} // namespace

int runBacktest(int argc, char** argv) {
    auto options = selectionOptionSpecs();
    options.push_back({"train-months", "N", "months each choice is made on (default 3)"});
    options.push_back({"weeks", "K", "the planner's areas (default 6)"});
    options.push_back({"radius", "M", "their radius (default 300)"});
    options.push_back({"min-gap", "M", "least distance between them (default 0)"});
    options.push_back({"cell", "M",
                       "grid cells of the busiest-cells baseline and the random floor (default "
                       "100; a fourth method takes K cells of the areas' size)"});
    options.push_back({"seed", "N", "the random floor's seed (default 1)"});
    options.push_back({"json", "", "print one JSON object instead of the table"});
    auto parsed = parseDataCommand(
        {"backtest",
         "Which method would have found next month's hotspots here? For each month after the\n"
         "first --train-months, each method chooses on the months before it and is scored on\n"
         "the month: the planner's K circles, last period's busiest grid cells (the baseline)\n"
         "and random cells (the floor), all with the same land. Hit rate, PAI and PEI* per\n"
         "month, and their mean, spread and wins over the months.",
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
    const auto train = numberOption(cmd.args, "train-months", 3),
               weeks = numberOption(cmd.args, "weeks", 6),
               radius = numberOption(cmd.args, "radius", 300),
               gap = numberOption(cmd.args, "min-gap", 0),
               cell = numberOption(cmd.args, "cell", 100), seed = numberOption(cmd.args, "seed", 1);
    if (!train || !weeks || !radius || !gap || !cell || !seed || *weeks < 1 || *weeks > 52 ||
        *train < 1)
        return fail("backtest",
                    "--train-months, --weeks (1 to 52), --radius, --min-gap, --cell and --seed "
                    "take numbers",
                    kExitUsage);
    q.train_months = static_cast<std::size_t>(*train);
    q.weeks = static_cast<std::size_t>(*weeks);
    q.radius_m = *radius;
    q.min_gap_m = *gap;
    q.cell_m = *cell;
    q.seed = static_cast<std::uint64_t>(*seed);
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
    if (cmd.args.has("json"))
        printBacktestJson(r.value(), q);
    else
        printBacktestText(r.value(), q);
    return kExitOk;
}

} // namespace sw::cli
