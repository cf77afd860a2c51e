// Which incidents an analysis uses: those inside the study area (the union of the loaded wards;
// every incident when no wards are loaded), in a month range, in any of the layers with
// per-layer weights, and an optional per-incident weight column. Shared by kde, hotspots, Gi*,
// emerging and the map, so that incidents outside the district never enter a count, share,
// PAI, bandwidth rule, threshold, density surface or grid.
#pragma once

#include "core/calendar_date.hpp"
#include "core/harm_weights.hpp"
#include "core/incident_table.hpp"
#include "core/kde.hpp"
#include "core/layer_rules.hpp"
#include "core/result.hpp"
#include "session/session.hpp"

#include <string>
#include <vector>

namespace sw {

struct SelectionParams {
    MonthIndex from = kNoMonth, to = kNoMonth; // inclusive; kNoMonth = open
    // A period in days (--from 2025-03-03): rows with a day (dated sources) are selected by it,
    // rows with a month only by the months it touches (from/to above, set to those months).
    DayNumber from_day = kNoDay, to_day = kNoDay;
    std::vector<LayerRule> layers;     // empty: every incident
    std::vector<double> layer_weights; // per layer (default 1); an incident in several
                                       // layers takes the largest weight
    std::string weight_column;         // optional text column holding a number
    HarmWeights harm;                  // crime type -> weight (empty: none); multiplies the
                                       // layer weight and the weight column

    Status validate() const;
};

struct Selection {
    WeightedPoints points;
    std::vector<std::uint32_t> rows;    // incident rows selected, in table order
    std::size_t outside_study_area = 0; // in the period and layers, but outside the wards
    std::vector<std::string> notes;     // e.g. layers that matched nothing, months without data
};

// The period is checked against the months with data: an error naming the months the data
// covers when none of it has data; a note for each run of months in it without data.
Result<Selection> selectIncidents(const Session& session, const SelectionParams& params);

} // namespace sw
