// Suggest: K circles of a walkable radius for the next K street weeks, chosen to capture the
// most weighted incidents of the period in the study area, at least a minimum gap apart, clear
// of the areas already planned (and of excluded zones and areas visited within N months).
// Candidates are circles centred on a grid over the study area (their captured weight is a
// uniform-kernel density: the count within the radius), or hotspot polygons capped at a
// maximum area (session/hotspot_candidates); the choice is exact on that candidate set
// (core/area_choice) within a time limit.
#pragma once

#include "core/area_choice.hpp"
#include "core/kde.hpp"
#include "core/target_area.hpp"
#include "session/area_statistics.hpp"
#include "session/incident_selection.hpp"

#include <string>
#include <vector>

namespace sw {

// The map's density for hotspot polygons: quartic, 250 m, the study area's suggested cell.
inline KdeParams defaultHotspotKde() {
    KdeParams k;
    k.radius_m = 250;
    k.cell_size_m = 0;
    return k;
}

// Circle: the best-placed circles; HotspotPolygon: hotspots of the density capped at an area;
// Hexagon: cells of an equal-hexagon tessellation ranked by what they hold (the College of
// Policing's rank ordering of equal areas; the radius is the hexagons' centre-to-corner).
enum class SuggestShape { Circle, HotspotPolygon, Hexagon };

struct SuggestRequest {
    SelectionParams selection; // period, layers and their weights
    std::size_t weeks = 4;     // how many areas
    SuggestShape shape = SuggestShape::Circle;
    double radius_m = 300;                       // circles: walkable in a week
    double max_area_km2 = 0.5;                   // hotspot polygons: the cap
    KdeParams hotspot_kde = defaultHotspotKde(); // hotspot polygons: the density they come from
    double min_gap_m = 0;                // between any two areas (and from the planned ones)
    double step_m = 0;                   // candidate centres' spacing (0: a third of the radius)
    std::vector<TargetArea> planned;     // already in the plan: new areas keep clear of them
    std::vector<std::string> ids_in_use; // ids new areas must not take (areas left out too)
    int revisit_months = 6;              // a done area older than this no longer blocks
    double time_limit_s = 1.0;           // for the exact search
    double min_per_site = 0; // an area must capture at least this many weighted incidents
};

struct SuggestedArea {
    TargetArea area;
    double captured = 0; // weighted incidents
    AreaStats stats;
    double threshold_pct = 0; // hotspot polygons: the top share of cells it was cut at
};

struct RankedCandidate {
    Point centre{0, 0};
    double value = 0; // weighted incidents it captures alone
    bool chosen = false;
};

struct SuggestResult {
    std::vector<SuggestedArea> areas;  // the plan's new areas, most captured first
    std::vector<SuggestedArea> greedy; // what the greedy choice would have taken
    AreaChoice choice;
    double total_weight = 0;       // of the period's incidents in the study area
    std::size_t candidates = 0;    // circles (centres in the study area) or polygons considered
    std::size_t blocked = 0;       // of those, too close to a planned area or zone
    std::size_t too_large = 0;     // hotspot polygons: over the cap even at the top 0.25%
    std::size_t below_minimum = 0; // candidates capturing less than the minimum per site
    std::vector<RankedCandidate> ranked; // the best candidates considered, best first (20)
    std::string method;           // how the circle candidates were made (every placement, lattice)
    std::size_t locations = 0;    // distinct incident locations (circles)
    std::size_t pairs = 0;        // pairs of them closer than the diameter
    bool pairs_estimated = false; // far too many to count: pairs is an estimate
    MonthSpan period{kNoMonth, kNoMonth}; // the months the areas were chosen on
    std::vector<std::string> notes;
};

// "optimal (proved): ..." or "not proved in the time limit: ... (gap 1.2%)", for the CLI, the
// Suggest tab and the plan's settings.
std::string proofText(const SuggestResult& r);

Result<SuggestResult> suggestAreas(const Session& session, const SuggestRequest& request,
                                   Progress* progress = nullptr);

} // namespace sw
