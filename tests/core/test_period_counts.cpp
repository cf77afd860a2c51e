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

TEST_CASE("ward charts: every ward's months and crime types in one pass, as countByMonth gives") {
    IncidentTable t;
    // Ward 0: 3 ASB in 2025-01, 1 burglary in 2025-02; ward 1: 2 ASB in 2025-02; five outside.
    const MonthIndex dec = makeMonth(2024, 12), jan = makeMonth(2025, 1), feb = makeMonth(2025, 2);
    for (int i = 0; i < 3; ++i)
        add(t, 0, jan, "Anti-social behaviour");
    add(t, 0, feb, "Burglary");
    for (int i = 0; i < 2; ++i)
        add(t, 1, feb, "Anti-social behaviour");
    for (int i = 0; i < 5; ++i)
        add(t, kOutsideWards, feb, "Anti-social behaviour");
    const MonthCoverage cov(t.month);
    const MonthSpan span{dec, feb};
    const MonthSpan period{feb, feb};
    const WardCharts c = countForWardCharts(t, {}, span, period, cov, 2);
    for (std::int32_t w : {kStudyArea, 0, 1}) {
        const MonthlyCounts direct = countByMonth(t, {}, span, cov, w);
        const MonthlyCounts from = c.monthly(w);
        CHECK(from.counts == direct.counts);
        CHECK(from.has_data == direct.has_data);
    }
    CHECK(c.monthly(0).at(0, jan) == 3);
    CHECK_FALSE(c.monthly(0).at(0, dec).has_value()); // no data, not zero
    const auto types = c.crimeTypes(kStudyArea);
    REQUIRE(types.size() == 2);
    CHECK(types[0].type == "Anti-social behaviour");
    CHECK(types[0].count == 2); // in the period, inside the wards
    CHECK(types[1].count == 1);
    REQUIRE(c.crimeTypes(1).size() == 1);
    CHECK(c.crimeTypes(1)[0].count == 2);
    CHECK(c.monthly(7).counts[0] == std::vector<std::int64_t>(3, 0));
    CHECK(c.crimeTypes(7).empty());
}
