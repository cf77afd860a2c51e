// Getis-Ord Gi* on a grid of incident counts with binary distance weights (a cell's
// neighbours are the cells whose centres lie within the distance, itself included), two-sided
// p-values, and ArcGIS-style Gi_Bin classes (+-3 / +-2 / +-1 for 99 / 95 / 90% confidence)
// with an optional Benjamini-Hochberg false discovery rate correction.
#pragma once

#include "core/kde.hpp"
#include "core/result.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

namespace sw {

struct GiStarParams {
    double cell_size_m = 0; // 0: the study area's suggested cell size (shorter side / 150)
    double distance_m = 0;  // 0: 2.5 cells (21 cells in each neighbourhood)
    bool fdr = true;        // Benjamini-Hochberg correction per confidence level
    std::optional<Box> extent;
    std::uint64_t max_cells = 50'000'000;

    Status validate(const Box& extent) const;
};

struct GiStarResult {
    Grid counts;                        // incidents per cell (weights summed)
    std::vector<std::uint8_t> in_study; // cells analysed (n of them)
    std::vector<double> z;              // Gi* z-score (0 outside the study area)
    std::vector<double> p;              // two-sided p-value (1 outside)
    std::vector<std::int8_t> bin;       // Gi_Bin -3..3
    std::size_t n = 0;                  // cells in the study area
    double cell_size_m = 0, distance_m = 0;
    std::size_t neighbours = 0; // cells in a full neighbourhood, itself included
};

// Study-area cells per Gi_Bin: counts[bin + 3] for bin -3..3.
std::array<int, 7> giBinCounts(const GiStarResult& result);

// in_study: cells to analyse (empty = all). Points outside the grid are ignored.
Result<GiStarResult> computeGiStar(const WeightedPoints& points, const Box& extent,
                                   const GiStarParams& params,
                                   const std::vector<std::uint8_t>& in_study);

// Two-sided p-value of a standard normal z.
double twoSidedP(double z);

// Benjamini-Hochberg on standard scores: the smallest |z| that is significant at false
// discovery rate alpha (infinity when none is); a test with |z| >= this cut-off is significant.
// The step-up rule runs on the tests ranked by |z| (the same order as p ascending) and returns
// a z, never a p-value, so tests whose p underflows to 0 (|z| above about 38) rank first and
// stay significant instead of collapsing the cut-off to 0.
double benjaminiHochbergZCutoff(std::vector<double> abs_z, double alpha);

} // namespace sw
