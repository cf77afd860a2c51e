// Counts by month and crime type: layers, the study area or one ward, months without data
// kept apart from zeros, and the comparison periods.
#include "core/period_counts.hpp"

#include <doctest/doctest.h>

using namespace sw;

namespace {
void add(IncidentTable& t, int ward, MonthIndex m, const char* type) {
    t.x.push_back(0);
    t.y.push_back(0);
    t.month.push_back(m);
    t.ward.push_back(ward);
    t.line.push_back(1);
    t.file.push_back(0);
    t.crime_type.push(type);
}

LayerRule layer(const char* name, const char* type) {
    LayerRule r;
    r.name = name;
    r.key = name;
    r.crime_types = {type};
    return r;
}
} // namespace

TEST_CASE("monthly counts per layer: a month without data is no data, not zero") {
    IncidentTable t;
    const MonthIndex jan = makeMonth(2025, 1), feb = makeMonth(2025, 2), apr = makeMonth(2025, 4);
    for (int i = 0; i < 3; ++i)
        add(t, 0, jan, "Drugs");
    add(t, 1, jan, "Robbery");
    add(t, kOutsideWards, jan, "Drugs"); // outside the study area: never counted
    add(t, 1, feb, "Robbery");
    add(t, 0, apr, "Drugs");
    const MonthCoverage cov(t.month); // no rows in March
    const std::vector<LayerRule> layers = {layer("Drugs", "Drugs"), layer("Robbery", "Robbery")};
    const auto mc = countByMonth(t, layers, {jan, apr}, cov);
    REQUIRE(mc.names.size() == 2);
    CHECK(mc.at(0, jan) == 3);
    CHECK(mc.at(1, jan) == 1);
    CHECK(mc.at(0, feb) == 0); // a month with data and no drugs: zero
    CHECK_FALSE(mc.at(0, makeMonth(2025, 3)).has_value());
    CHECK_FALSE(mc.at(0, makeMonth(2025, 5)).has_value()); // outside the span
    CHECK(mc.total(0, {jan, feb}) == 3);
    CHECK_FALSE(mc.total(0, {jan, apr}).has_value()); // March has no data
    const auto ward1 = countByMonth(t, layers, {jan, apr}, cov, 1);
    CHECK(ward1.at(0, jan) == 0);
    CHECK(ward1.at(1, feb) == 1);
    const auto all = countByMonth(t, {}, {jan, apr}, cov);
    REQUIRE(all.names.size() == 1);
    CHECK(all.names[0] == "All crimes");
    CHECK(all.at(0, jan) == 4);
}

TEST_CASE("crime types for a period with the previous period and a year earlier") {
    IncidentTable t;
    const MonthIndex p1 = makeMonth(2025, 7), p2 = makeMonth(2025, 12);
    for (MonthIndex m = makeMonth(2024, 7); m <= p2; ++m)
        add(t, 0, m, "Burglary"); // one a month: every month has data
    for (int i = 0; i < 5; ++i)
        add(t, 1, p1, "Robbery");
    add(t, 0, makeMonth(2025, 1), "Robbery");
    add(t, kOutsideWards, p1, "Shoplifting");
    const MonthCoverage cov(t.month);
    const auto ct = countByCrimeType(t, {}, {p1, p2}, cov);
    REQUIRE(ct.size() == 2); // shoplifting was outside the study area
    CHECK(ct[0].type == "Burglary");
    CHECK(ct[0].count == 6);
    CHECK(ct[0].previous == 6);
    CHECK(ct[0].last_year == 6);
    CHECK(ct[1].type == "Robbery");
    CHECK(ct[1].count == 5);
    CHECK(ct[1].previous == 1);
    CHECK(ct[1].last_year == 0);
    // Layers restrict the types counted; a period whose previous months lack data has none.
    const auto only = countByCrimeType(t, {layer("Robbery", "Robbery")}, {p1, p2},
                                       MonthCoverage(std::vector<MonthIndex>{p1, p2}));
    REQUIRE(only.size() == 1);
    CHECK(only[0].count == 5);
    CHECK_FALSE(only[0].previous.has_value());
    CHECK(previousPeriod({p1, p2}) == MonthSpan{makeMonth(2025, 1), makeMonth(2025, 6)});
    CHECK(yearEarlier({p1, p2}) == MonthSpan{makeMonth(2024, 7), makeMonth(2024, 12)});
}
