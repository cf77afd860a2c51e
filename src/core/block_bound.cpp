// The block bound.
#include "core/block_bound.hpp"

#include <algorithm>
#include <cmath>

namespace sw::area_choice {

BlockBound::BlockBound(const Problem& pr, Clock::time_point end, Progress* progress)
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

bool BlockBound::run(std::size_t max_block, double& bound, double& best_v,
                     std::vector<std::size_t>& best) {
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

bool BlockBound::near(std::size_t g, std::size_t h) const {
    const std::size_t a = members_[g][0], b = members_[h][0];
    const double reach = reach_[g] + reach_[h] + std::sqrt(pr_.min_d2);
    const double dx = pr_.x[a] - pr_.x[b], dy = pr_.y[a] - pr_.y[b];
    return dx * dx + dy * dy < reach * reach;
}

bool BlockBound::tick() {
    if ((++steps_ & 4095) == 0 && (Clock::now() > end_ || (progress_ && progress_->cancelled())))
        stopped_ = true;
    return stopped_;
}

bool BlockBound::fits(std::size_t a, const std::vector<std::size_t>& picked) const {
    return pr_.compatibleWithAll(a, picked);
}

void BlockBound::pickBest(const std::vector<std::size_t>& gs, std::vector<char>& done,
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

double BlockBound::search(const std::vector<std::size_t>& gs, double floor,
                          std::vector<std::size_t>& picks) {
    std::vector<char> done(gs.size(), 0);
    std::vector<std::size_t> picked;
    double best = floor;
    pickBest(gs, done, picked, std::vector<std::size_t>(gs.size(), 0), gs.size(), 0.0, best, picks);
    return best;
}

const BlockBound::Known& BlockBound::exact(std::vector<std::size_t> gs) {
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

bool BlockBound::atMost(std::vector<std::size_t> gs, double t) {
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

void BlockBound::tryChoice(double value) {
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

void BlockBound::descend(std::size_t from, double value) {
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

bool BlockBound::nearAny(std::size_t g, const std::vector<std::size_t>& block) const {
    return std::any_of(block.begin(), block.end(), [&](std::size_t h) { return near(g, h); });
}

} // namespace sw::area_choice
