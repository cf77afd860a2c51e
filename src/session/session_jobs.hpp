// The map's background work behind one object: loading data, reading context layers one at a
// time, and the live analysis. poll() is the one place their results are installed into the
// session, on the UI thread; no job reads the session while it changes.
#pragma once

#include "core/background_job.hpp"
#include "session/live_analysis.hpp"
#include "session/session.hpp"

#include <functional>
#include <string>
#include <vector>

namespace sw {

class SessionJobs {
  public:
    // Runs on the load job's thread once the data has loaded, before it is handed over: builds
    // what a view needs from the new data (the map's triangles and points), so both arrive in
    // the same frame. May be empty.
    using PrepareView = std::function<void(const LoadedData&, const std::vector<LayerRule>&)>;
    // Runs on the UI thread just before new data replaces the session's: stops the view's own
    // work that reads the session. May be empty.
    using BeforeInstall = std::function<void()>;

    SessionJobs(PrepareView prepare = {}, BeforeInstall before_install = {});
    ~SessionJobs();
    SessionJobs(const SessionJobs&) = delete;
    SessionJobs& operator=(const SessionJobs&) = delete;

    // Loads in the background (replacing a load still running); the session keeps its data
    // until the new data is installed, and keeps it when the load fails.
    void load(const Session& session, const LoadRequest& request);
    // Queues a context layer (read and projected once no load is running).
    void addContext(const std::string& path);

    struct Events {
        bool data_installed = false;
        std::string load_error;      // a failed load (the session is unchanged)
        bool context_added = false;  // a context layer joined the session
        std::string context_message; // the last context layer's result, ok or not
        bool context_failed = false;
    };
    // Installs finished loads and context layers, starts queued work.
    Events poll(Session& session);
    // Asks the live analysis for these parameters and installs its finished result (true).
    bool analyse(const Session& session, const MapAnalysisParams& params, double now_s);

    bool loading() const { return load_.running(); }
    double loadFraction() const { return load_.fraction(); }
    // Loading, or context layers still to read.
    bool busy() const { return load_.running() || context_.running() || !queue_.empty(); }
    LiveAnalysis& live() { return live_; }
    const LiveAnalysis& live() const { return live_; }
    // The request of the data loaded (or loading, until it fails).
    const LoadRequest& request() const { return installed_request_; }
    void stop();

  private:
    PrepareView prepare_;
    BeforeInstall before_install_;
    BackgroundJob<LoadedData> load_;
    LoadRequest loading_request_, installed_request_;
    BackgroundJob<ContextLayer> context_;
    std::string context_path_, context_crs_; // what the context job reads, and into which CRS
    std::vector<std::string> queue_;
    LiveAnalysis live_;
};

} // namespace sw
