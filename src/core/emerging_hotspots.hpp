// Emerging hot spots over months: Getis-Ord Gi* on each month's count grid, then each cell's
// series of hot months and a Mann-Kendall trend on its monthly Gi* z-scores give a pattern.
//
// This is streetweek's own classification. Its pattern names are taken from ArcGIS Pro's
// Emerging Hot Spot Analysis, but it is not that tool: it has 7 patterns where ArcGIS has 17
// (no sporadic, oscillating or historical, no cold-spot patterns), each with its own
// definition below (with the "recent window" of sfhotspot's hotspot_classify so that monthly
// data is read sensibly), on a Gi* computed for each month in space only (ArcGIS's space-time
// cube also takes neighbours from earlier time steps). Its results will differ from ArcGIS's:
//   new          hot in the final month, and every hot month lies in the recent window
//                (the last recent_share of the months, at least one); ArcGIS's "new" and
//                "consecutive" together;
//   intensifying hot in at least persistent_share of the months, including the final one,
//                with a significant upward Mann-Kendall trend in the z-scores;
//   diminishing  the same with a significant downward trend;
//   persistent   hot in at least persistent_share of the months, with no significant trend;
//   former       hot in at least min_share of the months, but in none of the recent window;
//   intermittent hot in at least min_share of the months, including the recent window, but
//                on and off (fewer than persistent_share of them);
//   none         otherwise (never, or too rarely hot to call a pattern).
// A month is "hot" for a cell when its Gi* is a hot spot at the chosen confidence after the
// Benjamini-Hochberg correction (Gi_Bin >= 2 for 95%). Cold-spot patterns are not classified.
#pragma once

#include "core/gistar.hpp"
#include "core/progress.hpp"
#include "core/result.hpp"

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace sw {

enum class EmergingPattern : std::uint8_t {
    None,
    New,
    Intensifying,
    Persistent,
    Diminishing,
    Intermittent,
    Former,
};
const char* patternName(EmergingPattern p);

// Mann-Kendall trend test with the tie correction of the variance.
struct MannKendall {
    double s = 0;   // sum over i < j of sign(x_j - x_i)
    double var = 0; // variance of S under no trend
    double z = 0;   // continuity-corrected standard score
    double p = 1;   // two-sided p-value
};
MannKendall mannKendall(std::span<const double> series);

struct EmergingParams {
    GiStarParams gi;               // cell size, distance, FDR per month
    int hot_bin = 2;               // Gi_Bin at or above which a month counts as hot (2: 95%)
    double persistent_share = 0.9; // ArcGIS's 90% of the time steps
    double recent_share = 0.2;     // the recent window: the last 20% of the months
    double min_share = 0.1;        // fewer hot months than this is no pattern (except new)
    double trend_alpha = 0.05;     // Mann-Kendall significance

    Status validate(std::size_t months) const;
};

// One cell's pattern from its hot months (in time order) and its z-score trend.
EmergingPattern classifySeries(const std::vector<bool>& hot, const MannKendall& trend,
                               const EmergingParams& params);

struct EmergingResult {
    Grid shape;                           // the count grid (values: incidents over all months)
    std::vector<std::uint8_t> in_study;   // cells analysed
    std::vector<EmergingPattern> pattern; // per cell (None outside the study area)
    std::vector<std::uint16_t> hot_months;
    std::vector<double> trend_z, trend_p;
    std::size_t months = 0, recent_months = 0;
    double cell_size_m = 0, distance_m = 0;
};

// Study-area cells per pattern, indexed by the pattern's value.
std::array<int, 7> patternCounts(const EmergingResult& result);

// per_month: the incidents of each month in order (empty months included). Cancellable
// between months through progress; returns an error when cancelled.
Result<EmergingResult> computeEmergingHotspots(const std::vector<WeightedPoints>& per_month,
                                               const Box& extent, const EmergingParams& params,
                                               const std::vector<std::uint8_t>& in_study,
                                               Progress* progress = nullptr);

} // namespace sw
