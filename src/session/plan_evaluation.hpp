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
    // PEI* (Hunt 2016): its incidents over the most that as many areas of the same size and
    // spacing could have captured in the test months (the planner's exact choice); with
    // pei_star_low when that choice was not proved (the bound gives the lower figure).
    std::optional<double> pei_star, pei_star_low;
    std::optional<double> best_possible; // the denominator
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
    // Scored on months the areas were chosen on (only when asked for): not a hold-out.
    bool in_sample = false;
    std::string period_reason; // how the test months were found ("the months after ...")
    std::string pei_basis;     // how PEI*'s best areas were made (circles of r m, K, the gap)
    std::vector<std::string> notes;
};

// The test months: those of the selection when `test_given`; otherwise the months after the
// ones the areas were chosen on that the data holds. A test period that overlaps the months
// chosen on is refused unless `in_sample`, and then the evaluation says so.
struct EvaluateRequest {
    SelectionParams selection;      // layers and weights; the test period when test_given
    bool test_given = false;        // the user chose the test months
    std::optional<MonthSpan> train; // the months the areas were chosen on
    bool in_sample = false;         // allow test months the areas were chosen on
    double min_gap_m = 0;           // the plan's spacing, for PEI*'s best areas
    bool pei_star = true;           // compute PEI* (a planner run per area size)
    bool pei_star_areas = true;     // and each area's (not only the plan's)
};

// Street weeks only (excluded zones are not scored).
Result<PlanEvaluation> evaluatePlan(const Session& session, const std::vector<TargetArea>& areas,
                                    const EvaluateRequest& request);

// The union of shapes (a plan's footprint), dissolved.
MultiPolygon unionOf(const std::vector<const MultiPolygon*>& shapes);

} // namespace sw
