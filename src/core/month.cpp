// Month parsing and formatting.
#include "core/month.hpp"

#include <charconv>
#include <cstdio>

namespace sw {
namespace {

std::optional<int> digits(std::string_view s) {
    if (s.empty())
        return std::nullopt;
    int v = 0;
    for (char c : s) {
        if (c < '0' || c > '9')
            return std::nullopt;
        v = v * 10 + (c - '0');
    }
    return v;
}

std::optional<MonthIndex> checked(std::optional<int> y, std::optional<int> m) {
    if (!y || !m || *y < 1900 || *y > 2200 || *m < 1 || *m > 12)
        return std::nullopt;
    return makeMonth(*y, *m);
}

} // namespace

std::optional<MonthIndex> parseMonth(std::string_view t) {
    if (t.size() != 7 || t[4] != '-')
        return std::nullopt;
    return checked(digits(t.substr(0, 4)), digits(t.substr(5, 2)));
}

std::optional<MonthIndex> parseDateAsMonth(std::string_view t) {
    while (!t.empty() && t.front() == ' ')
        t.remove_prefix(1);
    while (!t.empty() && t.back() == ' ')
        t.remove_suffix(1);
    if (t.size() >= 7 && (t[4] == '-' || t[4] == '/')) { // YYYY-MM[-DD...]
        if (t.size() > 7 && t[7] != t[4])
            return std::nullopt;
        return checked(digits(t.substr(0, 4)), digits(t.substr(5, 2)));
    }
    // DD/MM/YYYY or D/M/YYYY (UK order), with an optional time after a space.
    const auto space = t.find(' ');
    if (space != std::string_view::npos)
        t = t.substr(0, space);
    const auto s1 = t.find('/');
    if (s1 == std::string_view::npos)
        return std::nullopt;
    const auto s2 = t.find('/', s1 + 1);
    if (s2 == std::string_view::npos)
        return std::nullopt;
    const auto day = digits(t.substr(0, s1));
    if (!day || *day < 1 || *day > 31)
        return std::nullopt;
    return checked(digits(t.substr(s2 + 1)), digits(t.substr(s1 + 1, s2 - s1 - 1)));
}

std::string formatMonth(MonthIndex m) {
    if (m == kNoMonth)
        return "";
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d", monthYear(m), monthOfYear(m));
    return buf;
}

} // namespace sw
