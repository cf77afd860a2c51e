// Calendar days for the street-week schedule: a day number (days since 1970-01-01, proleptic
// Gregorian), ISO "YYYY-MM-DD" text, weekdays and the police.uk month a day falls in.
#pragma once

#include "core/month.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sw {

using DayNumber = std::int32_t;
constexpr DayNumber kNoDay = INT32_MIN;

DayNumber makeDay(int year, int month, int day);
// "2026-03-02" (strict: four-digit year, two-digit month and day, a real date).
std::optional<DayNumber> parseDay(std::string_view text);
std::string formatDay(DayNumber day);
// The day of a partner's date: "2025-03-14", "2025/03/14" or "14/03/2025" (UK order), with or
// without a time after it ("2025-03-14T22:10", "14/03/2025 22:10"); nullopt for a month alone
// ("2025-03") or anything that is not a real date.
std::optional<DayNumber> parseDateAsDay(std::string_view text);
// A US-ordered slash date ("03/14/2025", "3/14/2025 22:10") in UK order ("14/03/2025 ...");
// nullopt when the text is not a slash date with the year last.
std::optional<std::string> dayFirstFromMonthFirst(std::string_view text);
// Whether a date that failed to read is a slash date whose middle part is above 12 (a day): a
// month/day/year date read as day/month/year.
bool looksMonthFirst(std::string_view text);
// The time in a partner's date ("2025-03-14T22:10", "14/03/2025 22:10:05", "2025/03/14 07:05"):
// minutes after midnight; nullopt when there is no time or it is not a real one. Seconds and a
// trailing zone ("Z", "+01:00") are read past, not applied: the extract's own clock is kept.
std::optional<int> parseTimeOfDay(std::string_view text);
// 0 = Monday .. 6 = Sunday.
int weekday(DayNumber day);
// The Monday of the week holding the day.
DayNumber weekStart(DayNumber day);
// The month (as police.uk publishes) the day falls in.
MonthIndex monthOfDay(DayNumber day);
// Year, month (1-12) and day of a day number.
void civilFromDays(DayNumber day, int& year, int& month, int& dom);

// Now in UTC, as "YYYY-MM-DD HH:MM UTC" (reports and saved images say when they were made) or
// in another strftime format (the plan's history: "%Y-%m-%dT%H:%M:%SZ").
std::string utcNowText(const char* strftime_format = "%Y-%m-%d %H:%M UTC");

} // namespace sw
