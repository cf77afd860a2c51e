// Which months the loaded data has rows for. A month with no rows in any file is "no data",
// not zero: comparisons, trends and periods are checked against it.
#pragma once

#include "core/month.hpp"
#include "core/result.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace sw {

// An inclusive run of months.
struct MonthSpan {
    MonthIndex first = kNoMonth, last = kNoMonth;
    MonthIndex length() const { return last - first + 1; }
    bool operator==(const MonthSpan&) const = default;
};
// "2022-01..2022-06", or "2022-01" for one month.
std::string formatSpan(const MonthSpan& span);

class MonthCoverage {
  public:
    MonthCoverage() = default;
    // From each row's month (kNoMonth rows are ignored).
    explicit MonthCoverage(const std::vector<MonthIndex>& row_months);
    // From the rows whose keep flag is set (an empty keep: every row).
    MonthCoverage(const std::vector<MonthIndex>& row_months, const std::vector<std::uint8_t>& keep);

    bool empty() const { return months_.empty(); }
    bool has(MonthIndex m) const;
    // Every month of the span has data.
    bool covers(MonthIndex first, MonthIndex last) const;
    // Months of the span with data, in order.
    std::vector<MonthIndex> within(MonthIndex first, MonthIndex last) const;
    // Runs of consecutive months with data (in the span, when given).
    std::vector<MonthSpan> runs() const;
    std::vector<MonthSpan> runs(MonthIndex first, MonthIndex last) const;
    // Runs of months without data between the first and the last month with data.
    std::vector<MonthSpan> gaps() const;
    std::vector<MonthSpan> gaps(MonthIndex first, MonthIndex last) const;
    MonthIndex first() const { return months_.empty() ? kNoMonth : months_.front(); }
    // The first to the last month with data; nullopt when there is none.
    std::optional<MonthSpan> span() const {
        return months_.empty() ? std::nullopt
                               : std::optional<MonthSpan>(MonthSpan{first(), last()});
    }
    MonthIndex last() const { return months_.empty() ? kNoMonth : months_.back(); }
    // "2022-01..2022-06, 2025-01..2025-12" (or "no months" when empty).
    std::string describe() const;
    const std::vector<MonthIndex>& months() const { return months_; }

  private:
    std::vector<MonthIndex> months_; // sorted, unique
};

// "2022-07..2022-11, 2023-03" for a list of spans.
std::string formatSpans(const std::vector<MonthSpan>& spans);

// A period against the data: an error (naming the months the data covers) when no month of
// it has data; otherwise a warning line for each run of months in it without data (empty
// when it is wholly covered). An open end (kNoMonth) is the data's first or last month.
Result<std::vector<std::string>> checkPeriod(const MonthCoverage& coverage, MonthIndex from,
                                             MonthIndex to);

} // namespace sw
