// Evaluating a plan. The hold-out check: areas chosen on months A..B, scored on months C..D:
// hit rate (share of the study area's incidents inside the areas), PAI (hit rate over the
// share of the study area they cover) and, with a training period, the recapture rate index
// (Levine's RRI: the areas' incidents in the test period over the training period, relative to
// the same ratio for the whole study area); per area, and for the plan as the union of its
// areas within the study area.
#pragma once

#include "core/target_area.hpp"
#include "session/area_statistics.hpp"

#include <optional>
#include <string>
#include <vector>

namespace sw {

struct AreaScore {
    std::string area_id, name;
    std::int64_t incidents = 0;
    double area_km2 = 0; // within the study area
    double hit_rate = 0;
    std::optional<double> pai;
    std::optional<std::int64_t> train_incidents;
    std::optional<double> rri;
};

struct PlanEvaluation {
    MonthSpan period;               // the test period
    std::optional<MonthSpan> train; // the training period, when given
    std::int64_t incidents = 0;     // in the study area in the test period
    std::optional<std::int64_t> train_incidents;
    double study_area_km2 = 0;
    std::vector<AreaScore> areas;
    AreaScore plan;
    // Some layer's sources lack data in the test (or training) period: the counts hold only the
    // sources with data (the notes name them), so hit rates and RRI are not like for like.
    bool partial = false;
    std::vector<std::string> notes;
};

struct EvaluateRequest {
    SelectionParams selection;      // the test period, layers and weights
    std::optional<MonthSpan> train; // the months the areas were chosen on
};

// Street weeks only (excluded zones are not scored).
Result<PlanEvaluation> evaluatePlan(const Session& session, const std::vector<TargetArea>& areas,
                                    const EvaluateRequest& request);

// The union of shapes (a plan's footprint), dissolved.
MultiPolygon unionOf(const std::vector<const MultiPolygon*>& shapes);

} // namespace sw
