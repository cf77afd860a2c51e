// Month parsing and formatting.
#include "core/month.hpp"

#include <doctest/doctest.h>

using namespace sw;

TEST_CASE("police.uk months parse and format round trip") {
    CHECK(parseMonth("2022-03") == makeMonth(2022, 3));
    CHECK(formatMonth(makeMonth(2022, 12)) == "2022-12");
    CHECK(makeMonth(2023, 1) - makeMonth(2022, 12) == 1);
    CHECK_FALSE(parseMonth("2022-13"));
    CHECK_FALSE(parseMonth("2022-3"));
    CHECK_FALSE(parseMonth("March"));
    CHECK_FALSE(parseMonth(""));
}

TEST_CASE("dates in partners' extracts map to their month") {
    CHECK(parseDateAsMonth("2022-03-15") == makeMonth(2022, 3));
    CHECK(parseDateAsMonth("2022-03-15T23:10:00") == makeMonth(2022, 3));
    CHECK(parseDateAsMonth("15/03/2022") == makeMonth(2022, 3));
    CHECK(parseDateAsMonth("1/3/2022 10:15") == makeMonth(2022, 3));
    CHECK(parseDateAsMonth("2022/03/15") == makeMonth(2022, 3));
    CHECK_FALSE(parseDateAsMonth("32/03/2022"));
    CHECK_FALSE(parseDateAsMonth("yesterday"));
}
