// Sources of rows and the coverage of a selection.
#include "core/incident_source.hpp"

#include "core/incident_table.hpp"

#include <algorithm>

namespace sw {

namespace {
std::string thousands(std::uint64_t n) {
    return withThousands(static_cast<long long>(n));
}
} // namespace

std::string IncidentSource::describe() const {
    std::string s = name + (is_public ? " (public)" : " (not public)") + ": " + months.describe() +
                    ", " + thousands(rows) + (rows == 1 ? " row" : " rows");
    if (declared)
        s += "; declared to cover " + formatSpan(*declared);
    if (dated())
        s += "; dated by day";
    else if (dated_rows > 0)
        s += "; " + thousands(dated_rows) + " of them dated by day";
    if (timed_rows > 0)
        s += timed_rows == dated_rows ? ", with times"
                                      : ", " + thousands(timed_rows) + " with times";
    return s;
}

bool SelectionCoverage::anyIn(MonthIndex first, MonthIndex last) const {
    return !full.within(first, last).empty() || !partial.within(first, last).empty();
}

std::vector<std::string> SelectionCoverage::missingNotes(const IncidentTable& t, MonthIndex first,
                                                         MonthIndex last) const {
    std::vector<std::string> out;
    for (std::size_t s : sources) {
        if (s >= t.sources.size())
            continue;
        const MonthCoverage& m = t.sources[s].months;
        std::vector<MonthSpan> gaps;
        for (MonthIndex mo = first; mo <= last; ++mo)
            if (!m.has(mo)) {
                if (!gaps.empty() && gaps.back().last == mo - 1)
                    gaps.back().last = mo;
                else
                    gaps.push_back({mo, mo});
            }
        if (!gaps.empty())
            out.push_back(t.sources[s].name + " has no data for " + formatSpans(gaps));
    }
    return out;
}

SelectionCoverage coverageOf(const IncidentTable& t, const std::vector<std::uint8_t>& rows) {
    SelectionCoverage out;
    const auto crimes = rows.empty() ? t.rowsOfKind("") : std::vector<std::uint8_t>{};
    const auto selected = [&](std::size_t i) {
        return rows.empty() ? crimes.empty() || crimes[i] != 0 : rows[i] != 0;
    };
    if (t.sources.empty()) { // one implicit source: the months of the table's crime rows
        out.full = MonthCoverage(t.month, t.rowsOfKind(""));
        return out;
    }
    std::vector<std::uint8_t> held(t.sources.size(), 0);
    for (std::size_t i = 0; i < t.size(); ++i)
        if (selected(i))
            held[t.sourceOf(i)] = 1;
    for (std::size_t s = 0; s < held.size(); ++s)
        if (held[s])
            out.sources.push_back(s);
    std::vector<MonthIndex> all, some;
    if (out.sources.empty()) {
        // Nothing selected anywhere: zero wherever any source of crimes has data.
        for (std::size_t s = 0; s < t.sources.size(); ++s)
            if (t.sources[s].kind.empty())
                all.insert(all.end(), t.sources[s].months.months().begin(),
                           t.sources[s].months.months().end());
        out.full = MonthCoverage(all);
        return out;
    }
    for (std::size_t s : out.sources)
        some.insert(some.end(), t.sources[s].months.months().begin(),
                    t.sources[s].months.months().end());
    std::sort(some.begin(), some.end());
    some.erase(std::unique(some.begin(), some.end()), some.end());
    std::vector<MonthIndex> part;
    for (MonthIndex m : some) {
        const bool every = std::all_of(out.sources.begin(), out.sources.end(),
                                       [&](std::size_t s) { return t.sources[s].months.has(m); });
        (every ? all : part).push_back(m);
    }
    out.full = MonthCoverage(all);
    out.partial = MonthCoverage(part);
    return out;
}

} // namespace sw
