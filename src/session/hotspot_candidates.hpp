// Suggest's hotspot-polygon candidates: the hotspots of the density surface (the map's kernel
// and radius) at a ladder of thresholds (the top 20% of the study area's cells down to the top
// 0.25%), each kept where it fits under the maximum area, so that a hotspot too large for one
// street week is offered as its hotter cores. Nested and nearby candidates conflict (they
// overlap or lie within the gap), so the choice never takes two that share ground.
#pragma once

#include "core/kde.hpp"
#include "core/result.hpp"
#include "core/target_area.hpp"
#include "session/incident_selection.hpp"
#include "session/session.hpp"

#include <vector>

namespace sw {

struct PolygonCandidate {
    MultiPolygon shape;
    Point centre{0, 0};
    double value = 0;         // weighted incidents inside
    double threshold_pct = 0; // the top share of cells it was cut at
};

struct HotspotCandidates {
    std::vector<PolygonCandidate> candidates;
    std::vector<std::vector<std::size_t>> conflicts; // sorted, both ways round
    std::size_t too_large = 0;                       // hotspots over the cap at every level
    std::size_t blocked = 0;                         // too close to a planned area
};

struct HotspotCandidateRequest {
    KdeParams kde;             // cell 0: the study area's suggested size
    double max_area_km2 = 0.5; // the cap
    double min_area_km2 = 0.005;
    double min_gap_m = 0;
    std::vector<const TargetArea*> blocking; // planned areas and zones to keep clear of
};

Result<HotspotCandidates> hotspotCandidates(const Session& session, const Selection& selection,
                                            const HotspotCandidateRequest& request,
                                            Progress* progress = nullptr);

} // namespace sw
