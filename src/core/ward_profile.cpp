// Ward profile computation.
#include "core/ward_profile.hpp"

#include "core/month_coverage.hpp"

#include <algorithm>
#include <numeric>

namespace sw {
namespace {
std::string joinNotes(const std::vector<std::string>& parts) {
    std::string s;
    for (const auto& p : parts)
        s += (s.empty() ? "" : "; ") + p;
    return s;
}
} // namespace

Status ProfileParams::validate() const {
    if (from != kNoMonth && to != kNoMonth && from > to)
        return badRequest("the period ends (" + formatMonth(to) + ") before it starts (" +
                          formatMonth(from) + ")");
    if (layers.size() > 32)
        return badRequest("at most 32 layers can be profiled at once");
    for (const auto& l : layers)
        if (auto st = l.validate(); !st)
            return st;
    return okStatus();
}

Result<WardProfile> computeWardProfile(const IncidentTable& t, const WardSet& wards,
                                       const ProfileParams& p,
                                       const std::vector<std::optional<double>>& population,
                                       const MonthCoverage* months) {
    if (auto st = p.validate(); !st)
        return st.failure();
    WardProfile prof;
    const MonthCoverage own = months ? MonthCoverage() : MonthCoverage(t.month, t.rowsOfKind(""));
    const MonthCoverage& loaded = months ? *months : own;
    prof.from = p.from != kNoMonth ? p.from : loaded.first();
    prof.to = p.to != kNoMonth ? p.to : loaded.last();
    if (prof.to == kNoMonth) // one end given, and no months in the data: a one-month period
        prof.to = prof.from;
    if (prof.from == kNoMonth)
        prof.from = prof.to;
    // A month with no rows in the data is "no data", not zero: a comparison period needs every
    // one of its months. No months at all (rows without dates): no comparison periods.
    const MonthIndex len =
        prof.from == kNoMonth || prof.to == kNoMonth ? 0 : std::max(0, prof.to - prof.from + 1);
    if (len > 0) {
        prof.prev_from = prof.from - len;
        prof.prev_to = prof.from - 1;
    }
    const std::size_t nw = wards.size(), nl = p.layers.size();
    const auto masks = nl ? layerMasks(p.layers, t) : std::vector<std::uint32_t>{};
    const auto crimes = nl ? std::vector<std::uint8_t>{} : t.rowsOfKind(""); // every crime
    // The months the counted rows' sources cover: the layers together, and each layer.
    std::vector<std::uint8_t> any;
    if (nl) {
        any.resize(t.size());
        for (std::size_t i = 0; i < t.size(); ++i)
            any[i] = masks[i] != 0;
    }
    const SelectionCoverage coverage_of_all = coverageOf(t, any);
    const MonthCoverage& coverage = coverage_of_all.full;
    const auto dataIn = [&](const SelectionCoverage& c) {
        if (len == 0)
            return PeriodData::Full;
        if (c.covers(prof.from, prof.to))
            return PeriodData::Full;
        return c.anyIn(prof.from, prof.to) ? PeriodData::Partial : PeriodData::None;
    };
    prof.count_data = dataIn(coverage_of_all);
    for (std::size_t l = 0; l < nl; ++l) {
        std::vector<std::uint8_t> rows(t.size());
        for (std::size_t i = 0; i < t.size(); ++i)
            rows[i] = (masks[i] >> l) & 1u;
        const SelectionCoverage c = coverageOf(t, rows);
        prof.layer_data.push_back(dataIn(c));
        const std::string& name = p.layers[l].name;
        if (prof.layer_data.back() == PeriodData::None)
            prof.notes.push_back("layer '" + name + "': no data for " +
                                 formatSpan({prof.from, prof.to}) + " (its sources cover " +
                                 c.full.describe() + "): left blank, not 0");
        else if (prof.layer_data.back() == PeriodData::Partial)
            prof.notes.push_back("layer '" + name + "': partial (" +
                                 joinNotes(c.missingNotes(t, prof.from, prof.to)) +
                                 "): its count holds only the months and sources with data");
    }
    // A period with months without data is not like for like with a whole one: no change.
    const bool complete = len > 0 && coverage.covers(prof.from, prof.to);
    prof.prev_covered = complete && coverage.covers(prof.prev_from, prof.prev_to);
    prof.last_year_covered = complete && len <= 12 && coverage.covers(prof.from - 12, prof.to - 12);
    for (const auto& l : p.layers) {
        prof.layer_keys.push_back(l.key);
        prof.layer_names.push_back(l.name);
    }

    std::vector<std::int64_t> cur(nw, 0), prev(nw, 0), ly(nw, 0), per_layer(nw * nl, 0);
    std::vector<std::int64_t> layer_totals(nl, 0);
    for (std::size_t i = 0; i < t.size(); ++i) {
        const std::uint32_t mask = nl ? masks[i] : (crimes.empty() || crimes[i] ? 1u : 0u);
        if (!mask)
            continue;
        const MonthIndex m = t.month[i];
        const std::int32_t w = t.ward[i];
        const bool in_period = prof.from == kNoMonth || (m >= prof.from && m <= prof.to);
        if (in_period) {
            ++prof.total_in_period;
            for (std::size_t l = 0; l < nl; ++l)
                if (mask & (1u << l))
                    ++layer_totals[l];
            if (w < 0) {
                ++prof.outside_wards;
                continue;
            }
            ++cur[static_cast<std::size_t>(w)];
            for (std::size_t l = 0; l < nl; ++l)
                if (mask & (1u << l))
                    ++per_layer[static_cast<std::size_t>(w) * nl + l];
        } else if (w >= 0 && m != kNoMonth) {
            if (m >= prof.prev_from && m <= prof.prev_to)
                ++prev[static_cast<std::size_t>(w)];
            if (m >= prof.from - 12 && m <= prof.to - 12)
                ++ly[static_cast<std::size_t>(w)];
        }
    }
    for (std::size_t l = 0; l < nl; ++l)
        if (layer_totals[l] == 0 && prof.layer_data[l] != PeriodData::None)
            prof.notes.push_back("layer '" + p.layers[l].name + "' matched no incidents in " +
                                 formatMonth(prof.from) + ".." + formatMonth(prof.to));

    prof.rows.resize(nw);
    for (std::size_t w = 0; w < nw; ++w) {
        WardRow& r = prof.rows[w];
        r.ward = w;
        r.code = wards.wards[w].code;
        r.name = wards.wards[w].name;
        r.count = cur[w];
        r.layer_counts.assign(per_layer.begin() + static_cast<std::ptrdiff_t>(w * nl),
                              per_layer.begin() + static_cast<std::ptrdiff_t>((w + 1) * nl));
        if (w < population.size() && population[w] && *population[w] > 0) {
            r.population = population[w];
            r.rate_per_1000 = static_cast<double>(r.count) * 1000.0 / *population[w];
        }
        if (prof.prev_covered) {
            r.prev_count = prev[w];
            r.change = cur[w] - prev[w];
            if (prev[w] > 0)
                r.change_pct =
                    100.0 * static_cast<double>(cur[w] - prev[w]) / static_cast<double>(prev[w]);
        }
        if (prof.last_year_covered) {
            r.last_year_count = ly[w];
            r.last_year_change = cur[w] - ly[w];
        }
    }
    // Competition ranking by count (1, 2, 2, 4).
    std::vector<std::size_t> order(nw);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        if (cur[a] != cur[b])
            return cur[a] > cur[b];
        return prof.rows[a].name < prof.rows[b].name;
    });
    for (std::size_t i = 0; i < order.size(); ++i) {
        const bool tie = i > 0 && cur[order[i]] == cur[order[i - 1]];
        prof.rows[order[i]].rank = tie ? prof.rows[order[i - 1]].rank : static_cast<int>(i + 1);
    }
    std::vector<WardRow> sorted;
    sorted.reserve(nw);
    for (auto i : order)
        sorted.push_back(std::move(prof.rows[i]));
    prof.rows = std::move(sorted);
    if (len > 0 && prof.count_data == PeriodData::None) {
        prof.notes.push_back("no data for " + formatSpan({prof.from, prof.to}) +
                             ": no source of the counted rows covers it (counts left blank)");
    } else if (len > 0 && prof.count_data == PeriodData::Partial) {
        prof.notes.push_back("the count is partial: " +
                             joinNotes(coverage_of_all.missingNotes(t, prof.from, prof.to)) +
                             "; change against other periods left blank");
    } else if (len > 0 && !complete) {
        prof.notes.push_back("the period has months without data (" +
                             formatSpans(coverage.gaps(prof.from, prof.to)) +
                             "): change against other periods left blank");
    } else if (!prof.prev_covered && len > 0) {
        const MonthSpan previous{prof.prev_from, prof.prev_to};
        const auto gaps = coverage.gaps(previous.first, previous.last);
        const bool none = gaps.size() == 1 && gaps[0] == previous;
        prof.notes.push_back(
            "the data does not cover the previous period (" + formatSpan(previous) +
            (none ? ": no data" : "; no data for " + formatSpans(gaps)) + "): change left blank");
    }
    if (complete && len <= 12 && !prof.last_year_covered)
        prof.notes.push_back("the data does not cover the same months a year earlier (" +
                             formatMonth(prof.from - 12) + ".." + formatMonth(prof.to - 12) +
                             "): last year's change left blank");
    return prof;
}

} // namespace sw
