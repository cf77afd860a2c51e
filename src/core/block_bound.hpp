// The block bound of the area choice (core/area_choice.hpp) where the centre distance alone
// decides compatibility.
#pragma once

#include "core/area_choice_problem.hpp"
#include "core/progress.hpp"

#include <cstdint>
#include <limits>
#include <map>
#include <vector>

namespace sw::area_choice {

// The block bound (the centre distance alone decides compatibility). The candidates are covered
// by groups (each within half the minimum distance of its best member, so a choice holds at most
// one per group), best first. A choice's value is at most, for any split of its groups into
// blocks, the sum over the blocks of the best one-per-group compatible pick from that block's
// groups alone. Every set of up to k groups is visited in the order of their best values, each
// split greedily into blocks of up to `max_block` nearby groups (a block's best found exactly and
// kept), and a set is left once even its best values cannot lift it above the most found: the
// most over all sets bounds every choice. A set whose blocks' picks fit together is a choice.
class BlockBound {
  public:
    BlockBound(const Problem& pr, Clock::time_point end, Progress* progress);

    // False when stopped (time or cancel). `bound` (at least best_v) holds for every choice
    // either way: when stopped, the sets not visited are bounded by their best values. A choice
    // found above best_v replaces best / best_v.
    bool run(std::size_t max_block, double& bound, double& best_v, std::vector<std::size_t>& best);
    std::uint64_t steps() const { return steps_; }

  private:
    struct Known {
        double upper = std::numeric_limits<double>::infinity();
        bool exact = false;
        std::vector<std::size_t> picks;
    };

    double head(std::size_t g) const { return pr_.v[members_[g][0]]; }
    // Some member of g may be incompatible with some member of h.
    bool near(std::size_t g, std::size_t h) const;
    bool tick();
    bool fits(std::size_t a, const std::vector<std::size_t>& picked) const;

    // The best pick of one member per group of gs above `floor` (depth first, the group with the
    // fewest fitting members next, bounded by each group's best fitting member); floor when none.
    // `from`: per group, where its members that may fit begin (those before fit no pick above).
    void pickBest(const std::vector<std::size_t>& gs, std::vector<char>& done,
                  std::vector<std::size_t>& picked, const std::vector<std::size_t>& from,
                  std::size_t left, double value, double& best,
                  std::vector<std::size_t>& best_picks);
    double search(const std::vector<std::size_t>& gs, double floor,
                  std::vector<std::size_t>& picks);
    // The block's best (exact; -inf when its groups never fit together).
    const Known& exact(std::vector<std::size_t> gs);
    // Whether the block's best is at most t (when not, the block's best is found and kept).
    bool atMost(std::vector<std::size_t> gs, double t);
    // The set's blocks' picks, when they fit together: a choice worth the set's bound.
    void tryChoice(double value);
    void descend(std::size_t from, double value);
    void stopAt(double optimistic) { unexplored_ = std::max(unexplored_, optimistic); }
    bool nearAny(std::size_t g, const std::vector<std::size_t>& block) const;

    const Problem& pr_;
    Clock::time_point end_;
    Progress* progress_;
    std::vector<std::vector<std::size_t>> members_; // per group, best first
    std::vector<double> reach_;                     // farthest member from the group's best
    std::map<std::vector<std::size_t>, Known> known_;
    std::size_t max_block_ = 2;
    double* best_v_ = nullptr;
    std::vector<std::size_t>* best_ = nullptr;
    double top_ = 0;
    double unexplored_ = 0; // when stopped: the most a set not visited could be worth
    std::vector<std::size_t> set_;
    std::vector<std::vector<std::size_t>> blocks_;
    std::vector<double> block_v_;
    std::uint64_t steps_ = 0;
    bool stopped_ = false;
};

} // namespace sw::area_choice
