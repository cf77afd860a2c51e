// Greedy, local search, the reductions and branch and bound for the street-week area choice
// (the block bound in block_bound.cpp).
#include "core/area_choice.hpp"

#include "core/area_choice_problem.hpp"
#include "core/block_bound.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <numeric>
#include <unordered_map>

namespace sw {
namespace {

using area_choice::BlockBound;
using area_choice::cliqueCover;
using area_choice::Clock;
using area_choice::Problem;

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
