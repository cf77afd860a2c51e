// Displacement measures for an after-action check.
#include "core/displacement.hpp"

#include "core/random.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

namespace sw {

WddResult weightedDisplacementDifference(const ZoneCounts& c) {
    WddResult r;
    r.target_change = c.target_after - c.target_before;
    r.buffer_change = c.buffer_after - c.buffer_before;
    r.control_change = c.control_after - c.control_before;
    if (!(c.control_before > 0))
        return r;
    r.valid = true;
    const double kt = c.target_before / c.control_before;
    const double kb = c.buffer_before / c.control_before;
    r.expected_target_change = kt * r.control_change;
    r.expected_buffer_change = kb * r.control_change;
    r.wdd =
        (r.target_change - r.expected_target_change) + (r.buffer_change - r.expected_buffer_change);
    // WDD = Ta + Ba - r (Tb + Bb) with r = Ca / Cb. Each count Poisson (variance = count);
    // the delta method for r (Var r ~ r^2 (1/Ca + 1/Cb)).
    const double ratio = c.control_after / c.control_before;
    const double before = c.target_before + c.buffer_before;
    double var = c.target_after + c.buffer_after + ratio * ratio * before;
    if (c.control_after > 0)
        var += before * before * ratio * ratio * (1 / c.control_after + 1 / c.control_before);
    else
        var += before * before / (c.control_before * c.control_before); // Ca = 0: r's own
    r.se = std::sqrt(var);
    if (r.se > 0) {
        r.z = r.wdd / r.se;
        r.p_value = std::erfc(std::abs(r.z) / std::sqrt(2.0));
    }
    return r;
}

namespace {

// Success and displacement measures; nullopt when a control count is zero.
bool measures(const ZoneCounts& c, double& success, double& displacement) {
    if (!(c.control_before > 0) || !(c.control_after > 0))
        return false;
    success = c.target_after / c.control_after - c.target_before / c.control_before;
    displacement = c.buffer_after / c.control_after - c.buffer_before / c.control_before;
    return true;
}

} // namespace

WdqResult weightedDisplacementQuotient(const ZoneCounts& c) {
    WdqResult r;
    double sm = 0, dm = 0;
    if (!measures(c, sm, dm)) {
        r.reading = "The control had no incidents in a period: no quotient";
        return r;
    }
    r.success = sm;
    r.displacement = dm;
    if (!(sm < 0)) {
        r.reading = "The target did not fall relative to the control: the quotient is not read";
        return r;
    }
    r.wdq = dm / sm;
    if (*r.wdq > 0)
        r.reading = "Diffusion of benefit: the buffer fell too, relative to the control";
    else if (*r.wdq == 0)
        r.reading = "No change in the buffer relative to the control";
    else if (*r.wdq >= -1)
        r.reading = "Some displacement into the buffer, smaller than the fall in the target";
    else
        r.reading = "Displacement into the buffer larger than the fall in the target";
    return r;
}

std::int64_t poissonDraw(Rng& rng, double mean) {
    if (!(mean > 0))
        return 0;
    if (mean < 30) {
        const double limit = std::exp(-mean);
        std::int64_t k = 0;
        double p = rng.uniform();
        while (p > limit) {
            ++k;
            p *= rng.uniform();
        }
        return k;
    }
    return std::max<std::int64_t>(0, std::llround(mean + std::sqrt(mean) * rng.normal()));
}

std::optional<Interval> wdqBootstrap(const ZoneCounts& c, int draws, std::uint64_t seed,
                                     double level) {
    Rng rng(seed);
    std::vector<double> q;
    q.reserve(static_cast<std::size_t>(std::max(0, draws)));
    const auto draw = [&rng](double m) { return static_cast<double>(poissonDraw(rng, m)); };
    for (int i = 0; i < draws; ++i) {
        ZoneCounts d{draw(c.target_before), draw(c.target_after),   draw(c.buffer_before),
                     draw(c.buffer_after),  draw(c.control_before), draw(c.control_after)};
        double sm = 0, dm = 0;
        if (measures(d, sm, dm) && sm < 0)
            q.push_back(dm / sm);
    }
    if (q.empty() || static_cast<int>(q.size()) * 2 < draws)
        return std::nullopt;
    std::sort(q.begin(), q.end());
    const double tail = (1 - level) / 2;
    const auto at = [&q](double f) {
        const double pos = f * static_cast<double>(q.size() - 1);
        const auto lo = static_cast<std::size_t>(std::floor(pos));
        const auto hi = std::min(q.size() - 1, lo + 1);
        return q[lo] + (q[hi] - q[lo]) * (pos - static_cast<double>(lo));
    };
    return Interval{at(tail), at(1 - tail), static_cast<int>(q.size())};
}

} // namespace sw
