// The layers of a partner pack, built from the session and the plan and put through
// disclosure control: target areas (schedule and statistics), hotspot polygons, Gi* classes
// (one polygon per class), ward profiles, and incident points when asked for (month, crime
// type and the published location only). Also the density surface for the GeoTIFF.
#pragma once

#include "core/target_area.hpp"
#include "session/analysis_actions.hpp"
#include "session/pack_disclosure.hpp"
#include "session/session.hpp"

#include <string>
#include <vector>

namespace sw {

struct PackContentRequest {
    SelectionParams selection; // period and layers
    HotspotRequest hotspots;   // its density.selection is replaced by `selection`
    GiStarParams gi;
    std::int64_t suppress = 5; // counts 1..N-1 withheld; <= 1: none
    bool include_points = false;
};

struct PackLayerSummary {
    std::string name;
    std::size_t features = 0;
    DisclosureOutcome disclosure;
};

struct PackContent {
    std::vector<io::OutLayer> layers;
    std::vector<PackLayerSummary> summaries; // per layer, in order
    KdeResult density;                       // the hotspots' surface
    std::vector<MultiPolygon> hotspot_outlines; // by rank: contours of the threshold (maps)
    ResolvedKde kde;
    HotspotThreshold threshold;
    double threshold_value = 0;
    ResolvedGiStar gi;
    MonthSpan period;
    std::int64_t study_incidents = 0; // in the period and layers, in the study area
    double study_area_km2 = 0;
    std::vector<std::string> layer_names, layer_keys;
    std::vector<std::string> layer_rules; // each layer's rule, as a layers file writes it
    std::vector<std::string> notes;
};

// The hotspot settings a plan records (hotspot_kernel, hotspot_radius_m, hotspot_cell_m,
// hotspot_threshold), over the defaults: quartic, the ArcGIS radius rule, the suggested cell
// size, the top 5% of cells.
HotspotRequest hotspotRequestFromPlan(const Plan& plan);

// The content as the map shows it: the map's period, layers, hotspot grid and threshold
// (the plan's other hotspot settings underneath), with counts below `suppress` withheld.
PackContentRequest mapContentRequest(const Plan& plan, const SelectionParams& selection,
                                     const KdeParams& kde, const HotspotThreshold& threshold,
                                     std::int64_t suppress);

Result<PackContent> buildPackContent(const Session& session, const Plan& plan,
                                     const PackContentRequest& request,
                                     Progress* progress = nullptr);

} // namespace sw
