// The planner's background work in the map: the area statistics prepared for the shown
// selection (so the selected area's figures update every frame while it is drawn or dragged)
// and Suggest. Both read the session; stop() before new data replaces it.
#pragma once

#include "core/background_job.hpp"
#include "session/area_statistics.hpp"
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
    const std::string& statsError() const { return stats_error_; }

    void suggest(const Session& session, const SuggestRequest& request);
    bool suggesting() const { return suggest_job_.running(); }
    double suggestFraction() const { return suggest_job_.fraction(); }
    void cancelSuggest() { suggest_job_.cancel(); }
    // The finished suggestion (once).
    std::optional<Result<SuggestResult>> takeSuggestion() { return suggest_job_.take(); }

    // Installs finished statistics (call once a frame).
    void poll();
    // Stops both jobs and forgets the statistics (new data is coming).
    void stop();

  private:
    BackgroundJob<AreaStatistics> stats_job_;
    BackgroundJob<SuggestResult> suggest_job_;
    std::unique_ptr<AreaStatistics> stats_;
    std::string stats_key_, preparing_key_, stats_error_;
};

// A key for a stats request: equal keys select the same incidents.
std::string statsRequestKey(const AreaStatsRequest& request);

} // namespace sw
