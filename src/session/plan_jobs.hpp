// The planner's background work in the map: the area statistics prepared for the shown
// selection (so the selected area's figures update every frame while it is drawn or dragged),
// Suggest, the hold-out and after-action checks, and the backtest. All read the session; stop()
// before new data replaces it.
#pragma once

#include "core/background_job.hpp"
#include "session/after_action.hpp"
#include "session/area_statistics.hpp"
#include "session/backtest.hpp"
#include "session/plan_evaluation.hpp"
#include "session/street_week_suggest.hpp"

#include <memory>
#include <optional>
#include <string>

namespace sw {

class PlanJobs {
  public:
    // Prepares the statistics for this request in the background unless they are ready (or
    // being prepared) for it already.
    void wantStats(const Session& session, const AreaStatsRequest& request);
    // The statistics of the last request prepared (nullptr until the first is ready).
    const AreaStatistics* stats() const { return stats_.get(); }
    bool preparing() const { return stats_job_.running(); }
    // The statistics of a shape (nullptr while none are prepared). With a key (an area's id)
    // they are kept until the key, `revision` or the prepared statistics change, so a still
    // selected area is not recounted every frame; an empty key (the shape being drawn) counts
    // anew each call.
    const AreaStats* statsFor(const std::string& key, std::uint64_t revision,
                              const MultiPolygon& shape);
    const std::string& statsError() const { return stats_error_; }

    void suggest(const Session& session, const SuggestRequest& request);
    bool suggesting() const { return suggest_job_.running(); }
    double suggestFraction() const { return suggest_job_.fraction(); }
    void cancelSuggest() { suggest_job_.cancel(); }
    // The finished suggestion (once).
    std::optional<Result<SuggestResult>> takeSuggestion() { return suggest_job_.take(); }

    // The hold-out check of the areas, and the after-action check of one.
    void evaluate(const Session& session, std::vector<TargetArea> areas,
                  const EvaluateRequest& request);
    std::optional<Result<PlanEvaluation>> takeEvaluation() { return evaluate_job_.take(); }
    void after(const Session& session, const TargetArea& area, const AfterActionRequest& request);
    std::optional<Result<AfterActionResult>> takeAfter() { return after_job_.take(); }
    bool checking() const { return evaluate_job_.running() || after_job_.running(); }

    // The backtest (which method would have found next month's hotspots), with progress and
    // cancel.
    void backtest(const Session& session, const BacktestRequest& request);
    bool backtesting() const { return backtest_job_.running(); }
    double backtestFraction() const { return backtest_job_.fraction(); }
    void cancelBacktest() { backtest_job_.cancel(); }
    std::optional<Result<BacktestResult>> takeBacktest() { return backtest_job_.take(); }

    // Installs finished statistics (call once a frame).
    void poll();
    // Stops every job and forgets the statistics (new data is coming).
    void stop();

  private:
    BackgroundJob<AreaStatistics> stats_job_;
    BackgroundJob<SuggestResult> suggest_job_;
    BackgroundJob<PlanEvaluation> evaluate_job_;
    BackgroundJob<AfterActionResult> after_job_;
    BackgroundJob<BacktestResult> backtest_job_;
    std::unique_ptr<AreaStatistics> stats_;
    std::string stats_key_, preparing_key_, stats_error_;
    std::uint64_t stats_generation_ = 0; // counts the statistics installed
    // The last statistics of a shape: for which key, revision and statistics.
    std::optional<AreaStats> shape_stats_;
    std::string shape_key_;
    std::uint64_t shape_revision_ = 0, shape_generation_ = 0;
};

// A key for a stats request: equal keys select the same incidents.
std::string statsRequestKey(const AreaStatsRequest& request);

} // namespace sw
