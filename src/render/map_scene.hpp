// The map's CPU-side geometry for the session's data (no GL): built alongside the data on the
// load job's thread and installed with it on the UI thread, and its incident points rebuilt off
// the UI thread when a layer rule changes. The renderer uploads from it.
#pragma once

#include "core/background_job.hpp"
#include "core/incident_table.hpp"
#include "core/wards.hpp"
#include "render/map_geometry.hpp"

#include <optional>

namespace sw {

class MapScene {
  public:
    ~MapScene() { stop(); }

    // On the load job's thread: builds the geometry for data about to be installed.
    void prepare(const WardSet& wards, const IncidentTable& incidents,
                 const std::vector<LayerRule>& rules);
    // On the UI thread, once that data is in the session: the prepared geometry becomes the
    // scene's. False when nothing was prepared.
    bool installPrepared();
    // Stops the points job (call before the session's incidents change).
    void stop();
    // Starts rebuilding the points when the rules no longer match them (not while `busy`), and
    // installs rebuilt points; true when new points are in the geometry. `study_area`: wards
    // are loaded, so incidents with no ward are outside it.
    bool pollPoints(const IncidentTable& incidents, const std::vector<LayerRule>& rules,
                    bool study_area, bool busy);

    MapGeometry& geometry() { return geometry_; }
    const MapGeometry& geometry() const { return geometry_; }
    // Frees the vertex arrays the GPU now holds (the ward fills stay for recolouring).
    void releaseUploaded();

  private:
    MapGeometry geometry_;
    std::optional<MapGeometry> prepared_; // written by the load job, read after it finished
    BackgroundJob<LayerPoints> points_job_;
};

} // namespace sw
