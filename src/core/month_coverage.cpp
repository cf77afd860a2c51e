// Months with data, runs and gaps.
#include "core/month_coverage.hpp"

#include <algorithm>

namespace sw {

std::string formatSpan(const MonthSpan& s) {
    if (s.first == kNoMonth && s.last == kNoMonth)
        return "every incident (no months)";
    return s.first == s.last ? formatMonth(s.first)
                             : formatMonth(s.first) + ".." + formatMonth(s.last);
}

std::string formatSpans(const std::vector<MonthSpan>& spans) {
    std::string s;
    for (const auto& span : spans)
        s += (s.empty() ? "" : ", ") + formatSpan(span);
    return s;
}

MonthCoverage::MonthCoverage(const std::vector<MonthIndex>& row_months)
    : MonthCoverage(row_months, {}) {}

MonthCoverage::MonthCoverage(const std::vector<MonthIndex>& row_months,
                             const std::vector<std::uint8_t>& keep) {
    for (std::size_t i = 0; i < row_months.size(); ++i) {
        const MonthIndex m = row_months[i];
        if (m != kNoMonth && (keep.empty() || keep[i]) && (months_.empty() || months_.back() != m))
            months_.push_back(m);
    }
    std::sort(months_.begin(), months_.end());
    months_.erase(std::unique(months_.begin(), months_.end()), months_.end());
}

bool MonthCoverage::has(MonthIndex m) const {
    return std::binary_search(months_.begin(), months_.end(), m);
}

std::vector<MonthIndex> MonthCoverage::within(MonthIndex first, MonthIndex last) const {
    return {std::lower_bound(months_.begin(), months_.end(), first),
            std::upper_bound(months_.begin(), months_.end(), last)};
}

bool MonthCoverage::covers(MonthIndex first, MonthIndex last) const {
    return first <= last && static_cast<MonthIndex>(within(first, last).size()) == last - first + 1;
}

std::vector<MonthSpan> MonthCoverage::runs(MonthIndex first, MonthIndex last) const {
    std::vector<MonthSpan> out;
    for (MonthIndex m : within(first, last)) {
        if (!out.empty() && out.back().last + 1 == m)
            out.back().last = m;
        else
            out.push_back({m, m});
    }
    return out;
}

std::vector<MonthSpan> MonthCoverage::runs() const {
    return empty() ? std::vector<MonthSpan>{} : runs(first(), last());
}

std::vector<MonthSpan> MonthCoverage::gaps(MonthIndex first, MonthIndex last) const {
    std::vector<MonthSpan> out;
    MonthIndex next = first;
    for (const auto& r : runs(first, last)) {
        if (r.first > next)
            out.push_back({next, r.first - 1});
        next = r.last + 1;
    }
    if (next <= last)
        out.push_back({next, last});
    return out;
}

std::vector<MonthSpan> MonthCoverage::gaps() const {
    return empty() ? std::vector<MonthSpan>{} : gaps(first(), last());
}

std::string MonthCoverage::describe() const {
    return empty() ? "no months" : formatSpans(runs());
}

Result<std::vector<std::string>> checkPeriod(const MonthCoverage& c, MonthIndex from,
                                             MonthIndex to) {
    if (c.empty())
        return std::vector<std::string>{};
    const MonthIndex a = from == kNoMonth ? c.first() : from;
    const MonthIndex b = to == kNoMonth ? c.last() : to;
    const MonthSpan period{a, b};
    if (a > b && from != kNoMonth && to == kNoMonth)
        return Error{"the period from " + formatMonth(from) + " has no data: the data covers " +
                     c.describe()};
    if (a > b && from == kNoMonth && to != kNoMonth)
        return Error{"the period up to " + formatMonth(to) + " has no data: the data covers " +
                     c.describe()};
    if (a > b)
        return badRequest("the period ends (" + formatMonth(b) + ") before it starts (" +
                          formatMonth(a) + ")");
    if (c.within(a, b).empty())
        return Error{"the period " + formatSpan(period) + " has no data: the data covers " +
                     c.describe()};
    std::vector<std::string> warnings;
    for (const auto& g : c.gaps(a, b))
        warnings.push_back("no data for " + formatSpan(g) + " in the period " + formatSpan(period) +
                           " (the data covers " + c.describe() + ")");
    return warnings;
}

} // namespace sw
