// Counts of the study area's incidents for a board's tables and charts: per layer and month
// (the trend lines and the headline totals of a period, the previous period and the same
// months a year earlier) and per crime type. A month with no rows in the data is "no data",
// never a zero: its counts are empty and a total over it is not given.
#pragma once

#include "core/incident_source.hpp"
#include "core/incident_table.hpp"
#include "core/layer_rules.hpp"
#include "core/month_coverage.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sw {

// Which incidents are counted: those in any ward (the study area), or in one ward.
constexpr std::int32_t kStudyArea = -2;

struct MonthlyCounts {
    MonthSpan span;                 // the months counted
    std::vector<std::string> names; // one series per layer; "All crimes" when there are none
    std::vector<std::vector<std::int64_t>> counts; // [series][month - span.first]
    std::vector<std::uint8_t> has_data;            // per month: the load has data for it
    // [series][month]: whether the series' own sources cover the month (kNoData, kPartial:
    // only some of them, kFullData). A month its sources do not cover is no data for it.
    std::vector<std::vector<std::uint8_t>> series_data;
    static constexpr std::uint8_t kNoData = 0, kPartial = 1, kFullData = 2;

    // The series' count in a month; nullopt outside the span or in a month without its data.
    std::optional<std::int64_t> at(std::size_t series, MonthIndex month) const;
    // The series' total over a run of months; nullopt unless every month has data.
    std::optional<std::int64_t> total(std::size_t series, const MonthSpan& months) const;
    // Some of the series' sources do not cover this month: its count is short.
    bool partial(std::size_t series, MonthIndex month) const;
};

// Counts per layer (an incident in several layers counts in each) and month over `span`.
// Layers empty: one series of every crime. ward: kStudyArea or a ward index. coverage: the
// load's months (has_data); each series' own months are asked of its rows' sources.
MonthlyCounts countByMonth(const IncidentTable& table, const std::vector<LayerRule>& layers,
                           const MonthSpan& span, const MonthCoverage& coverage,
                           std::int32_t ward = kStudyArea);

struct CrimeTypeCount {
    std::string type;
    std::int64_t count = 0;
    std::optional<std::int64_t> previous, last_year; // nullopt: that period lacks data
};

// Incidents in any of the layers (every crime when none), in the study area, per crime type
// in `period`, with the previous period of the same length and the same months a year
// earlier (when the data covers them and the period itself); sorted by count, most first, then by
// name. Types with no incident in any of the three periods are left out.
std::vector<CrimeTypeCount> countByCrimeType(const IncidentTable& table,
                                             const std::vector<LayerRule>& layers,
                                             const MonthSpan& period,
                                             const MonthCoverage& coverage);

// The Wards panel's chart for any ward without a pass over the incidents: monthly counts per
// layer over `span` for the study area and every ward at once, and each one's crime types in
// `period` (incidents in any of the layers).
struct WardCharts {
    MonthSpan span, period;
    std::vector<std::string> names; // series, as MonthlyCounts
    std::vector<std::uint8_t> has_data;
    std::vector<std::vector<std::uint8_t>> series_data; // as MonthlyCounts
    std::size_t wards = 0;
    std::vector<std::string> types;         // crime types (the table's values)
    std::vector<std::int64_t> month_counts; // [slot][series][month], slot 0: the study area
    std::vector<std::int64_t> type_counts;  // [slot][type] in the period

    // kStudyArea or a ward index (an index past the wards gives empty series).
    MonthlyCounts monthly(std::int32_t ward) const;
    // Most first, then by name; types without an incident are left out (no comparisons).
    std::vector<CrimeTypeCount> crimeTypes(std::int32_t ward) const;
};
WardCharts countForWardCharts(const IncidentTable& table, const std::vector<LayerRule>& layers,
                              const MonthSpan& span, const MonthSpan& period,
                              const MonthCoverage& coverage, std::size_t ward_count);

// The previous period of the same length and the same months a year earlier.
MonthSpan previousPeriod(const MonthSpan& period);
MonthSpan yearEarlier(const MonthSpan& period);

} // namespace sw
