// Quantile and Jenks natural breaks.
#include "core/class_breaks.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace sw {

const char* breakMethodName(BreakMethod m) {
    return m == BreakMethod::Quantiles ? "quantiles" : "natural breaks (Jenks)";
}

int ClassBreaks::classOf(double v) const {
    for (std::size_t i = 0; i < upper.size(); ++i)
        if (v <= upper[i])
            return static_cast<int>(i);
    return upper.empty() ? -1 : static_cast<int>(upper.size() - 1);
}

namespace {

// Class boundaries as indices into the sorted values: class c is [start[c], start[c+1]).
ClassBreaks fromStarts(const std::vector<double>& v, std::vector<std::size_t> starts) {
    starts.push_back(v.size());
    ClassBreaks b;
    for (std::size_t c = 0; c + 1 < starts.size(); ++c) {
        if (starts[c] >= starts[c + 1])
            continue;
        const double lo = v[starts[c]], hi = v[starts[c + 1] - 1];
        if (!b.upper.empty() && lo <= b.upper.back()) { // equal values stay in one class
            b.upper.back() = std::max(b.upper.back(), hi);
            continue;
        }
        b.lower.push_back(lo);
        b.upper.push_back(hi);
    }
    return b;
}

std::vector<std::size_t> quantileStarts(const std::vector<double>& v, int k) {
    std::vector<std::size_t> s;
    for (int c = 0; c < k; ++c)
        s.push_back(static_cast<std::size_t>(std::llround(static_cast<double>(v.size()) * c / k)));
    return s;
}

std::vector<std::size_t> jenksStarts(const std::vector<double>& v, int k) {
    const std::size_t n = v.size();
    const auto kk = static_cast<std::size_t>(k);
    // Prefix sums for O(1) within-class squared deviation of v[i..j).
    std::vector<double> s1(n + 1, 0), s2(n + 1, 0);
    for (std::size_t i = 0; i < n; ++i) {
        s1[i + 1] = s1[i] + v[i];
        s2[i + 1] = s2[i] + v[i] * v[i];
    }
    auto ssd = [&](std::size_t i, std::size_t j) {
        const double m = static_cast<double>(j - i), s = s1[j] - s1[i];
        return (s2[j] - s2[i]) - s * s / m;
    };
    const double inf = std::numeric_limits<double>::infinity();
    // cost[c][j]: best cost of the first j values in c + 1 classes; from[c][j]: last start.
    std::vector<std::vector<double>> cost(kk, std::vector<double>(n + 1, inf));
    std::vector<std::vector<std::size_t>> from(kk, std::vector<std::size_t>(n + 1, 0));
    for (std::size_t j = 1; j <= n; ++j)
        cost[0][j] = ssd(0, j);
    for (std::size_t c = 1; c < kk; ++c)
        for (std::size_t j = c + 1; j <= n; ++j)
            for (std::size_t i = c; i < j; ++i) {
                const double x = cost[c - 1][i] + ssd(i, j);
                if (x < cost[c][j]) {
                    cost[c][j] = x;
                    from[c][j] = i;
                }
            }
    std::vector<std::size_t> starts(kk, 0);
    std::size_t j = n;
    for (std::size_t c = kk - 1; c > 0; --c) {
        starts[c] = from[c][j];
        j = starts[c];
    }
    return starts;
}

} // namespace

ClassBreaks computeBreaks(std::vector<double> values, int classes, BreakMethod method) {
    values.erase(
        std::remove_if(values.begin(), values.end(), [](double x) { return !std::isfinite(x); }),
        values.end());
    std::sort(values.begin(), values.end());
    if (values.empty() || classes < 1)
        return {};
    const int k = std::min<int>(classes, static_cast<int>(values.size()));
    return fromStarts(values, method == BreakMethod::Quantiles ? quantileStarts(values, k)
                                                               : jenksStarts(values, k));
}

} // namespace sw
