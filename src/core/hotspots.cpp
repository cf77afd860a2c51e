// Threshold, region labelling and hotspot statistics.
#include "core/hotspots.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>

namespace sw {

Status HotspotThreshold::validate() const {
    if (!std::isfinite(amount))
        return badRequest("the threshold must be a number");
    if (mode == Mode::TopPercent && (amount <= 0 || amount >= 100))
        return badRequest("top:P needs a percentage between 0 and 100 (e.g. top:5%)");
    if (mode == Mode::Value && amount <= 0)
        return badRequest("value:V needs a positive value");
    return okStatus();
}

std::string HotspotThreshold::describe() const {
    char buf[96];
    switch (mode) {
    case Mode::TopPercent:
        std::snprintf(buf, sizeof buf, "top %g%% of the study area's cells", amount);
        break;
    case Mode::MeanPlusSd:
        std::snprintf(buf, sizeof buf, "mean + %g SD of the non-zero cells", amount);
        break;
    case Mode::Value:
        std::snprintf(buf, sizeof buf, "value >= %g", amount);
        break;
    }
    return buf;
}

Result<HotspotThreshold> parseThreshold(std::string_view text) {
    // describe()'s own words, as a plan records them.
    {
        const std::string s(text);
        HotspotThreshold t;
        char rest[8] = "";
        if (std::sscanf(s.c_str(), "top %lf%% of the study area's cell%7s", &t.amount, rest) == 2)
            t.mode = HotspotThreshold::Mode::TopPercent;
        else if (std::sscanf(s.c_str(), "mean + %lf SD of the non-zero cell%7s", &t.amount, rest) ==
                 2)
            t.mode = HotspotThreshold::Mode::MeanPlusSd;
        else if (std::sscanf(s.c_str(), "value >= %lf%1s", &t.amount, rest) == 1)
            t.mode = HotspotThreshold::Mode::Value;
        else
            rest[0] = '?';
        if (rest[0] != '?' && t.validate())
            return t;
    }
    const auto colon = text.find(':');
    const std::string_view mode = text.substr(0, colon);
    std::string num(colon == std::string_view::npos ? "" : text.substr(colon + 1));
    if (!num.empty() && num.back() == '%')
        num.pop_back();
    char* end = nullptr;
    const double v = std::strtod(num.c_str(), &end);
    if (num.empty() || end != num.c_str() + num.size())
        return Error{"--threshold must be top:P%, sd:K or value:V, got '" + std::string(text) +
                     "'"};
    HotspotThreshold t;
    if (mode == "top")
        t.mode = HotspotThreshold::Mode::TopPercent;
    else if (mode == "sd")
        t.mode = HotspotThreshold::Mode::MeanPlusSd;
    else if (mode == "value")
        t.mode = HotspotThreshold::Mode::Value;
    else
        return Error{"--threshold must be top:P%, sd:K or value:V, got '" + std::string(text) +
                     "'"};
    t.amount = v;
    if (auto st = t.validate(); !st)
        return st.failure();
    return t;
}

double thresholdValue(const Grid& g, const std::vector<std::uint8_t>& in_study,
                      const HotspotThreshold& t) {
    if (t.mode == HotspotThreshold::Mode::Value)
        return t.amount;
    std::vector<double> vals;
    for (std::size_t i = 0; i < g.values.size(); ++i) {
        if (!in_study.empty() && !in_study[i])
            continue;
        if (t.mode == HotspotThreshold::Mode::MeanPlusSd && g.values[i] <= 0)
            continue;
        vals.push_back(g.values[i]);
    }
    if (vals.empty())
        return INFINITY;
    if (t.mode == HotspotThreshold::Mode::MeanPlusSd) {
        const double mean =
            std::accumulate(vals.begin(), vals.end(), 0.0) / static_cast<double>(vals.size());
        double ss = 0;
        for (double v : vals)
            ss += (v - mean) * (v - mean);
        return mean + t.amount * std::sqrt(ss / static_cast<double>(vals.size()));
    }
    // Top p%: the value of the cell at rank ceil(p% of the study cells) from the top.
    const auto k =
        static_cast<std::size_t>(std::ceil(static_cast<double>(vals.size()) * t.amount / 100.0));
    const std::size_t idx = vals.size() - std::max<std::size_t>(k, 1);
    std::nth_element(vals.begin(), vals.begin() + static_cast<std::ptrdiff_t>(idx), vals.end());
    return std::max(vals[idx], std::nextafter(0.0, 1.0));
}

RegionLabels labelRegions(const Grid& g, double threshold,
                          const std::vector<std::uint8_t>& in_study) {
    RegionLabels out;
    out.label.assign(g.values.size(), 0);
    auto hot = [&](std::size_t i) {
        return g.values[i] > 0 && g.values[i] >= threshold && (in_study.empty() || in_study[i]);
    };
    std::vector<std::size_t> stack;
    const auto rows = static_cast<std::ptrdiff_t>(g.rows),
               cols = static_cast<std::ptrdiff_t>(g.cols);
    for (std::size_t start = 0; start < g.values.size(); ++start) {
        if (out.label[start] || !hot(start))
            continue;
        const std::int32_t id = ++out.count;
        out.label[start] = id;
        stack.push_back(start);
        while (!stack.empty()) {
            const std::size_t i = stack.back();
            stack.pop_back();
            const auto r = static_cast<std::ptrdiff_t>(i / g.cols),
                       c = static_cast<std::ptrdiff_t>(i % g.cols);
            for (std::ptrdiff_t dr = -1; dr <= 1; ++dr)
                for (std::ptrdiff_t dc = -1; dc <= 1; ++dc) {
                    const auto rr = r + dr, cc = c + dc;
                    if ((dr == 0 && dc == 0) || rr < 0 || cc < 0 || rr >= rows || cc >= cols)
                        continue;
                    const auto j = static_cast<std::size_t>(rr * cols + cc);
                    if (out.label[j] || !hot(j))
                        continue;
                    out.label[j] = id;
                    stack.push_back(j);
                }
        }
    }
    return out;
}

std::int64_t cellIndex(const Grid& g, double x, double y) {
    const double c = std::floor((x - g.xmin) / g.cell), r = std::floor((g.ymax - y) / g.cell);
    if (c < 0 || r < 0 || c >= static_cast<double>(g.cols) || r >= static_cast<double>(g.rows))
        return -1;
    return static_cast<std::int64_t>(r) * static_cast<std::int64_t>(g.cols) +
           static_cast<std::int64_t>(c);
}

std::vector<HotspotStats> hotspotStats(const Grid& g, const RegionLabels& regions,
                                       const std::vector<std::int64_t>& cell_of_incident,
                                       const std::vector<std::uint32_t>& layer_mask,
                                       std::size_t layers, double study_area_km2) {
    std::vector<HotspotStats> s(static_cast<std::size_t>(regions.count));
    const double cell_km2 = g.cell * g.cell / 1e6;
    for (std::size_t k = 0; k < s.size(); ++k) {
        s[k].region = static_cast<std::int32_t>(k + 1);
        s[k].per_layer.assign(layers, 0);
    }
    for (std::size_t i = 0; i < regions.label.size(); ++i) {
        const auto l = regions.label[i];
        if (!l)
            continue;
        auto& h = s[static_cast<std::size_t>(l - 1)];
        ++h.cells;
        h.peak = std::max(h.peak, g.values[i]);
    }
    for (std::size_t i = 0; i < cell_of_incident.size(); ++i) {
        const auto cell = cell_of_incident[i];
        if (cell < 0)
            continue;
        const auto l = regions.label[static_cast<std::size_t>(cell)];
        if (!l)
            continue;
        auto& h = s[static_cast<std::size_t>(l - 1)];
        ++h.incidents;
        for (std::size_t b = 0; b < layers && i < layer_mask.size(); ++b)
            if (layer_mask[i] & (1u << b))
                ++h.per_layer[b];
    }
    const double n_all = static_cast<double>(cell_of_incident.size());
    for (auto& h : s) {
        h.area_km2 = static_cast<double>(h.cells) * cell_km2;
        h.share = n_all > 0 ? static_cast<double>(h.incidents) / n_all : 0.0;
        h.pai =
            (study_area_km2 > 0 && h.area_km2 > 0) ? h.share / (h.area_km2 / study_area_km2) : 0.0;
    }
    std::vector<std::size_t> order(s.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        if (s[a].incidents != s[b].incidents)
            return s[a].incidents > s[b].incidents;
        return s[a].peak > s[b].peak;
    });
    std::vector<HotspotStats> sorted;
    for (std::size_t k = 0; k < order.size(); ++k) {
        sorted.push_back(s[order[k]]);
        sorted.back().rank = static_cast<int>(k + 1);
    }
    return sorted;
}

} // namespace sw
