// The backtest: which method would have found next month's hotspots here? A rolling origin over
// the loaded months: for each test month after a warm-up, each method chooses on the previous N
// months and is scored on the test month, with (at most) the same land for every method:
//   the planner's K areas (its exact choice, with the presets and weights of `suggest`),
//   last period's busiest grid cells (the baseline published evaluations find hard to beat),
//   KDE hotspots for each bandwidth rule (the densest cells of the training months' surface),
//   Gi* 99% hot cells (the most significant first, no more than the same land),
//   a random choice of study-area cells (the floor), and
//   last period's busiest K cells of one area's size (the planner's land on a fixed grid).
// Scores: hit rate, PAI and PEI* (the capture over the most the same land, in the same shapes,
// could have captured in the test month), per fold and as mean and spread over the folds; and
// capture curves (share of the month's incidents in the top 0.5% to 10% of the land) for every
// method that ranks cells.
#pragma once

#include "core/month_coverage.hpp"
#include "core/progress.hpp"
#include "core/result.hpp"
#include "session/incident_selection.hpp"
#include "session/session.hpp"
#include "session/street_week_suggest.hpp"

#include <optional>
#include <string>
#include <vector>

namespace sw {

struct BacktestRequest {
    SelectionParams selection;    // layers and weights; the period is every loaded month
    std::size_t train_months = 3; // months chosen on before each test month
    SuggestRequest planner;       // weeks, shape, radius, gap, minimum per site (selection unused)
    double cell_m = 100;          // the grid of the cell methods and the curves
    std::uint64_t seed = 1;
    bool kde = true;    // KDE hotspots for each bandwidth rule
    bool gistar = true; // Gi* 99% hot cells
};

struct MethodScore {
    std::string method;
    double hit_rate = 0;
    std::optional<double> pai, pei_star;
    double land_km2 = 0;
    std::string detail; // "radius 412 m", "37 hot cells"
};

struct BacktestFold {
    MonthSpan train;
    MonthIndex test = kNoMonth;
    std::int64_t test_incidents = 0;
    std::vector<MethodScore> scores; // one per method, in the order of BacktestResult::methods
    // Per curve (BacktestResult::curves' order) the share of the month's incidents captured at
    // each of BacktestResult::curve_land.
    std::vector<std::vector<double>> curves;
};

struct MethodSummary {
    std::string method;
    double hit_rate_mean = 0, hit_rate_sd = 0, pai_mean = 0, pai_sd = 0, pei_mean = 0, pei_sd = 0;
    double land_km2_mean = 0;
    std::size_t wins = 0; // folds where its hit rate was the highest
};

struct CaptureCurve {
    std::string method;
    std::vector<double> capture; // mean over the folds, at each of curve_land
};

struct BacktestResult {
    std::vector<std::string> methods;
    std::vector<BacktestFold> folds;
    std::vector<MethodSummary> summary;
    std::vector<std::string> skipped; // "2025-05: no data for 2025-04 (training)"
    double land_km2 = 0;              // what each method may take (the planner's areas)
    std::size_t cells = 0;            // grid cells of that land
    double study_km2 = 0;
    std::vector<double> curve_land;   // shares of the study area's cells, 0.005 to 0.10
    std::vector<CaptureCurve> curves; // the ranking methods, then the month itself (the ceiling)
    double planner_land_share = 0;    // the planner's point beside the curves
    double planner_capture = 0;       // its mean hit rate
};

Result<BacktestResult> runBacktest(const Session& session, const BacktestRequest& request,
                                   Progress* progress = nullptr);

// The capture curves as CSV: one row per method, fold ("mean" for the mean) and land share.
std::string captureCurvesCsv(const BacktestResult& result);

} // namespace sw
