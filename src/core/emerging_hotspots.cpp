// Emerging hot spots: per-month Gi*, Mann-Kendall and the pattern rules (see the header).
#include "core/emerging_hotspots.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace sw {

const char* patternName(EmergingPattern p) {
    switch (p) {
    case EmergingPattern::New:
        return "new";
    case EmergingPattern::Intensifying:
        return "intensifying";
    case EmergingPattern::Persistent:
        return "persistent";
    case EmergingPattern::Diminishing:
        return "diminishing";
    case EmergingPattern::Intermittent:
        return "intermittent";
    case EmergingPattern::Former:
        return "former";
    case EmergingPattern::None:
        break;
    }
    return "none";
}

std::array<int, 7> patternCounts(const EmergingResult& r) {
    std::array<int, 7> n{};
    for (std::size_t i = 0; i < r.pattern.size(); ++i)
        if (r.in_study.empty() || r.in_study[i])
            ++n[static_cast<std::size_t>(r.pattern[i])];
    return n;
}

MannKendall mannKendall(std::span<const double> x) {
    MannKendall mk;
    const std::size_t n = x.size();
    if (n < 2)
        return mk;
    for (std::size_t i = 0; i + 1 < n; ++i)
        for (std::size_t j = i + 1; j < n; ++j)
            mk.s += (x[j] > x[i]) - (x[j] < x[i]);
    std::map<double, double> ties;
    for (double v : x)
        ties[v] += 1;
    const double dn = static_cast<double>(n);
    double var = dn * (dn - 1) * (2 * dn + 5);
    for (const auto& [v, t] : ties)
        var -= t * (t - 1) * (2 * t + 5);
    mk.var = var / 18.0;
    if (mk.var > 0) {
        if (mk.s > 0)
            mk.z = (mk.s - 1) / std::sqrt(mk.var);
        else if (mk.s < 0)
            mk.z = (mk.s + 1) / std::sqrt(mk.var);
    }
    mk.p = twoSidedP(mk.z);
    return mk;
}

Status EmergingParams::validate(std::size_t months) const {
    if (months < 2)
        return badRequest("emerging hot spots need at least 2 months of incidents");
    if (hot_bin < 1 || hot_bin > 3)
        return badRequest("the hot confidence must be 90, 95 or 99%");
    for (double s : {persistent_share, recent_share, min_share})
        if (!(s > 0 && s <= 1))
            return badRequest("pattern shares must lie in (0, 1]");
    if (!(trend_alpha > 0 && trend_alpha < 1))
        return badRequest("the trend significance must lie in (0, 1)");
    return okStatus();
}

namespace {
std::size_t recentWindow(std::size_t months, double share) {
    return std::clamp<std::size_t>(
        static_cast<std::size_t>(std::ceil(share * static_cast<double>(months) - 1e-9)), 1, months);
}
} // namespace

EmergingPattern classifySeries(const std::vector<bool>& hot, const MannKendall& trend,
                               const EmergingParams& p) {
    const std::size_t n = hot.size();
    if (n == 0)
        return EmergingPattern::None;
    const std::size_t recent = recentWindow(n, p.recent_share);
    std::size_t total = 0, in_recent = 0;
    for (std::size_t t = 0; t < n; ++t)
        if (hot[t]) {
            ++total;
            if (t >= n - recent)
                ++in_recent;
        }
    if (total == 0)
        return EmergingPattern::None;
    const double share = static_cast<double>(total) / static_cast<double>(n);
    const bool last = hot[n - 1];
    if (last && in_recent == total && share < p.persistent_share)
        return EmergingPattern::New;
    if (share + 1e-12 >= p.persistent_share) {
        const bool significant = trend.p < p.trend_alpha;
        if (last && significant && trend.z > 0)
            return EmergingPattern::Intensifying;
        if (last && significant && trend.z < 0)
            return EmergingPattern::Diminishing;
        return EmergingPattern::Persistent;
    }
    if (share + 1e-12 < p.min_share)
        return EmergingPattern::None;
    if (in_recent == 0)
        return EmergingPattern::Former;
    return EmergingPattern::Intermittent;
}

Result<EmergingResult> computeEmergingHotspots(const std::vector<WeightedPoints>& per_month,
                                               const Box& extent, const EmergingParams& params,
                                               const std::vector<std::uint8_t>& in_study,
                                               Progress* progress) {
    if (auto st = params.validate(per_month.size()); !st)
        return st.failure();
    const std::size_t months = per_month.size();
    if (progress)
        progress->reset(months);
    EmergingResult r;
    r.months = months;
    r.recent_months = recentWindow(months, params.recent_share);
    std::vector<double> z; // cell-major: months values per cell
    std::vector<std::uint8_t> hot;
    for (std::size_t m = 0; m < months; ++m) {
        if (progress && progress->cancelled())
            return Error{"cancelled"};
        auto gi = computeGiStar(per_month[m], extent, params.gi, in_study);
        if (!gi)
            return gi.failure();
        GiStarResult& g = gi.value();
        const std::size_t cells = g.counts.values.size();
        if (m == 0) {
            r.shape = g.counts;
            r.in_study = g.in_study;
            r.cell_size_m = g.cell_size_m;
            r.distance_m = g.distance_m;
            z.assign(cells * months, 0.0);
            hot.assign(cells * months, 0);
        } else {
            for (std::size_t i = 0; i < cells; ++i)
                r.shape.values[i] += g.counts.values[i];
        }
        for (std::size_t i = 0; i < cells; ++i) {
            z[i * months + m] = g.z[i];
            hot[i * months + m] = g.bin[i] >= params.hot_bin;
        }
        if (progress)
            progress->add(1);
    }
    const std::size_t cells = r.shape.values.size();
    r.pattern.assign(cells, EmergingPattern::None);
    r.hot_months.assign(cells, 0);
    r.trend_z.assign(cells, 0.0);
    r.trend_p.assign(cells, 1.0);
    std::vector<bool> series(months);
    for (std::size_t i = 0; i < cells; ++i) {
        if (!r.in_study[i])
            continue;
        std::uint16_t count = 0;
        for (std::size_t m = 0; m < months; ++m) {
            series[m] = hot[i * months + m] != 0;
            count += series[m];
        }
        const MannKendall mk = mannKendall(std::span<const double>(&z[i * months], months));
        r.hot_months[i] = count;
        r.trend_z[i] = mk.z;
        r.trend_p[i] = mk.p;
        r.pattern[i] = classifySeries(series, mk, params);
    }
    return r;
}

} // namespace sw
