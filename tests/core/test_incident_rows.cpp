// Schema detection and row validation: every rejected row is counted with its line.
#include "core/calendar_date.hpp"
#include "core/csv_records.hpp"
#include "core/incident_rows.hpp"

#include <doctest/doctest.h>

#include <map>

using namespace sw;

namespace {
std::vector<std::string_view> header(const std::string& line, std::vector<std::string>& storage) {
    CsvRecordReader r(line);
    std::vector<std::string_view> f;
    r.next(f);
    storage.assign(f.begin(), f.end());
    return {storage.begin(), storage.end()};
}
} // namespace

TEST_CASE("the police.uk header is recognised") {
    std::vector<std::string> st;
    auto s = detectIncidentSchema(
        header("Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,"
               "LSOA code,LSOA name,Crime type,Last outcome category,Context",
               st),
        {});
    REQUIRE(s);
    CHECK(s.value().police_uk);
    CHECK(s.value().x_col == 4);
    CHECK(s.value().y_col == 5);
    CHECK(s.value().month_col == 1);
    CHECK(s.value().type_col == 9);
    CHECK(s.value().coords == CoordKind::LonLat);
    CHECK(s.value().text_names.size() == 8);
}

TEST_CASE("partner extracts with easting/northing and a date are detected") {
    std::vector<std::string> st;
    auto s = detectIncidentSchema(
        header("ref,Offence Date,Easting,Northing,Offence,Knife flag", st), {});
    REQUIRE(s);
    CHECK_FALSE(s.value().police_uk);
    CHECK(s.value().coords == CoordKind::Projected);
    CHECK(s.value().x_col == 2);
    CHECK(s.value().month_col == 1);
    CHECK(s.value().type_col == 4);
}

TEST_CASE("user-named columns win, unknown names are errors, no coordinates is an error") {
    std::vector<std::string> st;
    CsvColumnOptions o;
    o.x = "gx";
    o.y = "gy";
    auto s = detectIncidentSchema(header("gx,gy,when", st), o);
    REQUIRE(s);
    CHECK(s.value().x_col == 0);
    o.x = "nope";
    CHECK_FALSE(detectIncidentSchema(header("gx,gy,when", st), o));
    auto bad = detectIncidentSchema(header("name,address,when", st), {});
    REQUIRE_FALSE(bad);
    CHECK(bad.error().find("no usable coordinate columns") != std::string::npos);
}

TEST_CASE("rows are kept or rejected by reason with their line numbers") {
    std::vector<std::string> st;
    auto s = detectIncidentSchema(header("Month,Longitude,Latitude,Crime type,Context", st), {});
    REQUIRE(s);
    const std::string rows =
        "2022-01,0.5,51.4,Drugs,\r\n"    // line 1: kept
        "2022-01,,,Drugs,\r\n"           // 2: no coordinates
        "2022-01,abc,51.4,Drugs,\r\n"    // 3: unparsable
        "2022-01,nan,51.4,Drugs,\r\n"    // 4: not finite
        "2022-01,0.5,95,Drugs,\r\n"      // 5: out of range
        "2022-13,0.5,51.4,Drugs,\r\n"    // 6: bad month
        "2022-02,0.6,51.3,Robbery\r\n"   // 7: kept (missing trailing empty field)
        "2022-02,0.6\r\n"                // 8: wrong number of fields
        "2022-02,inf,51.3,Robbery,\r\n"; // 9: not finite
    auto p = parseIncidentRows(rows, s.value(), ',');
    CHECK(p.records == 9);
    REQUIRE(p.table.size() == 2);
    CHECK(p.table.x[0] == doctest::Approx(0.5));
    CHECK(p.table.month[1] == makeMonth(2022, 2));
    CHECK(p.table.crime_type.at(1) == "Robbery");
    CHECK(p.table.line[1] == 7);
    CHECK(p.rejected.total() == 7);
    std::map<std::string, std::uint64_t> by;
    for (const auto& r : p.rejected.reasons())
        by[r.reason] = r.count;
    CHECK(by["no coordinates"] == 1);
    CHECK(by["unparsable coordinate"] == 1);
    CHECK(by["coordinate not finite (NaN or infinity)"] == 2);
    CHECK(by["longitude/latitude out of range"] == 1);
    CHECK(by["unparsable month or date"] == 1);
    CHECK(p.rejected.reasons()[0].first_lines == std::vector<std::uint64_t>{2});
}

TEST_CASE("slash dates read day first unless the source says month first, and say which") {
    std::vector<std::string> st;
    CsvColumnOptions o;
    auto uk = detectIncidentSchema(header("Easting,Northing,Date", st), o);
    REQUIRE(uk);
    // 03/04/2025 is 3 April in the UK; 03/14/2025 cannot be day first: rejected with a hint.
    const std::string rows = "570000,160000,03/04/2025\n570000,160000,03/14/2025 22:10\n";
    const ParsedRows a = parseIncidentRows(rows, uk.value(), ',');
    REQUIRE(a.table.size() == 1);
    CHECK(a.table.dayOf(0) == makeDay(2025, 4, 3));
    REQUIRE(a.rejected.reasons().size() == 1);
    CHECK(a.rejected.reasons()[0].reason ==
          "date not day/month/year (month/day/year? give --date-order mdy)");
    o.month_first = true;
    auto us = detectIncidentSchema(header("Easting,Northing,Date", st), o);
    REQUIRE(us);
    const ParsedRows b = parseIncidentRows(rows, us.value(), ',');
    REQUIRE(b.table.size() == 2);
    CHECK(b.table.dayOf(0) == makeDay(2025, 3, 4));
    CHECK(b.table.dayOf(1) == makeDay(2025, 3, 14));
    CHECK(formatMonth(b.table.month[1]) == "2025-03");
    // ISO dates are the same either way.
    const ParsedRows c = parseIncidentRows("570000,160000,2025-03-14\n", us.value(), ',');
    REQUIRE(c.table.size() == 1);
    CHECK(c.table.dayOf(0) == makeDay(2025, 3, 14));
    CHECK(dayFirstFromMonthFirst("3/14/2025 22:10") ==
          std::optional<std::string>("14/3/2025 22:10"));
    CHECK_FALSE(dayFirstFromMonthFirst("2025/03/14"));
    CHECK(looksMonthFirst("03/14/2025"));
    CHECK_FALSE(looksMonthFirst("14/03/2025"));
}

TEST_CASE("a partner's times of day are kept with their days; dates without a time have none") {
    CHECK(parseTimeOfDay("14/03/2025 22:10") == 22 * 60 + 10);
    CHECK(parseTimeOfDay("2025-03-14T07:05:59Z") == 7 * 60 + 5);
    CHECK(parseTimeOfDay("2025/03/14 0:00:00") == 0);
    CHECK(parseTimeOfDay("2025-03-14 23:59+01:00") == 23 * 60 + 59);
    for (const char* t : {"2025-03-14", "14/03/2025", "2025-03-14 24:00", "2025-03-14 12:60",
                          "2025-03-14 noon", "2025-03"})
        CHECK_FALSE(parseTimeOfDay(t));
    std::vector<std::string> st;
    auto s = detectIncidentSchema(header("Easting,Northing,Date", st), {});
    REQUIRE(s);
    const ParsedRows p = parseIncidentRows(
        "570000,160000,14/03/2025\n570000,160000,14/03/2025 22:10\n570000,160000,2025-03\n",
        s.value(), ',');
    REQUIRE(p.table.size() == 3);
    CHECK(p.table.minuteOf(0) == -1);
    CHECK(p.table.minuteOf(1) == 22 * 60 + 10);
    CHECK(p.table.minuteOf(2) == -1);
    CHECK(p.table.dayOf(2) == kNoDay);
    // Kept through append and filtering.
    IncidentTable all;
    all.append(p.table);
    all.append(p.table);
    CHECK(all.minuteOf(4) == 22 * 60 + 10);
    const IncidentTable kept = filterRows(all, {0, 1, 0, 0, 1, 0});
    REQUIRE(kept.size() == 2);
    CHECK(kept.minuteOf(0) == 22 * 60 + 10);
    CHECK(kept.minuteOf(1) == 22 * 60 + 10);
}
