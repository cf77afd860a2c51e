// Tallies of the study area's incidents by month and by crime type.
#include "core/period_counts.hpp"

#include <algorithm>

namespace sw {
namespace {

// Per row, the bit mask of the series it counts in (0: not counted).
std::vector<std::uint32_t> seriesMasks(const IncidentTable& t,
                                       const std::vector<LayerRule>& layers) {
    if (!layers.empty())
        return layerMasks(layers, t);
    const auto crimes = t.rowsOfKind("");
    std::vector<std::uint32_t> m(t.size(), 1u);
    for (std::size_t i = 0; i < crimes.size(); ++i)
        m[i] = crimes[i] ? 1u : 0u;
    return m;
}

bool counted(const IncidentTable& t, std::size_t row, std::int32_t ward) {
    return ward == kStudyArea ? t.ward[row] >= 0 : t.ward[row] == ward;
}

std::string typeName(const std::string& t) {
    return t.empty() ? "(no crime type)" : t;
}

bool inSpan(MonthIndex m, const MonthSpan& s) {
    return m != kNoMonth && m >= s.first && m <= s.last;
}

} // namespace

MonthSpan previousPeriod(const MonthSpan& p) {
    return {p.first - p.length(), p.first - 1};
}

MonthSpan yearEarlier(const MonthSpan& p) {
    return {p.first - 12, p.last - 12};
}

std::optional<std::int64_t> MonthlyCounts::at(std::size_t series, MonthIndex month) const {
    if (!inSpan(month, span) || series >= counts.size())
        return std::nullopt;
    const auto i = static_cast<std::size_t>(month - span.first);
    const bool own = series < series_data.size() ? series_data[series][i] != kNoData : has_data[i];
    if (!own)
        return std::nullopt;
    return counts[series][i];
}

bool MonthlyCounts::partial(std::size_t series, MonthIndex month) const {
    if (!inSpan(month, span) || series >= series_data.size())
        return false;
    return series_data[series][static_cast<std::size_t>(month - span.first)] == kPartial;
}

std::optional<std::int64_t> MonthlyCounts::total(std::size_t series,
                                                 const MonthSpan& months) const {
    if (months.first == kNoMonth || months.last < months.first)
        return std::nullopt;
    std::int64_t sum = 0;
    for (MonthIndex m = months.first; m <= months.last; ++m) {
        const auto v = at(series, m);
        if (!v)
            return std::nullopt;
        sum += *v;
    }
    return sum;
}

namespace {

// Per series, per month of the span: whether the series' own sources cover it.
std::vector<std::vector<std::uint8_t>> seriesData(const IncidentTable& t,
                                                  const std::vector<std::uint32_t>& masks,
                                                  std::size_t series, const MonthSpan& span,
                                                  std::size_t months) {
    std::vector<std::vector<std::uint8_t>> out(series, std::vector<std::uint8_t>(months, 0));
    std::vector<std::uint8_t> rows(t.size());
    for (std::size_t s = 0; s < series; ++s) {
        for (std::size_t i = 0; i < t.size(); ++i)
            rows[i] = (masks[i] >> s) & 1u;
        const SelectionCoverage c = coverageOf(t, rows);
        for (std::size_t m = 0; m < months; ++m) {
            const MonthIndex mo = span.first + static_cast<MonthIndex>(m);
            out[s][m] = c.full.has(mo)      ? MonthlyCounts::kFullData
                        : c.partial.has(mo) ? MonthlyCounts::kPartial
                                            : MonthlyCounts::kNoData;
        }
    }
    return out;
}

// The series (one per layer, or "All crimes") and months of `span` with their coverage, every
// count zero.
MonthlyCounts zeroCounts(const IncidentTable& t, const std::vector<std::uint32_t>& masks,
                         const std::vector<LayerRule>& layers, const MonthSpan& span,
                         const MonthCoverage& coverage) {
    MonthlyCounts out;
    out.span = span;
    if (layers.empty())
        out.names = {"All crimes"};
    for (const auto& l : layers)
        out.names.push_back(l.name);
    const std::size_t months = span.first == kNoMonth || span.last < span.first
                                   ? 0
                                   : static_cast<std::size_t>(span.length());
    out.counts.assign(out.names.size(), std::vector<std::int64_t>(months, 0));
    out.has_data.assign(months, 0);
    for (std::size_t i = 0; i < months; ++i)
        out.has_data[i] = coverage.has(span.first + static_cast<MonthIndex>(i)) ? 1 : 0;
    out.series_data = seriesData(t, masks, out.names.size(), span, months);
    return out;
}

} // namespace

MonthlyCounts countByMonth(const IncidentTable& t, const std::vector<LayerRule>& layers,
                           const MonthSpan& span, const MonthCoverage& coverage,
                           std::int32_t ward) {
    const auto masks = seriesMasks(t, layers);
    MonthlyCounts out = zeroCounts(t, masks, layers, span, coverage);
    const std::size_t months = out.has_data.size();
    if (!months)
        return out;
    for (std::size_t row = 0; row < t.size(); ++row) {
        if (!masks[row] || !inSpan(t.month[row], span) || !counted(t, row, ward))
            continue;
        const auto m = static_cast<std::size_t>(t.month[row] - span.first);
        for (std::size_t s = 0; s < out.names.size(); ++s)
            if (masks[row] & (1u << s))
                ++out.counts[s][m];
    }
    return out;
}

std::vector<CrimeTypeCount> countByCrimeType(const IncidentTable& t,
                                             const std::vector<LayerRule>& layers,
                                             const MonthSpan& period,
                                             const MonthCoverage& coverage) {
    const MonthSpan prev = previousPeriod(period), ly = yearEarlier(period);
    const auto masks = seriesMasks(t, layers);
    // A period with months without data (in the load, or from a source of the counted rows) is
    // compared with nothing (not like for like).
    std::vector<std::uint8_t> any(t.size());
    for (std::size_t i = 0; i < t.size(); ++i)
        any[i] = masks[i] != 0;
    const SelectionCoverage own = coverageOf(t, any);
    const auto covers = [&](const MonthSpan& s) {
        return coverage.covers(s.first, s.last) && own.covers(s.first, s.last);
    };
    const bool complete = covers(period);
    const bool has_prev = complete && covers(prev);
    const bool has_ly = complete && period.length() <= 12 && covers(ly);
    const std::size_t types = t.crime_type.values().size();
    std::vector<std::int64_t> cur(types, 0), pre(types, 0), last(types, 0);
    for (std::size_t row = 0; row < t.size(); ++row) {
        if (!masks[row] || t.ward[row] < 0)
            continue;
        const MonthIndex m = t.month[row];
        const std::uint32_t code = t.crime_type.code(row);
        if (inSpan(m, period))
            ++cur[code];
        if (inSpan(m, prev))
            ++pre[code];
        if (inSpan(m, ly))
            ++last[code];
    }
    std::vector<CrimeTypeCount> out;
    for (std::size_t c = 0; c < types; ++c) {
        if (!cur[c] && !(has_prev && pre[c]) && !(has_ly && last[c]))
            continue;
        CrimeTypeCount r;
        r.type = typeName(t.crime_type.values()[c]);
        r.count = cur[c];
        if (has_prev)
            r.previous = pre[c];
        if (has_ly)
            r.last_year = last[c];
        out.push_back(std::move(r));
    }
    std::sort(out.begin(), out.end(), [](const CrimeTypeCount& a, const CrimeTypeCount& b) {
        return a.count != b.count ? a.count > b.count : a.type < b.type;
    });
    return out;
}

namespace {

std::size_t slotOf(std::int32_t ward, std::size_t wards) {
    if (ward == kStudyArea)
        return 0;
    return ward >= 0 && static_cast<std::size_t>(ward) < wards ? static_cast<std::size_t>(ward) + 1
                                                               : SIZE_MAX;
}

} // namespace

WardCharts countForWardCharts(const IncidentTable& t, const std::vector<LayerRule>& layers,
                              const MonthSpan& span, const MonthSpan& period,
                              const MonthCoverage& coverage, std::size_t ward_count) {
    WardCharts out;
    const auto masks = seriesMasks(t, layers);
    MonthlyCounts shape = zeroCounts(t, masks, layers, span, coverage);
    out.span = span;
    out.period = period;
    out.names = std::move(shape.names);
    out.has_data = std::move(shape.has_data);
    out.series_data = std::move(shape.series_data);
    out.wards = ward_count;
    out.types = t.crime_type.values();
    const std::size_t months = out.has_data.size(), series = out.names.size();
    const std::size_t slots = ward_count + 1;
    out.month_counts.assign(slots * series * months, 0);
    out.type_counts.assign(slots * out.types.size(), 0);
    if (!months && period.first == kNoMonth)
        return out;
    for (std::size_t row = 0; row < t.size(); ++row) {
        const std::int32_t w = t.ward[row];
        if (!masks[row] || w < 0 || static_cast<std::size_t>(w) >= ward_count)
            continue;
        const std::size_t slot = static_cast<std::size_t>(w) + 1;
        const MonthIndex m = t.month[row];
        if (inSpan(m, span)) {
            const auto mi = static_cast<std::size_t>(m - span.first);
            for (std::size_t s = 0; s < series; ++s)
                if (masks[row] & (1u << s)) {
                    ++out.month_counts[(slot * series + s) * months + mi];
                    ++out.month_counts[s * months + mi]; // the study area
                }
        }
        if (inSpan(m, period)) {
            const std::uint32_t code = t.crime_type.code(row);
            ++out.type_counts[slot * out.types.size() + code];
            ++out.type_counts[code];
        }
    }
    return out;
}

MonthlyCounts WardCharts::monthly(std::int32_t ward) const {
    MonthlyCounts m;
    m.span = span;
    m.names = names;
    m.has_data = has_data;
    m.series_data = series_data;
    const std::size_t months = has_data.size(), slot = slotOf(ward, wards);
    m.counts.assign(names.size(), std::vector<std::int64_t>(months, 0));
    if (slot == SIZE_MAX)
        return m;
    for (std::size_t s = 0; s < names.size(); ++s)
        for (std::size_t i = 0; i < months; ++i)
            m.counts[s][i] = month_counts[(slot * names.size() + s) * months + i];
    return m;
}

std::vector<CrimeTypeCount> WardCharts::crimeTypes(std::int32_t ward) const {
    std::vector<CrimeTypeCount> out;
    const std::size_t slot = slotOf(ward, wards);
    if (slot == SIZE_MAX)
        return out;
    for (std::size_t c = 0; c < types.size(); ++c)
        if (const std::int64_t n = type_counts[slot * types.size() + c]; n > 0)
            out.push_back({typeName(types[c]), n, std::nullopt, std::nullopt});
    std::sort(out.begin(), out.end(), [](const CrimeTypeCount& a, const CrimeTypeCount& b) {
        return a.count != b.count ? a.count > b.count : a.type < b.type;
    });
    return out;
}

} // namespace sw
