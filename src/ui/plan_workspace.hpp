// Everything of the plan in the map, behind one object the app calls a few times a frame: the
// open PlanDocument, the drawing tools, the Plan panel, the areas over the map, the live
// statistics and Suggest jobs, Ctrl+S, and the autosave every minute to a side file with the
// recovery offer at the next start.
#pragma once

#include "core/hotspots.hpp"
#include "session/plan_document.hpp"
#include "session/plan_jobs.hpp"
#include "ui/area_overlay.hpp"
#include "ui/area_tools.hpp"
#include "ui/map_view.hpp"
#include "ui/pack_export.hpp"
#include "ui/plan_panel.hpp"
#include "ui/report_export.hpp"

#include <optional>
#include <string>

namespace sw::ui {

class PlanWorkspace {
  public:
    static constexpr double kAutosaveSeconds = 60;

    // Opens the plan at `path` (a new plan there when there is no file; with no path, a new
    // "streetweek_plan.gpkg" that overwrites nothing). Offers recovery when an autosave is
    // newer than the plan.
    Status open(const std::string& path);

    // Before the map's own input: the tools read the mouse and keys. True when the left button
    // belongs to the tools this frame (the map must not pan with it).
    bool handleTools(const MapViewState& view);
    // Installs finished jobs, asks for the statistics of `selection`, autosaves when due.
    void poll(const Session& session, const SelectionParams& selection, double now_s,
              const std::string& crs);
    // The Plan panel; a zoom when an area was chosen in a list.
    // `kde`: the map's density, which hotspot-polygon suggestions come from.
    std::optional<Box> drawPanel(const Session& session, const LoadRequest& sources,
                                 const SelectionParams& selection, const KdeParams& kde);
    void drawOverlay(const MapCamera& camera);
    // The map's hotspot settings, recorded in the plan when it is saved.
    void setAnalysis(const KdeParams& kde, const HotspotThreshold& threshold) {
        kde_ = kde;
        threshold_ = threshold;
    }
    // Ctrl+S and File > Save plan; `report`: the load's (each source's rows).
    void save(const LoadRequest& sources, const SelectionParams& selection, const std::string& crs,
              const LoadReport* report = nullptr);
    // New data is coming: the jobs that read the session stop, their results go.
    void stopJobs();
    // At exit: unsaved edits go to the side file (offered next time), else it is removed.
    void close(const std::string& crs);

    PlanDocument& doc() { return doc_; }
    AreaToolState& tools() { return tools_; }
    PlanPanelState& panel() { return panel_; }
    PackExport& pack() { return pack_; }
    ReportExport& report() { return report_; }
    const std::string& message() const { return panel_.message; }

  private:
    void startEvaluation(const Session& session, const SelectionParams& selection);

    PlanDocument doc_;
    PackExport pack_;
    ReportExport report_;
    AreaToolState tools_;
    AreaToolFrame frame_;
    PlanPanelState panel_;
    PlanJobs jobs_;
    AreaFillCache fills_;
    std::string crs_ = "EPSG:27700";
    double last_autosave_s_ = -1;
    std::uint64_t autosaved_revision_ = 0;
    KdeParams kde_; // the map's hotspot settings, for the saved plan
    HotspotThreshold threshold_;
    TargetArea after_area_;        // the area of the after-action check running or shown
    std::string opened_path_;      // the file the plan came from (or was last saved to)
    std::string confirm_;          // a Save that waits for a second press
    double last_disk_check_s_ = 0; // when the plan file was last checked for others' saves
    double after_buffer_m_ = 250;
};

// A plan file name in `dir` that is not taken: streetweek_plan.gpkg, streetweek_plan_2.gpkg...
std::string freePlanName(const std::string& dir = ".");

} // namespace sw::ui
