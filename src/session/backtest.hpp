// The backtest: which method would have found next month's hotspots here? A rolling origin over
// the loaded months: for each test month after a warm-up, each method chooses on the previous N
// months and is scored on the test month, with the same land for every method: the planner's K
// circles (its exact choice), last period's busiest grid cells (the baseline published
// evaluations find hard to beat) and a random choice of study-area cells (the floor). Scores:
// hit rate, PAI and PEI* (the capture over the most the same land, in the same shapes, could
// have captured in the test month), per fold and as mean and spread over the folds.
#pragma once

#include "core/month_coverage.hpp"
#include "core/progress.hpp"
#include "core/result.hpp"
#include "session/incident_selection.hpp"
#include "session/session.hpp"

#include <optional>
#include <string>
#include <vector>

namespace sw {

struct BacktestRequest {
    SelectionParams selection;    // layers and weights; the period is every loaded month
    std::size_t train_months = 3; // months chosen on before each test month
    std::size_t weeks = 6;        // the planner's areas
    double radius_m = 300;
    double min_gap_m = 0;
    double cell_m = 100; // the grid cells of the baseline and the random choice
    std::uint64_t seed = 1;
    double time_limit_s = 1; // the planner's, per choice
};

struct MethodScore {
    std::string method;
    double hit_rate = 0;
    std::optional<double> pai, pei_star;
};

struct BacktestFold {
    MonthSpan train;
    MonthIndex test = kNoMonth;
    std::int64_t test_incidents = 0;
    std::vector<MethodScore> scores; // one per method, in the order of BacktestResult::methods
};

struct MethodSummary {
    std::string method;
    double hit_rate_mean = 0, hit_rate_sd = 0, pai_mean = 0, pai_sd = 0, pei_mean = 0, pei_sd = 0;
    std::size_t wins = 0; // folds where its hit rate was the highest
};

struct BacktestResult {
    std::vector<std::string> methods;
    std::vector<BacktestFold> folds;
    std::vector<MethodSummary> summary;
    std::vector<std::string> skipped; // "2025-05: no data for 2025-04 (training)"
    double land_km2 = 0;              // what each method may take
    std::size_t cells = 0;            // grid cells of that land
};

Result<BacktestResult> runBacktest(const Session& session, const BacktestRequest& request,
                                   Progress* progress = nullptr);

} // namespace sw
