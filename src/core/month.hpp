// Months as integers (year * 12 + month - 1) and parsing of the date forms users' data carries.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sw {

using MonthIndex = std::int32_t; // year * 12 + (month - 1)
constexpr MonthIndex kNoMonth = INT32_MIN;

constexpr MonthIndex makeMonth(int year, int month) {
    return year * 12 + (month - 1);
}
constexpr int monthYear(MonthIndex m) {
    return m / 12;
}
constexpr int monthOfYear(MonthIndex m) {
    return m % 12 + 1;
}

// "YYYY-MM" exactly (police.uk's Month column); nullopt otherwise.
std::optional<MonthIndex> parseMonth(std::string_view text);
// Accepts YYYY-MM, YYYY-MM-DD (with any time suffix), DD/MM/YYYY and YYYY/MM/DD.
std::optional<MonthIndex> parseDateAsMonth(std::string_view text);
// "YYYY-MM".
std::string formatMonth(MonthIndex m);

} // namespace sw
