// The strategic assessment's figures for a period and layers, from the session's data: the
// headline totals per layer against the previous period of the same length and the same
// months a year earlier, the crime-type breakdown, the monthly counts behind the trend
// charts (a month without data stays a gap), and the wards in order of count and of rate.
// The board report prints them; the Wards panel draws the monthly ones for a ward.
#pragma once

#include "core/period_counts.hpp"
#include "core/ward_profile.hpp"
#include "session/incident_selection.hpp"

#include <optional>
#include <string>
#include <vector>

namespace sw {

struct HeadlineRow {
    std::string layer; // a layer's name, or "Any of the layers" / "All crimes"
    std::int64_t count = 0;
    std::optional<std::int64_t> previous, last_year; // nullopt: that period lacks data
    // Whether the layer's own sources cover the period: a layer with no data shows "no data",
    // a partial one is marked and the report says which source lacks which months.
    PeriodData data = PeriodData::Full;
};

struct BoardFigures {
    MonthSpan period, previous, last_year;
    bool has_previous = false, has_last_year = false;
    std::vector<HeadlineRow> headline; // per layer, then the total when there are several
    std::vector<CrimeTypeCount> crime_types;
    MonthlyCounts monthly;          // a year before the period to its end
    std::vector<MonthSpan> missing; // runs of the period's months without data
    std::vector<MonthSpan> missing_year_before;
    std::vector<std::string> coverage_notes;    // layers without data, or partial, and why
    WardProfile profile;                        // as `streetweek wards` gives it
    std::vector<std::size_t> by_count, by_rate; // indices into profile.rows, top first
    std::int64_t outside_wards = 0;
};

// Fails as selectIncidents does (a period with no data) or when no wards are loaded.
Result<BoardFigures> boardFigures(const Session& session, const SelectionParams& selection);

// Monthly counts of the layers for one ward (or kStudyArea) over the period and the year
// before it, for the Wards panel's chart.
MonthlyCounts wardMonthlyCounts(const Session& session, const SelectionParams& selection,
                                std::int32_t ward, MonthSpan* period);

// "+12", "-3", "0"; "+12.5%"; counts with thousands separators ("12,345").
std::string signedCount(std::int64_t v);
std::string percentChange(std::int64_t now, std::int64_t before); // "" when before is 0
std::string groupedCount(std::int64_t v);
// "Jul"; "Jul 2025"; "Jul 2025 to Dec 2025" (one month: "Jul 2025").
const char* monthAbbrev(MonthIndex m);
std::string monthLabel(MonthIndex m);
std::string spanLabel(const MonthSpan& span);

} // namespace sw
