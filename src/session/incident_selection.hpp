// Which incidents an analysis uses: a month range, layers (union) with per-layer weights, and
// an optional per-incident weight column. Shared by kde, hotspots, Gi* and the map.
#pragma once

#include "core/incident_table.hpp"
#include "core/kde.hpp"
#include "core/layer_rules.hpp"
#include "core/result.hpp"

#include <string>
#include <vector>

namespace sw {

struct SelectionParams {
    MonthIndex from = kNoMonth, to = kNoMonth; // inclusive; kNoMonth = open
    std::vector<LayerRule> layers;             // empty: every incident
    std::vector<double> layer_weights;         // per layer (default 1); an incident in several
                                               // layers takes the largest weight
    std::string weight_column;                 // optional text column holding a number

    Status validate() const;
};

struct Selection {
    WeightedPoints points;
    std::vector<std::uint32_t> rows; // incident rows selected, in table order
    std::vector<std::string> notes;  // e.g. layers that matched nothing, bad weights
};

Result<Selection> selectIncidents(const IncidentTable& table, const SelectionParams& params);

} // namespace sw
