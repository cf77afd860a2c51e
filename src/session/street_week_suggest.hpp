// Suggest: K circles of a walkable radius for the next K street weeks, chosen to capture the
// most weighted incidents of the period in the study area, at least a minimum gap apart, clear
// of the areas already planned (and of excluded zones and areas visited within N months).
// Candidates are circles centred on a grid over the study area; their captured weight is a
// uniform-kernel density (the count within the radius); the choice is exact on that candidate
// set (core/area_choice) within a time limit.
#pragma once

#include "core/area_choice.hpp"
#include "core/target_area.hpp"
#include "session/area_statistics.hpp"
#include "session/incident_selection.hpp"

#include <string>
#include <vector>

namespace sw {

struct SuggestRequest {
    SelectionParams selection;       // period, layers and their weights
    std::size_t weeks = 4;           // how many areas
    double radius_m = 300;           // walkable in a week
    double min_gap_m = 0;            // between any two areas (and from the planned ones)
    double step_m = 0;               // candidate centres' spacing (0: a third of the radius)
    std::vector<TargetArea> planned; // already in the plan: new areas keep clear of them
    int revisit_months = 6;          // a done area older than this no longer blocks
    double time_limit_s = 1.0;       // for the exact search
};

struct SuggestedArea {
    TargetArea area;
    double captured = 0; // weighted incidents
    AreaStats stats;
};

struct SuggestResult {
    std::vector<SuggestedArea> areas;  // the plan's new areas, most captured first
    std::vector<SuggestedArea> greedy; // what the greedy choice would have taken
    AreaChoice choice;
    double total_weight = 0;    // of the period's incidents in the study area
    std::size_t candidates = 0; // circles considered (centres in the study area)
    std::size_t blocked = 0;    // of those, too close to a planned area or zone
    std::vector<std::string> notes;
};

Result<SuggestResult> suggestAreas(const Session& session, const SuggestRequest& request,
                                   Progress* progress = nullptr);

} // namespace sw
