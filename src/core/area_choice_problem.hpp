// The area choice's working form, shared by its search (area_choice.cpp) and its block bound
// (block_bound.cpp): candidates best first, their compatibility, and the clique cover.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <vector>

namespace sw::area_choice {

using Clock = std::chrono::steady_clock;

struct Problem {
    std::vector<double> x, y, v; // candidates sorted by value, best first
    // A clique cover: candidates of one group are never compatible with each other (all lie
    // within half the minimum distance of the group's best), so a choice holds at most one per
    // group and the groups' best values bound it: far tighter than the best values alone, which
    // may all be near-copies of one hotspot's circle. Empty without a centre distance.
    std::vector<std::uint64_t> cell;
    std::vector<std::size_t> original;
    double min_d2 = 0;
    std::size_t k = 1;
    const std::vector<std::vector<std::size_t>>* conflicts = nullptr; // by original index

    bool compatible(std::size_t a, std::size_t b) const {
        const double dx = x[a] - x[b], dy = y[a] - y[b];
        if (dx * dx + dy * dy < min_d2)
            return false;
        if (!conflicts || conflicts->empty())
            return true;
        const auto& c = (*conflicts)[original[a]];
        return !std::binary_search(c.begin(), c.end(), original[b]);
    }
    bool compatibleWithAll(std::size_t a, const std::vector<std::size_t>& set) const {
        for (std::size_t b : set)
            if (!compatible(a, b))
                return false;
        return true;
    }
};

// Groups of candidates (given best first) that are pairwise closer than `min_d`: each group is
// the candidates not yet grouped within min_d / 2 of the best one left.
std::vector<std::uint64_t> cliqueCover(const std::vector<double>& x, const std::vector<double>& y,
                                       double min_d);

} // namespace sw::area_choice
