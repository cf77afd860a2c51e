// Ward profile: counts per ward and layer for a period, rate per 1,000 residents, rank, and
// change against the previous period of the same length and the same period last year.
#pragma once

#include "core/incident_source.hpp"
#include "core/incident_table.hpp"
#include "core/layer_rules.hpp"
#include "core/month_coverage.hpp"
#include "core/result.hpp"
#include "core/wards.hpp"

#include <optional>
#include <vector>

namespace sw {

struct ProfileParams {
    MonthIndex from = kNoMonth; // first month of the period (default: first month in the data)
    MonthIndex to = kNoMonth;   // last month, inclusive (default: last month in the data)
    // Layers counted; `count` is incidents in any of them. Empty: every incident.
    std::vector<LayerRule> layers;

    Status validate() const;
};

// Whether a count has data: every source of its layer covers the period, some do (the count
// is short of what the others would add), or none does (no data: not zero).
enum class PeriodData : std::uint8_t { Full, Partial, None };

struct WardRow {
    std::size_t ward = 0; // index into the ward set
    std::string code, name;
    std::int64_t count = 0;
    std::vector<std::int64_t> layer_counts; // one per layer, in ProfileParams order
    std::optional<double> population;
    std::optional<double> rate_per_1000;
    int rank = 0;                           // 1 = highest count; ties share a rank
    std::optional<std::int64_t> prev_count; // previous period of the same length
    std::optional<std::int64_t> change;
    std::optional<double> change_pct;
    std::optional<std::int64_t> last_year_count; // same months a year earlier
    std::optional<std::int64_t> last_year_change;
};

struct WardProfile {
    MonthIndex from = kNoMonth, to = kNoMonth;
    MonthIndex prev_from = kNoMonth, prev_to = kNoMonth;
    bool prev_covered = false;      // the data covers the whole previous period
    bool last_year_covered = false; // the data covers the same period last year
    std::vector<std::string> layer_keys, layer_names;
    // Per layer (and for `count`, the layers together): whether the period has its data. A
    // layer with no data has every ward's count 0 here and is written blank (NULL) everywhere.
    std::vector<PeriodData> layer_data;
    PeriodData count_data = PeriodData::Full;
    std::vector<WardRow> rows;        // sorted by rank, then name
    std::int64_t total_in_period = 0; // incidents in the period (and layers), any ward or none
    std::int64_t outside_wards = 0;   // of those, in no ward
    std::vector<std::string> notes;   // e.g. layers that matched nothing
};

// population: per ward index, residents (nullopt where unknown); may be empty. months: the
// load's months with data, for an open period end (null: the months of the table's crime
// rows). Whether each count has data, and whether the previous period and last year can be
// compared, is asked of the sources of the rows counted (coverageOf).
Result<WardProfile> computeWardProfile(const IncidentTable& incidents, const WardSet& wards,
                                       const ProfileParams& params,
                                       const std::vector<std::optional<double>>& population,
                                       const MonthCoverage* coverage = nullptr);

} // namespace sw
