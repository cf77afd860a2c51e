// The after-action check of a street week: incidents in the target area, in a buffer ring
// around it (default 250 m) and in the rest of the study area (the control), for the N months
// before the week's month and the N after (police.uk data is monthly: the week's own month, or
// both months of a week across a month's end, is left out, since its incidents cannot be
// placed before or after the week), the change in
// each, the weighted displacement difference and quotient (core/displacement; adapted forms:
// one control, scaled to each zone's before count, and a WDQ interval kept only over the draws
// in which the target fell), flagged as indicative when the counts are small. The control
// leaves out every other area of the plan (with its buffer) whose week falls within the months
// compared, so that another street week's effect does not leak into this one's comparison.
#pragma once

#include "core/displacement.hpp"
#include "core/month_coverage.hpp"
#include "core/result.hpp"
#include "core/target_area.hpp"
#include "session/incident_selection.hpp"
#include "session/session.hpp"

#include <string>
#include <vector>

namespace sw {

struct AfterActionRequest {
    SelectionParams selection; // layers (the period is set by the check)
    int months = 3;            // before and after (month-only sources)
    // Weeks before and after the street week, for sources dated by day (0: months for all):
    // their rows are compared over the weeks themselves; month-only sources keep `months`.
    int weeks = 0;
    double buffer_m = 250;
    int bootstrap_draws = 2000;
    std::uint64_t seed = 20260301;
    std::vector<TargetArea> plan_areas; // the plan's areas (this one among them or not)
};

struct AfterActionResult {
    MonthIndex week_month = kNoMonth, week_last_month = kNoMonth; // the months the week spans
    MonthSpan before, after;
    // With weeks: the days compared for dated sources, and which sources were read how.
    std::int32_t before_first_day = INT32_MIN, before_last_day = INT32_MIN;
    std::int32_t after_first_day = INT32_MIN, after_last_day = INT32_MIN;
    std::vector<std::string> by_days, by_months; // source names
    ZoneCounts counts;
    double target_km2 = 0, buffer_km2 = 0, control_km2 = 0; // in the study area
    // Other areas worked within the months compared, left out of the control with their
    // buffers, and the incidents there (not counted anywhere else).
    std::vector<std::string> left_out;
    double left_out_km2 = 0, left_out_before = 0, left_out_after = 0;
    WddResult wdd;
    WdqResult wdq;
    std::optional<Interval> wdq_interval;
    bool small_counts = false; // fewer than 20 incidents in the target or buffer in a period
    std::vector<std::string> notes;
};

inline constexpr double kSmallCount = 20;

Result<AfterActionResult> afterAction(const Session& session, const TargetArea& area,
                                      const AfterActionRequest& request);

// The check as the lines `streetweek after` prints and the map's Evaluate tab shows: the zone
// table, the WDD with its test, the WDQ with its reading and interval, the small-count flag.
std::vector<std::string> afterActionReport(const TargetArea& area, const AfterActionResult& r,
                                           double buffer_m);

} // namespace sw
