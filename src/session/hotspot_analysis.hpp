// The hotspot action shared by CLI and UI: select incidents, KDE, threshold within the study
// area, 8-connected regions, polygons (GDAL polygonize), and per-hotspot statistics with the
// wards each one overlaps.
#pragma once

#include "core/hotspots.hpp"
#include "core/kde.hpp"
#include "session/incident_selection.hpp"
#include "session/session.hpp"

namespace sw {

struct HotspotParams {
    SelectionParams selection;
    KdeParams kde;
    HotspotThreshold threshold;
};

struct Hotspot {
    HotspotStats stats;
    MultiPolygon shape;             // working CRS
    std::vector<std::string> wards; // names of the wards it overlaps
};

struct HotspotResult {
    KdeResult density;
    double threshold_value = 0;
    double study_area_km2 = 0;     // the wards' area, or the grid's when no wards are loaded
    std::size_t incidents = 0;     // selected
    std::vector<Hotspot> hotspots; // by rank
    std::vector<std::string> notes;
};

// The extent defaults to the wards' bounds aligned to the cell size.
Result<HotspotResult> findHotspots(const Session& session, const HotspotParams& params,
                                   Progress* progress = nullptr);
// The same on incidents already selected with params.selection (callers that need the
// selection for more than the hotspots select once).
Result<HotspotResult> findHotspots(const Session& session, const HotspotParams& params,
                                   const Selection& selection, Progress* progress = nullptr);

} // namespace sw
