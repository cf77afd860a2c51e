// File > Export partner pack: the panel (format, suppression, points, zip, folder) and the
// export running in the background with progress and cancel. The same action as
// `streetweek export` (session/partner_pack.hpp), on the plan and the map's period, layers and
// hotspot settings.
#pragma once

#include "core/background_job.hpp"
#include "session/partner_pack.hpp"

#include "ui/output_scope.hpp"

#include <string>

namespace sw::ui {

struct PackExportState {
    bool open = false;
    int format = 1; // index into the formats: shp, gpkg, geojson, kml, csv, xlsx
    int suppress = 5;
    bool include_points = false, zip = false;
    std::string folder; // empty: "<plan name>_pack" beside the plan
    std::string message;
    OutputScope scope; // the period it covers (the map's unless typed)
};

class PackExport {
  public:
    PackExportState& state() { return state_; }
    // Draws the panel while open and starts or cancels the export; collects a finished one.
    void draw(const Session& session, const Plan& plan, const std::string& plan_path,
              const SelectionParams& selection, const KdeParams& kde,
              const HotspotThreshold& threshold);
    bool running() const { return job_.running(); }
    // New data is coming: a running export stops (it reads the session).
    void stop();

  private:
    void start(const Session& session, const Plan& plan, const std::string& plan_path,
               const SelectionParams& selection, const KdeParams& kde,
               const HotspotThreshold& threshold);
    void collect();

    PackExportState state_;
    BackgroundJob<PartnerPackResult> job_;
};

// A one-line text field bound to a string (at most 1,023 bytes).
void inputText(const char* label, std::string& text);

// The folder a pack goes to by default: "<plan stem>_pack" beside the plan.
std::string defaultPackFolder(const std::string& plan_path);

} // namespace sw::ui
