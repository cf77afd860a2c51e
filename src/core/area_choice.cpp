// Greedy, local search and branch and bound for the street-week area choice.
#include "core/area_choice.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>
#include <unordered_map>

namespace sw {
namespace {

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
                                       double min_d) {
    const double half = min_d / 2 * (1 - 1e-9), cell = half;
    const double x0 = *std::min_element(x.begin(), x.end());
    const double y0 = *std::min_element(y.begin(), y.end());
    const auto key = [&](std::int64_t cx, std::int64_t cy) {
        return (static_cast<std::uint64_t>(cx) << 32) ^
               (static_cast<std::uint64_t>(cy) & 0xffffffffull);
    };
    std::unordered_map<std::uint64_t, std::vector<std::size_t>> grid;
    for (std::size_t i = 0; i < x.size(); ++i)
        grid[key(static_cast<std::int64_t>((x[i] - x0) / cell),
                 static_cast<std::int64_t>((y[i] - y0) / cell))]
            .push_back(i);
    std::vector<std::uint64_t> group(x.size(), UINT64_MAX);
    std::uint64_t next = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        if (group[i] != UINT64_MAX)
            continue;
        const std::uint64_t g = next++;
        group[i] = g;
        const auto cx = static_cast<std::int64_t>((x[i] - x0) / cell);
        const auto cy = static_cast<std::int64_t>((y[i] - y0) / cell);
        for (std::int64_t dy = -1; dy <= 1; ++dy)
            for (std::int64_t dx = -1; dx <= 1; ++dx) {
                const auto it = grid.find(key(cx + dx, cy + dy));
                if (it == grid.end())
                    continue;
                for (std::size_t j : it->second) {
                    const double ex = x[j] - x[i], ey = y[j] - y[i];
                    if (group[j] == UINT64_MAX && ex * ex + ey * ey < half * half)
                        group[j] = g;
                }
            }
    }
    return group;
}

// Dominance by exchange (the centre distance alone decides compatibility). Walk the candidates
// best first, collecting a set T of pairwise compatible ones. Once T holds 5(k-1)+1, every later
// candidate c can be swapped out of any choice S for a member of T: a candidate of S\{c} is
// incompatible with at most 5 pairwise compatible ones (they lie closer than the distance to it,
// so more than 60 degrees apart around it), itself included, so some member of T is compatible
// with all of S\{c}, is not in it, and captures at least what c does. So some optimal choice uses
// only the candidates up to there: the rest are dropped.
void keepSeparatedPrefix(Problem& pr) {
    const std::size_t need = 5 * (pr.k - 1) + 1;
    std::vector<std::size_t> t;
    for (std::size_t i = 0; i < pr.v.size(); ++i) {
        if (!pr.compatibleWithAll(i, t))
            continue;
        t.push_back(i);
        if (t.size() == need) {
            const std::size_t keep = i + 1;
            pr.x.resize(keep);
            pr.y.resize(keep);
            pr.v.resize(keep);
            pr.original.resize(keep);
            return;
        }
    }
}

Problem makeProblem(const std::vector<AreaCandidate>& c, const AreaChoiceParams& p) {
    Problem pr;
    pr.original.resize(c.size());
    std::iota(pr.original.begin(), pr.original.end(), std::size_t{0});
    std::stable_sort(pr.original.begin(), pr.original.end(),
                     [&](std::size_t a, std::size_t b) { return c[a].value > c[b].value; });
    // Candidates that capture nothing never help.
    while (!pr.original.empty() && !(c[pr.original.back()].value > 0))
        pr.original.pop_back();
    for (std::size_t i : pr.original) {
        pr.x.push_back(c[i].x);
        pr.y.push_back(c[i].y);
        pr.v.push_back(c[i].value);
    }
    pr.min_d2 = p.min_centre_distance * p.min_centre_distance;
    pr.k = p.k;
    if (p.conflicts.empty() && p.min_centre_distance > 0 && p.k > 0)
        keepSeparatedPrefix(pr);
    if (p.min_centre_distance > 0 && !pr.x.empty())
        pr.cell = cliqueCover(pr.x, pr.y, p.min_centre_distance);
    if (!p.conflicts.empty())
        pr.conflicts = &p.conflicts;
    return pr;
}

// The sum of the `need` best values of positions list[t..] (best first), at most one per cell.
double cellBound(const Problem& pr, const std::vector<std::size_t>& list, std::size_t t,
                 std::size_t need, std::size_t exclude_cell_of = SIZE_MAX) {
    double s = 0;
    std::uint64_t used[64];
    std::size_t n_used = 0;
    const bool cells = !pr.cell.empty();
    for (std::size_t i = t; i < list.size() && need > 0; ++i) {
        const std::size_t c = list[i];
        if (cells) {
            const std::uint64_t id = pr.cell[c];
            if (exclude_cell_of != SIZE_MAX && id == pr.cell[exclude_cell_of])
                continue;
            bool seen = false;
            for (std::size_t u = 0; u < n_used && !seen; ++u)
                seen = used[u] == id;
            if (seen)
                continue;
            if (n_used < 64)
                used[n_used++] = id;
        }
        s += pr.v[c];
        --need;
    }
    return s;
}

// Best first; then the best compatible with those taken; from `seed` (already taken).
std::vector<std::size_t> greedyFill(const Problem& pr, std::vector<std::size_t> seed,
                                    std::size_t skip = SIZE_MAX) {
    for (std::size_t i = 0; i < pr.v.size() && seed.size() < pr.k; ++i)
        if (i != skip && std::find(seed.begin(), seed.end(), i) == seed.end() &&
            pr.compatibleWithAll(i, seed))
            seed.push_back(i);
    return seed;
}

double total(const Problem& pr, const std::vector<std::size_t>& set) {
    double s = 0;
    for (std::size_t i : set)
        s += pr.v[i];
    return s;
}

// Drop one area and refill greedily (without it); keep any improvement; until none.
std::vector<std::size_t> localSearch(const Problem& pr, std::vector<std::size_t> best) {
    double best_v = total(pr, best);
    for (bool improved = true; improved;) {
        improved = false;
        for (std::size_t drop = 0; drop < best.size() && !improved; ++drop) {
            std::vector<std::size_t> seed = best;
            const std::size_t removed = seed[drop];
            seed.erase(seed.begin() + static_cast<std::ptrdiff_t>(drop));
            // Refill greedily without the removed one.
            const auto filled = greedyFill(pr, seed, removed);
            if (const double v = total(pr, filled); v > best_v + 1e-9) {
                best = filled;
                best_v = v;
                improved = true;
            }
        }
    }
    return best;
}

class Search {
  public:
    Search(const Problem& pr, double incumbent, std::vector<std::size_t> best,
           Clock::time_point end, Progress* progress)
        : pr_(pr), best_v_(incumbent), best_(std::move(best)), end_(end), progress_(progress) {}

    // Returns true when it finished (the incumbent is optimal); otherwise `bound` is a valid
    // upper bound on every choice it did not rule out.
    bool run(double& bound) {
        std::vector<std::size_t> all(pr_.v.size());
        std::iota(all.begin(), all.end(), std::size_t{0});
        std::vector<std::size_t> chosen;
        bound = best_v_;
        // Top level by hand, so a stop leaves a bound: every choice whose first (best) area
        // comes at or after position t is bounded by the best k values from t.
        for (std::size_t t = 0; t < all.size(); ++t) {
            const double b = boundFrom(all, t, pr_.k);
            if (b <= best_v_ + 1e-9)
                return true;
            if (stopped_) {
                bound = std::max(best_v_, b);
                return false;
            }
            chosen.assign(1, all[t]);
            descend(childList(all, t), chosen, pr_.v[all[t]]);
            if (stopped_) {
                bound = std::max(best_v_, b);
                return false;
            }
        }
        return true;
    }
    const std::vector<std::size_t>& best() const { return best_; }
    double bestValue() const { return best_v_; }
    std::uint64_t nodes() const { return nodes_; }

  private:
    // The `need` best values in list[t..], one per cell.
    double boundFrom(const std::vector<std::size_t>& list, std::size_t t, std::size_t need) const {
        return cellBound(pr_, list, t, need);
    }
    // Candidates after position t compatible with list[t].
    std::vector<std::size_t> childList(const std::vector<std::size_t>& list, std::size_t t) const {
        std::vector<std::size_t> out;
        for (std::size_t i = t + 1; i < list.size(); ++i)
            if (pr_.compatible(list[t], list[i]))
                out.push_back(list[i]);
        return out;
    }
    void descend(const std::vector<std::size_t>& list, std::vector<std::size_t>& chosen,
                 double value) {
        ++nodes_;
        if ((nodes_ & 1023) == 0 && (Clock::now() > end_ || (progress_ && progress_->cancelled())))
            stopped_ = true;
        if (stopped_)
            return;
        if (value > best_v_ + 1e-9) {
            best_v_ = value;
            best_ = chosen;
        }
        const std::size_t need = pr_.k - chosen.size();
        if (need == 0)
            return;
        for (std::size_t t = 0; t < list.size(); ++t) {
            if (value + boundFrom(list, t, need) <= best_v_ + 1e-9)
                return; // later positions only bound lower
            chosen.push_back(list[t]);
            if (need == 1) {
                ++nodes_;
                if (value + pr_.v[list[t]] > best_v_ + 1e-9) {
                    best_v_ = value + pr_.v[list[t]];
                    best_ = chosen;
                }
            } else {
                descend(childList(list, t), chosen, value + pr_.v[list[t]]);
            }
            chosen.pop_back();
            if (stopped_)
                return;
        }
    }

    const Problem& pr_;
    double best_v_;
    std::vector<std::size_t> best_;
    Clock::time_point end_;
    Progress* progress_;
    std::uint64_t nodes_ = 0;
    bool stopped_ = false;
};

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
    BlockBound(const Problem& pr, Clock::time_point end, Progress* progress)
        : pr_(pr), end_(end), progress_(progress) {
        const auto group = cliqueCover(pr.x, pr.y, std::sqrt(pr.min_d2));
        for (std::size_t i = 0; i < group.size(); ++i) {
            if (group[i] >= members_.size())
                members_.resize(group[i] + 1);
            members_[group[i]].push_back(i);
        }
        for (const auto& m : members_) {
            double reach = 0;
            for (std::size_t i : m)
                reach = std::max(reach, std::hypot(pr.x[i] - pr.x[m[0]], pr.y[i] - pr.y[m[0]]));
            reach_.push_back(reach);
        }
    }

    // False when stopped (time or cancel). `bound` (at least best_v) holds for every choice
    // either way: when stopped, the sets not visited are bounded by their best values. A choice
    // found above best_v replaces best / best_v.
    bool run(std::size_t max_block, double& bound, double& best_v, std::vector<std::size_t>& best) {
        max_block_ = max_block;
        best_v_ = &best_v;
        best_ = &best;
        top_ = best_v;
        set_.clear();
        blocks_.clear();
        block_v_.clear();
        unexplored_ = 0;
        descend(0, 0.0);
        bound = std::max(top_, unexplored_); // holds even when stopped
        return !stopped_;
    }
    std::uint64_t steps() const { return steps_; }

  private:
    struct Known {
        double upper = std::numeric_limits<double>::infinity();
        bool exact = false;
        std::vector<std::size_t> picks;
    };

    double head(std::size_t g) const { return pr_.v[members_[g][0]]; }
    // Some member of g may be incompatible with some member of h.
    bool near(std::size_t g, std::size_t h) const {
        const std::size_t a = members_[g][0], b = members_[h][0];
        const double reach = reach_[g] + reach_[h] + std::sqrt(pr_.min_d2);
        const double dx = pr_.x[a] - pr_.x[b], dy = pr_.y[a] - pr_.y[b];
        return dx * dx + dy * dy < reach * reach;
    }
    bool tick() {
        if ((++steps_ & 4095) == 0 &&
            (Clock::now() > end_ || (progress_ && progress_->cancelled())))
            stopped_ = true;
        return stopped_;
    }
    bool fits(std::size_t a, const std::vector<std::size_t>& picked) const {
        return pr_.compatibleWithAll(a, picked);
    }

    // The best pick of one member per group of gs above `floor` (depth first, the group with the
    // fewest fitting members next, bounded by each group's best fitting member); floor when none.
    // `from`: per group, where its members that may fit begin (those before fit no pick above).
    void pickBest(const std::vector<std::size_t>& gs, std::vector<char>& done,
                  std::vector<std::size_t>& picked, const std::vector<std::size_t>& from,
                  std::size_t left, double value, double& best,
                  std::vector<std::size_t>& best_picks) {
        if (stopped_)
            return;
        if (left == 0) {
            if (value > best) {
                best = value;
                best_picks = picked;
            }
            return;
        }
        double bound = value, next_best = 0;
        std::size_t next = SIZE_MAX, fewest = SIZE_MAX;
        std::vector<std::size_t> first(from);
        for (std::size_t j = 0; j < gs.size(); ++j) {
            if (done[j])
                continue;
            const auto& m = members_[gs[j]];
            std::size_t found = SIZE_MAX, count = 0;
            for (std::size_t t = from[j]; t < m.size() && count <= 2; ++t) {
                if (tick())
                    return;
                if (fits(m[t], picked)) {
                    if (found == SIZE_MAX)
                        found = t;
                    ++count;
                }
            }
            if (found == SIZE_MAX)
                return; // nothing of this group fits with the picks
            first[j] = found;
            bound += pr_.v[m[found]];
            // Next: the group with fewest members that fit (then the shortest list left).
            const std::size_t rank = count * (std::size_t{1} << 32) + (m.size() - found);
            if (rank < fewest) {
                fewest = rank;
                next = j;
                next_best = pr_.v[m[found]];
            }
        }
        if (bound <= best)
            return;
        // A block of the groups left, already bounded on its own, bounds them here too.
        if (left >= 2 && left < gs.size()) {
            std::vector<std::size_t> rest;
            for (std::size_t j = 0; j < gs.size(); ++j)
                if (!done[j])
                    rest.push_back(gs[j]);
            std::sort(rest.begin(), rest.end());
            // (Only to leave the node: the members' loop below needs the sum per group.)
            if (const auto it = known_.find(rest);
                it != known_.end() && value + it->second.upper <= best)
                return;
        }
        done[next] = 1;
        const auto& m = members_[gs[next]];
        for (std::size_t t = first[next]; t < m.size(); ++t) {
            const std::size_t a = m[t];
            if (bound - next_best + pr_.v[a] <= best || tick())
                break; // members come best first: the rest do no better
            if (!fits(a, picked))
                continue;
            picked.push_back(a);
            pickBest(gs, done, picked, first, left - 1, value + pr_.v[a], best, best_picks);
            picked.pop_back();
        }
        done[next] = 0;
    }
    double search(const std::vector<std::size_t>& gs, double floor,
                  std::vector<std::size_t>& picks) {
        std::vector<char> done(gs.size(), 0);
        std::vector<std::size_t> picked;
        double best = floor;
        pickBest(gs, done, picked, std::vector<std::size_t>(gs.size(), 0), gs.size(), 0.0, best,
                 picks);
        return best;
    }
    // The block's best (exact; -inf when its groups never fit together).
    const Known& exact(std::vector<std::size_t> gs) {
        std::sort(gs.begin(), gs.end());
        Known& k = known_[gs];
        if (!k.exact && !stopped_) {
            k.picks.clear();
            const double v = search(gs, -std::numeric_limits<double>::infinity(), k.picks);
            if (!stopped_) {
                k.upper = v;
                k.exact = true;
            }
        }
        return k;
    }
    // Whether the block's best is at most t (when not, the block's best is found and kept).
    bool atMost(std::vector<std::size_t> gs, double t) {
        std::sort(gs.begin(), gs.end());
        Known& k = known_[gs];
        if (k.upper <= t)
            return true;
        if (k.exact)
            return false;
        std::vector<std::size_t> picks;
        const double v = search(gs, t, picks);
        if (stopped_)
            return false;
        if (v <= t) {
            k.upper = t;
            return true;
        }
        // The search went on above t to the block's best: that is its exact value.
        k.upper = v;
        k.exact = true;
        k.picks = std::move(picks);
        return false;
    }
    // The set's blocks' picks, when they fit together: a choice worth the set's bound.
    void tryChoice(double value) {
        if (value <= *best_v_ + 1e-9)
            return;
        std::vector<std::size_t> all;
        for (std::size_t b = 0; b < blocks_.size(); ++b) {
            std::vector<std::size_t> picks;
            if (blocks_[b].size() == 1) {
                picks = {members_[blocks_[b][0]][0]};
            } else {
                std::vector<std::size_t> gs = blocks_[b];
                std::sort(gs.begin(), gs.end());
                const auto it = known_.find(gs);
                if (it == known_.end() || !it->second.exact)
                    return;
                picks = it->second.picks;
            }
            for (std::size_t a : picks) {
                if (!fits(a, all))
                    return;
                all.push_back(a);
            }
        }
        *best_v_ = value;
        *best_ = all;
    }
    void descend(std::size_t from, double value) {
        if (stopped_)
            return;
        if (value > top_ + 1e-9) {
            tryChoice(value);
            top_ = value;
        }
        const std::size_t need = pr_.k - set_.size();
        if (need == 0)
            return;
        const std::size_t groups = members_.size();
        for (std::size_t g = from; g < groups; ++g) {
            double rest = 0; // the best the groups after g could add
            for (std::size_t j = g + 1; j < groups && j < g + need; ++j)
                rest += head(j);
            if (value + head(g) + rest <= top_ + 1e-9)
                return; // later groups only bound lower
            // A stop leaves g's sets and the later ones (no higher) bounded by this.
            const double optimistic = value + head(g) + rest;
            // Pruned when some block with g cannot lift the set above the most found.
            const double room = top_ + 1e-9 - value - rest;
            bool pruned = false;
            for (std::size_t b = 0; b < blocks_.size() && !pruned && !stopped_; ++b) {
                if (blocks_[b].size() >= max_block_ || !nearAny(g, blocks_[b]))
                    continue;
                auto with = blocks_[b];
                with.push_back(g);
                pruned = atMost(with, block_v_[b] + room);
            }
            if (stopped_)
                return stopAt(optimistic);
            if (pruned)
                continue;
            // Otherwise g goes where it adds least: alone, or into a block (exact).
            double add = head(g);
            std::size_t into = SIZE_MAX;
            double into_v = 0;
            bool never = false;
            for (std::size_t b = 0; b < blocks_.size() && !stopped_; ++b) {
                if (blocks_[b].size() >= max_block_ || !nearAny(g, blocks_[b]))
                    continue;
                auto with = blocks_[b];
                with.push_back(g);
                const Known& k = exact(with);
                if (stopped_)
                    return stopAt(optimistic);
                if (k.upper == -std::numeric_limits<double>::infinity()) {
                    never = true; // g never fits with this block: no choice holds the set
                    break;
                }
                if (k.upper - block_v_[b] < add) {
                    add = k.upper - block_v_[b];
                    into = b;
                    into_v = k.upper;
                }
            }
            if (never)
                continue;
            set_.push_back(g);
            if (into == SIZE_MAX) {
                blocks_.push_back({g});
                block_v_.push_back(head(g));
            } else {
                blocks_[into].push_back(g);
                std::swap(block_v_[into], into_v);
            }
            descend(g + 1, value + add);
            if (into == SIZE_MAX) {
                blocks_.pop_back();
                block_v_.pop_back();
            } else {
                blocks_[into].pop_back();
                std::swap(block_v_[into], into_v);
            }
            set_.pop_back();
            if (stopped_)
                return stopAt(optimistic);
        }
    }
    void stopAt(double optimistic) { unexplored_ = std::max(unexplored_, optimistic); }
    bool nearAny(std::size_t g, const std::vector<std::size_t>& block) const {
        return std::any_of(block.begin(), block.end(), [&](std::size_t h) { return near(g, h); });
    }

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

// Candidates that cannot be in a choice better than `incumbent`: their value plus the best
// k-1 values compatible with them is no more than it.
Problem reduce(const Problem& pr, double incumbent) {
    Problem out;
    out.min_d2 = pr.min_d2;
    out.k = pr.k;
    out.conflicts = pr.conflicts;
    // Its value and the k-1 best values of other groups (one per group).
    std::vector<std::size_t> heads;                          // each group's best, best first
    std::vector<std::vector<std::size_t>> members;           // per group (heads' order), best first
    std::vector<std::size_t> group_index(pr.cell.size(), 0); // position -> its group's index
    {
        std::unordered_map<std::uint64_t, std::size_t> seen;
        for (std::size_t i = 0; i < pr.cell.size(); ++i) {
            const auto [it, fresh] = seen.try_emplace(pr.cell[i], heads.size());
            if (fresh) {
                heads.push_back(i);
                members.emplace_back();
            }
            members[it->second].push_back(i);
            group_index[i] = it->second;
        }
    }
    // Beyond this distance from a group's best, every member is compatible (members lie within
    // half the minimum distance of it).
    const double far2 = 2.25 * pr.min_d2 * (1 + 1e-9);
    std::vector<double> best_of;
    for (std::size_t i = 0; i < pr.v.size(); ++i) {
        double b = pr.v[i];
        if (pr.cell.empty()) {
            std::size_t need = pr.k - 1;
            for (std::size_t j = 0; j < pr.v.size() && need > 0; ++j)
                if (j != i && pr.compatible(i, j)) {
                    b += pr.v[j];
                    --need;
                }
        } else if (pr.v[i] + cellBound(pr, heads, 0, pr.k - 1, i) + 1e-9 >= incumbent) {
            // The k-1 best of the other groups, each group's best member compatible with i (a
            // group never holds two): groups far from i give their best, near ones are scanned.
            // The k-1 largest of those, kept smallest first; a later group's best is no more
            // than its head, so the scan stops once heads fall below the smallest kept.
            const std::size_t need = pr.k - 1;
            best_of.clear();
            for (std::size_t h = 0; h < heads.size() && need > 0; ++h) {
                const std::size_t head = heads[h];
                if (best_of.size() == need && pr.v[head] <= best_of.front())
                    break;
                if (pr.cell[head] == pr.cell[i])
                    continue;
                double got = 0;
                const double dx = pr.x[head] - pr.x[i], dy = pr.y[head] - pr.y[i];
                if (dx * dx + dy * dy >= far2 && (!pr.conflicts || pr.conflicts->empty())) {
                    got = pr.v[head];
                } else {
                    for (std::size_t m : members[group_index[head]])
                        if (pr.compatible(i, m)) {
                            got = pr.v[m];
                            break;
                        }
                }
                if (best_of.size() < need) {
                    best_of.insert(std::upper_bound(best_of.begin(), best_of.end(), got), got);
                } else if (got > best_of.front()) {
                    best_of.erase(best_of.begin());
                    best_of.insert(std::upper_bound(best_of.begin(), best_of.end(), got), got);
                }
            }
            for (double v : best_of)
                b += v;
        } else {
            continue; // even the loose bound cannot reach the incumbent
        }
        // A tie can matter when it is the incumbent itself; keep what reaches it.
        if (b + 1e-9 < incumbent)
            continue;
        out.x.push_back(pr.x[i]);
        out.y.push_back(pr.y[i]);
        out.v.push_back(pr.v[i]);
        if (!pr.cell.empty())
            out.cell.push_back(pr.cell[i]);
        out.original.push_back(pr.original[i]);
    }
    return out;
}

std::vector<std::size_t> toOriginal(const Problem& pr, std::vector<std::size_t> set) {
    std::sort(set.begin(), set.end()); // positions are in value order: best first
    for (auto& i : set)
        i = pr.original[i];
    return set;
}

// Positions in `to` of the candidates at positions `set` of `from` (same original indices).
std::vector<std::size_t> remap(const Problem& from, const Problem& to,
                               const std::vector<std::size_t>& set) {
    std::vector<std::size_t> out;
    for (std::size_t i : set) {
        const auto it = std::find(to.original.begin(), to.original.end(), from.original[i]);
        if (it != to.original.end())
            out.push_back(static_cast<std::size_t>(it - to.original.begin()));
    }
    return out;
}

} // namespace

AreaChoice greedyAreaChoice(const std::vector<AreaCandidate>& candidates,
                            const AreaChoiceParams& params) {
    const Problem pr = makeProblem(candidates, params);
    AreaChoice out;
    const auto g = greedyFill(pr, {});
    out.greedy = toOriginal(pr, g);
    out.greedy_value = total(pr, g);
    out.chosen = out.greedy;
    out.value = out.greedy_value;
    for (std::size_t i = 0; i < pr.v.size() && i < pr.k; ++i) // the k best, ignoring conflicts
        out.upper_bound += pr.v[i];
    out.kept_candidates = pr.v.size();
    return out;
}

AreaChoice chooseAreas(const std::vector<AreaCandidate>& candidates, const AreaChoiceParams& params,
                       Progress* progress) {
    const auto start = Clock::now();
    const Problem pr = makeProblem(candidates, params);
    AreaChoice out;
    if (pr.v.empty() || params.k == 0)
        return out;
    const auto g = greedyFill(pr, {});
    out.greedy = toOriginal(pr, g);
    out.greedy_value = total(pr, g);
    const auto ls = localSearch(pr, g);
    double incumbent = total(pr, ls);
    // Shrink the candidates to those that could still beat the incumbent, then search.
    const Problem small = reduce(pr, incumbent);
    out.kept_candidates = small.v.size();
    const auto end = start + std::chrono::duration_cast<Clock::duration>(
                                 std::chrono::duration<double>(params.time_limit_s));
    std::vector<std::size_t> best = remap(pr, small, ls);
    double block_bound = std::numeric_limits<double>::infinity();
    // The block bound where the centre distance alone decides (listed conflicts: the search).
    if (params.conflicts.empty() && small.min_d2 > 0 && small.k >= 2 && !small.v.empty()) {
        // Blocks of two nearby groups, then three, ...: each bound holds; stop once proved.
        // Most of the time for the bound; the search below gets the rest (and the whole time
        // when the bound finishes early without a proof).
        const auto block_end =
            Clock::now() + std::chrono::duration_cast<Clock::duration>(
                               std::chrono::duration<double>(0.6 * params.time_limit_s));
        BlockBound blocks(small, std::min(block_end, end), progress);
        for (std::size_t b = 2; b <= std::min<std::size_t>(small.k, 6); ++b) {
            double bound = 0;
            const bool finished = blocks.run(b, bound, incumbent, best);
            block_bound = std::min(block_bound, bound);
            if (!finished)
                break;
            if (block_bound <= incumbent + 1e-9)
                break;
        }
        out.nodes += blocks.steps();
        if (block_bound <= incumbent + 1e-9) {
            out.proved_optimal = true;
            out.value = incumbent;
            out.chosen = toOriginal(small, best);
            out.upper_bound = incumbent;
            return out;
        }
    }
    Search search(small, incumbent, best, end, progress);
    double bound = incumbent;
    out.proved_optimal = search.run(bound);
    out.nodes += search.nodes();
    out.value = search.bestValue();
    out.chosen = toOriginal(small, search.best());
    out.upper_bound =
        out.proved_optimal ? out.value : std::min(bound, std::max(block_bound, out.value));
    return out;
}

} // namespace sw
