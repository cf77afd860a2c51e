// The board report's figures.
#include "session/board_figures.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>

namespace sw {
namespace {

MonthSpan resolvePeriod(const Session& s, const SelectionParams& sel) {
    MonthSpan p{sel.from, sel.to};
    if (p.first == kNoMonth)
        p.first = s.months().first();
    if (p.last == kNoMonth)
        p.last = s.months().last();
    return p;
}

constexpr const char* kMonthNames[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

} // namespace

const char* monthAbbrev(MonthIndex m) {
    return kMonthNames[monthOfYear(m) - 1];
}

std::string monthLabel(MonthIndex m) {
    return std::string(monthAbbrev(m)) + " " + std::to_string(monthYear(m));
}

std::string spanLabel(const MonthSpan& s) {
    return s.first == s.last ? monthLabel(s.first)
                             : monthLabel(s.first) + " to " + monthLabel(s.last);
}

std::string groupedCount(std::int64_t v) {
    std::string digits = std::to_string(v < 0 ? -v : v), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i && (digits.size() - i) % 3 == 0)
            out += ',';
        out += digits[i];
    }
    return (v < 0 ? "-" : "") + out;
}

std::string signedCount(std::int64_t v) {
    return (v > 0 ? "+" : "") + groupedCount(v);
}

std::string percentChange(std::int64_t now, std::int64_t before) {
    if (before <= 0)
        return "";
    const double pct = 100.0 * static_cast<double>(now - before) / static_cast<double>(before);
    char b[32];
    std::snprintf(b, sizeof b, "%+.1f%%", pct);
    return b;
}

MonthlyCounts wardMonthlyCounts(const Session& s, const SelectionParams& sel, std::int32_t ward,
                                MonthSpan* period) {
    const MonthSpan p = resolvePeriod(s, sel);
    if (period)
        *period = p;
    if (p.first == kNoMonth)
        return {};
    const MonthSpan span{std::min(previousPeriod(p).first, yearEarlier(p).first), p.last};
    return countByMonth(s.incidents(), sel.layers, span, s.months(), ward);
}

Result<BoardFigures> boardFigures(const Session& s, const SelectionParams& sel) {
    if (s.wards().empty())
        return badRequest("the board report needs wards: give --wards");
    if (auto st = checkPeriod(s.months(), sel.from, sel.to); !st)
        return st.failure();
    BoardFigures f;
    f.monthly = wardMonthlyCounts(s, sel, kStudyArea, &f.period);
    f.previous = previousPeriod(f.period);
    f.last_year = yearEarlier(f.period);
    f.missing = s.months().gaps(f.period.first, f.period.last);
    f.missing_year_before = s.months().gaps(f.last_year.first, f.last_year.last);

    ProfileParams pp;
    pp.from = f.period.first;
    pp.to = f.period.last;
    pp.layers = sel.layers;
    auto prof = s.wardProfile(pp);
    if (!prof)
        return prof.failure();
    f.profile = std::move(prof.value());
    if (f.profile.count_data == PeriodData::None) { // nothing to report: said, not zeros
        std::string why;
        for (const auto& n : f.profile.notes)
            if (n.rfind("layer '", 0) == 0)
                why += (why.empty() ? "" : "; ") + n;
        return badRequest("no data for " + formatSpan(f.period) + " from the sources of the " +
                          "layers" + (why.empty() ? "" : " (" + why + ")"));
    }
    f.outside_wards = f.profile.outside_wards;
    // The ward profile's rule: a comparison needs every month of both periods.
    f.has_previous = f.profile.prev_covered;
    f.has_last_year = f.profile.last_year_covered;

    const auto periodTotal = [&](std::size_t series, const MonthSpan& span, bool has) {
        return has ? f.monthly.total(series, span) : std::nullopt;
    };
    for (std::size_t i = 0; i < f.monthly.names.size(); ++i) {
        HeadlineRow r;
        r.layer = f.monthly.names[i];
        r.count = 0;
        for (MonthIndex m = f.period.first; m <= f.period.last; ++m)
            r.count += f.monthly.at(i, m).value_or(0);
        r.previous = periodTotal(i, f.previous, f.has_previous);
        r.last_year = periodTotal(i, f.last_year, f.has_last_year);
        std::size_t full = 0, none = 0, months = 0;
        for (MonthIndex m = f.period.first; m <= f.period.last; ++m, ++months) {
            full += f.monthly.at(i, m) && !f.monthly.partial(i, m) ? 1 : 0;
            none += f.monthly.at(i, m) ? 0 : 1;
        }
        r.data = full == months   ? PeriodData::Full
                 : none == months ? PeriodData::None
                                  : PeriodData::Partial;
        f.headline.push_back(r);
    }
    if (f.monthly.names.size() > 1) { // the incidents in any layer, as the ward profile counts
        HeadlineRow r;
        r.layer = "Any of the layers";
        std::int64_t prev = 0, ly = 0;
        for (const auto& w : f.profile.rows) {
            r.count += w.count;
            prev += w.prev_count.value_or(0);
            ly += w.last_year_count.value_or(0);
        }
        if (f.profile.prev_covered)
            r.previous = prev;
        if (f.profile.last_year_covered)
            r.last_year = ly;
        r.data = f.profile.count_data;
        f.headline.push_back(r);
    }
    for (const auto& n : f.profile.notes)
        if (n.rfind("layer '", 0) == 0 || n.rfind("the count is partial", 0) == 0 ||
            n.rfind("no data for", 0) == 0)
            f.coverage_notes.push_back(n);
    f.crime_types = countByCrimeType(s.incidents(), sel.layers, f.period, s.months());

    f.by_count.resize(f.profile.rows.size());
    std::iota(f.by_count.begin(), f.by_count.end(), 0); // rows are in rank order already
    for (std::size_t i = 0; i < f.profile.rows.size(); ++i)
        if (f.profile.rows[i].rate_per_1000)
            f.by_rate.push_back(i);
    std::stable_sort(f.by_rate.begin(), f.by_rate.end(), [&](std::size_t a, std::size_t b) {
        return *f.profile.rows[a].rate_per_1000 > *f.profile.rows[b].rate_per_1000;
    });
    return f;
}

} // namespace sw
