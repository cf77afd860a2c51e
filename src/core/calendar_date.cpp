// Day numbers from and to civil dates (Howard Hinnant's days_from_civil algorithm).
#include "core/calendar_date.hpp"

#include <cstdio>
#include <ctime>

namespace sw {

DayNumber makeDay(int y, int m, int d) {
    y -= m <= 2 ? 1 : 0;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void civilFromDays(DayNumber z, int& year, int& month, int& dom) {
    z += 719468;
    const int era = (z >= 0 ? z : z - 146096) / 146097;
    const int doe = z - era * 146097;
    const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int mp = (5 * doy + 2) / 153;
    dom = doy - (153 * mp + 2) / 5 + 1;
    month = mp < 10 ? mp + 3 : mp - 9;
    year = yoe + era * 400 + (month <= 2 ? 1 : 0);
}

std::optional<DayNumber> parseDay(std::string_view t) {
    if (t.size() != 10 || t[4] != '-' || t[7] != '-')
        return std::nullopt;
    int v[3] = {0, 0, 0};
    const int starts[3] = {0, 5, 8}, lengths[3] = {4, 2, 2};
    for (int f = 0; f < 3; ++f)
        for (int i = 0; i < lengths[f]; ++i) {
            const char c = t[static_cast<std::size_t>(starts[f] + i)];
            if (c < '0' || c > '9')
                return std::nullopt;
            v[f] = v[f] * 10 + (c - '0');
        }
    if (v[0] < 1900 || v[0] > 2200 || v[1] < 1 || v[1] > 12 || v[2] < 1 || v[2] > 31)
        return std::nullopt;
    const DayNumber day = makeDay(v[0], v[1], v[2]);
    int y = 0, m = 0, d = 0;
    civilFromDays(day, y, m, d);
    if (y != v[0] || m != v[1] || d != v[2]) // 2026-02-30
        return std::nullopt;
    return day;
}

std::optional<int> parseTimeOfDay(std::string_view t) {
    while (!t.empty() && t.front() == ' ')
        t.remove_prefix(1);
    const auto at = t.find_first_of("T ");
    if (at == std::string_view::npos)
        return std::nullopt;
    t.remove_prefix(at + 1);
    while (!t.empty() && t.front() == ' ')
        t.remove_prefix(1);
    const auto colon = t.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon > 2 || t.size() < colon + 3)
        return std::nullopt;
    int h = 0, m = 0;
    for (char c : t.substr(0, colon))
        if (c >= '0' && c <= '9')
            h = h * 10 + (c - '0');
        else
            return std::nullopt;
    for (char c : t.substr(colon + 1, 2))
        if (c >= '0' && c <= '9')
            m = m * 10 + (c - '0');
        else
            return std::nullopt;
    if (h > 23 || m > 59)
        return std::nullopt;
    return h * 60 + m;
}

namespace {

// The first two parts of a slash date ("03/14/2025 ..."): each one or two characters.
struct SlashParts {
    std::string_view first, middle, rest; // rest from the second slash
};
std::optional<SlashParts> slashParts(std::string_view t) {
    while (!t.empty() && t.front() == ' ')
        t.remove_prefix(1);
    const auto s1 = t.find('/');
    if (s1 == std::string_view::npos || s1 == 0 || s1 > 2)
        return std::nullopt;
    const auto s2 = t.find('/', s1 + 1);
    if (s2 == std::string_view::npos || s2 - s1 - 1 == 0 || s2 - s1 - 1 > 2)
        return std::nullopt;
    return SlashParts{t.substr(0, s1), t.substr(s1 + 1, s2 - s1 - 1), t.substr(s2)};
}

std::optional<int> smallNumber(std::string_view d) {
    int v = 0;
    for (char c : d)
        if (c >= '0' && c <= '9')
            v = v * 10 + (c - '0');
        else
            return std::nullopt;
    return v;
}

} // namespace

std::optional<std::string> dayFirstFromMonthFirst(std::string_view t) {
    const auto p = slashParts(t);
    if (!p)
        return std::nullopt;
    return std::string(p->middle) + "/" + std::string(p->first) + std::string(p->rest);
}

bool looksMonthFirst(std::string_view t) {
    const auto p = slashParts(t);
    if (!p)
        return false;
    const auto first = smallNumber(p->first), middle = smallNumber(p->middle);
    return first && middle && *first >= 1 && *first <= 12 && *middle > 12 && *middle <= 31;
}

std::optional<DayNumber> parseDateAsDay(std::string_view t) {
    while (!t.empty() && t.front() == ' ')
        t.remove_prefix(1);
    while (!t.empty() && t.back() == ' ')
        t.remove_suffix(1);
    const auto num = [](std::string_view d) -> std::optional<int> {
        if (d.empty() || d.size() > 4)
            return std::nullopt;
        int v = 0;
        for (char c : d) {
            if (c < '0' || c > '9')
                return std::nullopt;
            v = v * 10 + (c - '0');
        }
        return v;
    };
    const auto real = [](std::optional<int> y, std::optional<int> m,
                         std::optional<int> d) -> std::optional<DayNumber> {
        if (!y || !m || !d || *y < 1900 || *y > 2200 || *m < 1 || *m > 12 || *d < 1 || *d > 31)
            return std::nullopt;
        const DayNumber day = makeDay(*y, *m, *d);
        int yy = 0, mm = 0, dd = 0;
        civilFromDays(day, yy, mm, dd);
        if (yy != *y || mm != *m || dd != *d)
            return std::nullopt;
        return day;
    };
    if (t.size() >= 10 && (t[4] == '-' || t[4] == '/') && t[7] == t[4]) { // YYYY-MM-DD[...]
        if (t.size() > 10 && t[10] != 'T' && t[10] != ' ')
            return std::nullopt;
        return real(num(t.substr(0, 4)), num(t.substr(5, 2)), num(t.substr(8, 2)));
    }
    if (const auto space = t.find(' '); space != std::string_view::npos) // DD/MM/YYYY time
        t = t.substr(0, space);
    const auto s1 = t.find('/');
    const auto s2 = s1 == std::string_view::npos ? s1 : t.find('/', s1 + 1);
    if (s2 == std::string_view::npos || t.size() - s2 - 1 != 4)
        return std::nullopt;
    return real(num(t.substr(s2 + 1)), num(t.substr(s1 + 1, s2 - s1 - 1)), num(t.substr(0, s1)));
}

std::string formatDay(DayNumber day) {
    if (day == kNoDay)
        return "";
    int y = 0, m = 0, d = 0;
    civilFromDays(day, y, m, d);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return buf;
}

int weekday(DayNumber day) {
    // 1970-01-01 was a Thursday (3 with Monday = 0).
    const int w = (day + 3) % 7;
    return w < 0 ? w + 7 : w;
}

DayNumber weekStart(DayNumber day) {
    return day - weekday(day);
}

MonthIndex monthOfDay(DayNumber day) {
    int y = 0, m = 0, d = 0;
    civilFromDays(day, y, m, d);
    return makeMonth(y, m);
}

std::string utcNowText(const char* strftime_format) {
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char b[64];
    std::strftime(b, sizeof b, strftime_format, &utc);
    return b;
}

} // namespace sw
