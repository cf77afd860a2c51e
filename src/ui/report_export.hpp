// File > Board report: the panel (PDF or HTML, the file, withheld counts, title) and the
// report written in the background with progress and cancel. The same action as `streetweek
// report` (session/board_report.hpp), on the map's period, layers and hotspot settings and the
// plan's areas when it has any.
#pragma once

#include "core/background_job.hpp"
#include "session/board_report.hpp"

#include "ui/output_scope.hpp"

#include <optional>
#include <string>

namespace sw::ui {

struct ReportExportState {
    bool open = false;
    int format = 0; // 0 PDF, 1 HTML
    int suppress = 5;
    bool backtest = false; // add the backtest of the methods (session/board_backtest)
    std::string path;      // empty: "<plan stem>_board_report.pdf" beside the plan
    std::string title;
    std::string message;
    OutputScope scope; // the period it covers (the map's unless typed)
};

class ReportExport {
  public:
    ReportExportState& state() { return state_; }
    // Draws the panel while open and starts or cancels the report; collects a finished one.
    void draw(const Session& session, const Plan& plan, const std::string& plan_path,
              const SelectionParams& selection, const KdeParams& kde,
              const HotspotThreshold& threshold);
    bool running() const { return job_.running(); }
    // The map's basemap (its source and look, owned by the map and read when a report
    // starts), drawn under the report's maps too.
    void followBasemap(const std::optional<BasemapSource>& source, const BasemapLook& look) {
        basemap_source_ = &source;
        basemap_look_ = &look;
    }
    void stop(); // new data is coming: a running report stops (it reads the session)

  private:
    void start(const Session& session, const Plan& plan, const std::string& plan_path,
               const SelectionParams& selection, const KdeParams& kde,
               const HotspotThreshold& threshold);
    void collect();

    ReportExportState state_;
    const std::optional<BasemapSource>* basemap_source_ = nullptr;
    const BasemapLook* basemap_look_ = nullptr;
    BackgroundJob<BoardReportResult> job_;
};

// "<plan stem>_board_report.pdf" (or .html) beside the plan, or in the working folder.
std::string defaultReportPath(const std::string& plan_path, bool html);

} // namespace sw::ui
