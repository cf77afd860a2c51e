// Months with data: runs, gaps, full cover, and a period checked against them.
#include "core/month_coverage.hpp"

#include <doctest/doctest.h>

using namespace sw;

TEST_CASE("month coverage: runs and gaps, from rows in any order") {
    std::vector<MonthIndex> rows;
    for (int m = 7; m <= 11; ++m)
        rows.insert(rows.end(), 3, makeMonth(2022, m));
    for (int m = 4; m >= 1; --m)
        rows.push_back(makeMonth(2024, m));
    rows.push_back(kNoMonth);
    const MonthCoverage c(rows);
    CHECK(c.months().size() == 9);
    CHECK(c.first() == makeMonth(2022, 7));
    CHECK(c.last() == makeMonth(2024, 4));
    CHECK(c.describe() == "2022-07..2022-11, 2024-01..2024-04");
    REQUIRE(c.gaps().size() == 1);
    CHECK(formatSpan(c.gaps()[0]) == "2022-12..2023-12");
    CHECK(c.covers(makeMonth(2022, 8), makeMonth(2022, 11)));
    CHECK_FALSE(c.covers(makeMonth(2022, 11), makeMonth(2023, 1)));
    CHECK(c.has(makeMonth(2024, 2)));
    CHECK_FALSE(c.has(makeMonth(2023, 6)));
    const auto runs = c.runs(makeMonth(2022, 9), makeMonth(2024, 2));
    REQUIRE(runs.size() == 2);
    CHECK(runs[0] == MonthSpan{makeMonth(2022, 9), makeMonth(2022, 11)});
    CHECK(runs[1].length() == 2);
    CHECK(formatSpans(c.gaps(makeMonth(2022, 1), makeMonth(2022, 12))) ==
          "2022-01..2022-06, 2022-12");
    CHECK(MonthCoverage().describe() == "no months");
}

TEST_CASE("checkPeriod: no data at all is an error naming the months; gaps are warnings") {
    std::vector<MonthIndex> rows;
    for (int m = 1; m <= 4; ++m)
        rows.push_back(makeMonth(2024, m));
    const MonthCoverage c(rows);
    auto outside = checkPeriod(c, makeMonth(2020, 1), makeMonth(2020, 6));
    REQUIRE_FALSE(outside);
    CHECK_FALSE(outside.badRequest());
    CHECK(outside.error() ==
          "the period 2020-01..2020-06 has no data: the data covers 2024-01..2024-04");
    auto partly = checkPeriod(c, makeMonth(2024, 3), makeMonth(2024, 6));
    REQUIRE(partly);
    REQUIRE(partly.value().size() == 1);
    CHECK(partly.value()[0].find("no data for 2024-05..2024-06") == 0);
    auto whole = checkPeriod(c, kNoMonth, kNoMonth);
    REQUIRE(whole);
    CHECK(whole.value().empty());
    CHECK(checkPeriod(c, makeMonth(2024, 4), makeMonth(2024, 1)).badRequest());
    // One end open: the period lies wholly after (or before) the data, not "ends before it
    // starts".
    auto after = checkPeriod(c, makeMonth(2030, 1), kNoMonth);
    REQUIRE_FALSE(after);
    CHECK(after.error() == "the period from 2030-01 has no data: the data covers 2024-01..2024-04");
    auto before = checkPeriod(c, kNoMonth, makeMonth(2020, 1));
    REQUIRE_FALSE(before);
    CHECK(before.error() ==
          "the period up to 2020-01 has no data: the data covers 2024-01..2024-04");
}

TEST_CASE("coverage from the rows kept (crimes), not from stop and search rows") {
    const std::vector<MonthIndex> rows{makeMonth(2024, 1), makeMonth(2024, 2), makeMonth(2024, 3),
                                       kNoMonth};
    const MonthCoverage crimes(rows, {1, 0, 1, 1});
    CHECK(crimes.describe() == "2024-01, 2024-03");
    REQUIRE(crimes.span());
    CHECK(crimes.span()->first == makeMonth(2024, 1));
    CHECK(crimes.span()->last == makeMonth(2024, 3));
    CHECK_FALSE(MonthCoverage().span());
}
