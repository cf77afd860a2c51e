// Bandwidth rules.
#include "core/bandwidth.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <numbers>
#include <numeric>

namespace sw {
namespace {

double weightOf(const WeightedPoints& p, std::size_t i) {
    return p.w.empty() ? 1.0 : p.w[i];
}

struct Centre {
    double x = 0, y = 0, total = 0;
};

Centre weightedCentre(const WeightedPoints& p) {
    Centre c;
    for (std::size_t i = 0; i < p.x.size(); ++i) {
        const double w = weightOf(p, i);
        c.x += w * p.x[i];
        c.y += w * p.y[i];
        c.total += w;
    }
    if (c.total > 0) {
        c.x /= c.total;
        c.y /= c.total;
    }
    return c;
}

// E[rho^2] of the kernel's radial distribution on the unit disc (rho = d / r); the per-axis
// variance is r^2 * E[rho^2] / 2.
double meanSquaredRadius(KernelShape k) {
    switch (k) {
    case KernelShape::Quartic:
        return 1.0 / 4.0;
    case KernelShape::Triweight:
        return 1.0 / 5.0;
    case KernelShape::Epanechnikov:
        return 1.0 / 3.0;
    case KernelShape::Triangular:
        return 3.0 / 10.0;
    case KernelShape::Uniform:
        return 1.0 / 2.0;
    case KernelShape::Gaussian: {
        // Truncated at 3 sigma: E[rho^2] = (2 / 9) * (1 - (1 + a) e^-a) / (1 - e^-a), a = 4.5.
        const double a = 4.5;
        return (2.0 / 9.0) * (1 - (1 + a) * std::exp(-a)) / (1 - std::exp(-a));
    }
    }
    return 0.25;
}

} // namespace

double radiusForSigma(double sigma, KernelShape kernel) {
    return sigma / std::sqrt(meanSquaredRadius(kernel) / 2.0);
}

double arcgisDefaultRadius(const WeightedPoints& p) {
    const Centre c = weightedCentre(p);
    if (c.total <= 0)
        return 0;
    double ss = 0;
    std::vector<std::pair<double, double>> dist; // distance, weight
    for (std::size_t i = 0; i < p.x.size(); ++i) {
        const double w = weightOf(p, i), dx = p.x[i] - c.x, dy = p.y[i] - c.y;
        ss += w * (dx * dx + dy * dy);
        dist.emplace_back(std::sqrt(dx * dx + dy * dy), w);
    }
    const double sd = std::sqrt(ss / c.total);
    std::sort(dist.begin(), dist.end());
    double acc = 0, dm = 0;
    for (const auto& [d, w] : dist) {
        acc += w;
        if (acc >= c.total / 2) {
            dm = d;
            break;
        }
    }
    return 0.9 * std::min(sd, std::sqrt(1.0 / std::log(2.0)) * dm) * std::pow(c.total, -0.2);
}

double scottRadius(const WeightedPoints& p, KernelShape kernel) {
    const Centre c = weightedCentre(p);
    if (c.total <= 0)
        return 0;
    double vx = 0, vy = 0;
    for (std::size_t i = 0; i < p.x.size(); ++i) {
        const double w = weightOf(p, i);
        vx += w * (p.x[i] - c.x) * (p.x[i] - c.x);
        vy += w * (p.y[i] - c.y) * (p.y[i] - c.y);
    }
    const double sigma = std::pow(c.total, -1.0 / 6.0) * std::sqrt((vx + vy) / (2 * c.total));
    return radiusForSigma(sigma, kernel);
}

Result<double> likelihoodCvRadius(const WeightedPoints& p, KernelShape kernel) {
    // Merge points at the same location: each location is one left-out unit with its weight.
    std::map<std::pair<double, double>, double> loc;
    for (std::size_t i = 0; i < p.x.size(); ++i)
        loc[{p.y[i], p.x[i]}] += weightOf(p, i);
    if (loc.size() < 3)
        return Error{"likelihood cross-validation needs at least 3 distinct locations"};
    // At most kMaxLocations (every k-th in y order); sigma is rescaled by (n_used / n)^(1/6),
    // the rate at which such bandwidths shrink with the number of points.
    constexpr std::size_t kMaxLocations = 5000;
    const std::size_t step = (loc.size() + kMaxLocations - 1) / kMaxLocations;
    std::vector<double> x, y, w;
    std::size_t idx = 0;
    for (const auto& [k, v] : loc) {
        if (idx++ % step)
            continue;
        y.push_back(k.first); // sorted by y, then x
        x.push_back(k.second);
        w.push_back(v);
    }
    const double rescale =
        std::pow(static_cast<double>(x.size()) / static_cast<double>(loc.size()), 1.0 / 6.0);
    const std::size_t n = x.size();
    // Candidate sigmas: from the median nearest-neighbour distance to the standard distance.
    const WeightedPoints merged{x, y, w};
    const Centre c = weightedCentre(merged);
    double ss = 0;
    for (std::size_t i = 0; i < n; ++i)
        ss += w[i] * ((x[i] - c.x) * (x[i] - c.x) + (y[i] - c.y) * (y[i] - c.y));
    const double sd = std::sqrt(ss / c.total);
    // Nearest-neighbour distances by a sweep in y both ways, stopping once dy exceeds the best.
    std::vector<double> nn(n, INFINITY);
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = i + 1; j < n && y[j] - y[i] < nn[i]; ++j)
            nn[i] = std::min(nn[i], std::hypot(x[j] - x[i], y[j] - y[i]));
        for (std::size_t j = i; j-- > 0 && y[i] - y[j] < nn[i];)
            nn[i] = std::min(nn[i], std::hypot(x[j] - x[i], y[j] - y[i]));
    }
    std::vector<double> sorted_nn = nn;
    std::nth_element(sorted_nn.begin(), sorted_nn.begin() + static_cast<std::ptrdiff_t>(n / 2),
                     sorted_nn.end());
    const double lo = std::max(sorted_nn[n / 2], sd / 1000), hi = std::max(sd, lo * 2);
    constexpr int kCandidates = 40;
    double best_sigma = lo, best = -INFINITY;
    for (int k = 0; k < kCandidates; ++k) {
        const double sigma = lo * std::pow(hi / lo, static_cast<double>(k) / (kCandidates - 1));
        const double reach = 5 * sigma, inv2s2 = 1.0 / (2 * sigma * sigma),
                     norm = 1.0 / (2 * std::numbers::pi * sigma * sigma);
        // Each pair's kernel once, added to both ends' leave-out densities (the band in y is
        // symmetric, so every pair the one-sided sweep meets is one the two-sided sum holds).
        std::vector<double> dens(n, 0.0);
        for (std::size_t i = 0; i < n; ++i) {
            const auto last = std::upper_bound(y.begin() + static_cast<std::ptrdiff_t>(i) + 1,
                                               y.end(), y[i] + reach) -
                              y.begin();
            for (std::size_t j = i + 1; j < static_cast<std::size_t>(last); ++j) {
                const double dx = x[j] - x[i], dy = y[j] - y[i];
                const double kern = std::exp(-(dx * dx + dy * dy) * inv2s2);
                dens[i] += w[j] * kern;
                dens[j] += w[i] * kern;
            }
        }
        double ll = 0;
        for (std::size_t i = 0; i < n; ++i)
            // Each location's weight counts in the likelihood; a lone location far from all
            // others floors at a tiny density rather than -infinity.
            ll += w[i] * std::log(std::max(dens[i] * norm, 1e-300));
        // The integral of the leave-out intensity is the same for every sigma (no edge
        // correction), so the log likelihood alone ranks the candidates.
        if (ll > best) {
            best = ll;
            best_sigma = sigma;
        }
    }
    return radiusForSigma(best_sigma * rescale, kernel);
}

std::vector<BandwidthSuggestion> suggestBandwidths(const WeightedPoints& p, KernelShape kernel,
                                                   double fixed) {
    std::vector<BandwidthSuggestion> out;
    out.push_back(
        {BandwidthRule::Fixed, fixed, "Fixed",
         "A radius you choose: street-week areas are a few hundred metres across, so 150-300 m "
         "is common for town centres."});
    out.push_back(
        {BandwidthRule::ArcGis, arcgisDefaultRadius(p), "ArcGIS default",
         "0.9 x min(standard distance, 1.2 x median distance) x n^-0.2: what ArcGIS Kernel Density "
         "uses when no radius is given. Tends to be large for a whole district."});
    out.push_back(
        {BandwidthRule::Scott, scottRadius(p, kernel), "Scott's rule",
         "A Gaussian rule of thumb (sd x n^-1/6) turned into this kernel's radius; smooth, "
         "and larger when the data are spread out."});
    auto cv = likelihoodCvRadius(p, kernel);
    out.push_back(
        {BandwidthRule::LikelihoodCv, cv ? cv.value() : 0.0, "Likelihood cross-validation",
         cv ? "The radius under which each location is best predicted from the others (spatstat "
              "bw.ppl); follows the data's own clustering."
            : cv.error()});
    return out;
}

} // namespace sw
