// Choosing K street-week areas from candidates to capture the most weighted incidents: a
// weighted maximum-coverage problem. Candidates that are allowed together never overlap (their
// centres are at least `min_centre_distance` apart and no conflict is listed between them), so the
// captured weight is the sum of the chosen candidates' values and the problem is a maximum-weight
// choice of K mutually compatible candidates. Solved exactly by branch and bound (incumbent from
// greedy plus local search, bound from the best compatible values left), under a time limit.
#pragma once

#include "core/progress.hpp"

#include <cstdint>
#include <vector>

namespace sw {

struct AreaCandidate {
    double x = 0, y = 0; // centre, working CRS metres
    double value = 0;    // weighted incidents it captures
};

struct AreaChoiceParams {
    std::size_t k = 1;
    double min_centre_distance = 0; // compatible when the centres are at least this far apart
    double time_limit_s = 1.0;      // branch and bound stops here with the best found
    // Pairs that are not compatible whatever their centres (polygons that overlap or lie within
    // the gap): per candidate, the sorted indices of those it conflicts with, both ways round.
    // Empty: the centre distance alone decides.
    std::vector<std::vector<std::size_t>> conflicts = {};
};

struct AreaChoice {
    std::vector<std::size_t> chosen; // candidate indices, best value first
    double value = 0;                // their total
    std::vector<std::size_t> greedy; // best first, then the best that keeps the gap
    double greedy_value = 0;
    double upper_bound = 0;          // no choice of K compatible candidates captures more
    bool proved_optimal = false;     // the search finished: value is the optimum
    std::uint64_t nodes = 0;         // branch-and-bound nodes visited
    std::size_t kept_candidates = 0; // after removing those that cannot be in a better choice
};

// The greedy choice alone (what most tools do).
AreaChoice greedyAreaChoice(const std::vector<AreaCandidate>& candidates,
                            const AreaChoiceParams& params);

// The best choice found (at least the greedy one), proved optimal when the search finishes in
// the time limit; cancellable through progress.
AreaChoice chooseAreas(const std::vector<AreaCandidate>& candidates, const AreaChoiceParams& params,
                       Progress* progress = nullptr);

} // namespace sw
