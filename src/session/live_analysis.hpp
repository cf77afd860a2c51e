// The map's live analysis: on every change of period, layers or hotspot settings, a debounced
// background job recomputes the density surface, the hotspots and the ward profile for what
// the map shows. The UI thread only sets parameters and reads finished results; a running job
// is cancelled when a newer request arrives, so the UI never blocks.
#pragma once

#include "core/background_job.hpp"
#include "core/bandwidth.hpp"
#include "core/gistar.hpp"
#include "core/period_counts.hpp"
#include "core/ward_profile.hpp"
#include "session/analysis_actions.hpp"
#include "session/session.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace sw {

struct MapAnalysisParams {
    HotspotRequest hotspots; // selection (period, layers, weights), KDE and threshold
    // Gi* hot and cold spots on the same selection (cell 0: the study area's suggested size;
    // distance 0: 2.5 cells). Not computed when unset.
    std::optional<GiStarParams> gistar;
    bool operator==(const MapAnalysisParams& o) const;
};

struct MapAnalysis {
    MapAnalysisParams params;
    HotspotResult hotspots;                      // density grid, threshold and hotspots
    std::optional<WardProfile> profile;          // counts per ward in the period and layers
    std::optional<WardCharts> ward_charts;       // monthly counts over the loaded months, per ward
    std::optional<GiStarResult> gistar;          // when asked for
    std::vector<BandwidthSuggestion> bandwidths; // ArcGIS default, Scott
    double seconds = 0;                          // compute time
};

// The analysis itself (also used by tests and benchmarks without the debounce).
Result<MapAnalysis> runMapAnalysis(const Session& session, const MapAnalysisParams& params,
                                   Progress* progress = nullptr);

class LiveAnalysis {
  public:
    static constexpr double kDebounceSeconds = 0.03; // about two frames

    // Asks for a recomputation with these parameters (ignored when nothing changed). The job
    // starts once the parameters have been still for the debounce interval.
    void request(const MapAnalysisParams& params, double now_s);
    // Starts due work and collects finished results; true when a new result was installed.
    // The session must not change while a job runs (call stop() before loading new data).
    bool poll(const Session& session, double now_s);
    void stop();
    void cancel() { job_.cancel(); }

    const std::optional<MapAnalysis>& result() const { return result_; }
    // Counts installed results, so views can tell a new result from the one they drew
    // (result() keeps its address across results).
    std::uint64_t generation() const { return generation_; }
    bool running() const { return job_.running() || pending_; }
    double fraction() const { return job_.fraction(); }
    const std::string& error() const { return error_; }

  private:
    BackgroundJob<MapAnalysis> job_;
    std::optional<MapAnalysisParams> wanted_;
    bool pending_ = false;
    double requested_at_ = 0;
    std::optional<MapAnalysis> result_;
    std::uint64_t generation_ = 0;
    std::string error_;
};

} // namespace sw
