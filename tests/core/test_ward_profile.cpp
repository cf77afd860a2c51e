// Ward profile: counts, layers, rate, rank with ties, previous period and last year.
#include "core/ward_profile.hpp"

#include <doctest/doctest.h>

using namespace sw;

namespace {
WardSet wards3() {
    WardSet w;
    for (const char* n : {"Alpha", "Bravo", "Charlie"}) {
        Ward x;
        x.code = std::string("E0500000") + n[0];
        x.name = n;
        w.wards.push_back(x);
    }
    return w;
}

void add(IncidentTable& t, int ward, MonthIndex m, const char* type) {
    t.x.push_back(0);
    t.y.push_back(0);
    t.month.push_back(m);
    t.ward.push_back(ward);
    t.line.push_back(1);
    t.file.push_back(0);
    t.crime_type.push(type);
}
} // namespace

TEST_CASE("counts, rank, rate and change against the previous period") {
    IncidentTable t;
    const MonthIndex jan = makeMonth(2023, 1), feb = makeMonth(2023, 2);
    const MonthIndex nov = makeMonth(2022, 11), dec = makeMonth(2022, 12);
    // Period Jan-Feb 2023: Alpha 3, Bravo 3, Charlie 1, outside 2.
    for (int i = 0; i < 3; ++i)
        add(t, 0, jan, "Drugs");
    for (int i = 0; i < 2; ++i)
        add(t, 1, feb, "Anti-social behaviour");
    add(t, 1, jan, "Drugs");
    add(t, 2, feb, "Robbery");
    add(t, kOutsideWards, jan, "Drugs");
    add(t, kOutsideWards, feb, "Drugs");
    // Previous period Nov-Dec 2022: Alpha 1, Charlie 4.
    add(t, 0, nov, "Drugs");
    for (int i = 0; i < 4; ++i)
        add(t, 2, dec, "Robbery");

    ProfileParams p;
    p.from = jan;
    p.to = feb;
    const std::vector<std::optional<double>> pop = {1000.0, 2000.0, std::nullopt};
    auto prof = computeWardProfile(t, wards3(), p, pop);
    REQUIRE(prof);
    const auto& r = prof.value();
    CHECK(r.total_in_period == 9);
    CHECK(r.outside_wards == 2);
    CHECK(r.prev_from == nov);
    CHECK(r.prev_covered);
    CHECK_FALSE(r.last_year_covered);
    REQUIRE(r.rows.size() == 3);
    // Alpha and Bravo tie on 3 (rank 1, sorted by name), Charlie is rank 3.
    CHECK(r.rows[0].name == "Alpha");
    CHECK(r.rows[0].rank == 1);
    CHECK(r.rows[1].name == "Bravo");
    CHECK(r.rows[1].rank == 1);
    CHECK(r.rows[2].rank == 3);
    CHECK(r.rows[0].rate_per_1000 == doctest::Approx(3.0));
    CHECK(r.rows[1].rate_per_1000 == doctest::Approx(1.5));
    CHECK_FALSE(r.rows[2].rate_per_1000);
    CHECK(r.rows[0].prev_count == 1);
    CHECK(r.rows[0].change == 2);
    CHECK(r.rows[0].change_pct == doctest::Approx(200.0));
    CHECK(r.rows[2].change == -3);
    CHECK(r.rows[1].prev_count == 0);
    CHECK_FALSE(r.rows[1].change_pct); // no percentage change from zero
}

TEST_CASE("layers: count is the union, one column per layer, empty layers noted") {
    IncidentTable t;
    const MonthIndex m = makeMonth(2023, 5);
    add(t, 0, m, "Drugs");
    add(t, 0, m, "Anti-social behaviour");
    add(t, 0, m, "Robbery");
    add(t, 1, m, "Drugs");
    ProfileParams p;
    const auto d = defaultLayers();
    p.layers = {d[1], d[4], d[2]}; // ASB, Drugs, Weapons
    auto prof = computeWardProfile(t, wards3(), p, {});
    REQUIRE(prof);
    const auto& alpha = prof.value().rows[0];
    CHECK(alpha.name == "Alpha");
    CHECK(alpha.count == 2);
    CHECK(alpha.layer_counts == std::vector<std::int64_t>{1, 1, 0});
    CHECK(prof.value().layer_keys == std::vector<std::string>{"asb", "drugs", "weapons"});
    bool noted = false;
    for (const auto& n : prof.value().notes)
        noted = noted || n.find("Weapons") != std::string::npos;
    CHECK(noted);
    CHECK_FALSE(prof.value().prev_covered); // one month of data: no previous period
    CHECK_FALSE(prof.value().rows[0].change);
}

TEST_CASE("same period last year") {
    IncidentTable t;
    add(t, 0, makeMonth(2022, 3), "Drugs");
    add(t, 0, makeMonth(2022, 3), "Drugs");
    add(t, 0, makeMonth(2023, 3), "Drugs");
    ProfileParams p;
    p.from = p.to = makeMonth(2023, 3);
    auto prof = computeWardProfile(t, wards3(), p, {});
    REQUIRE(prof);
    CHECK(prof.value().last_year_covered);
    const auto& alpha = prof.value().rows[0];
    CHECK(alpha.last_year_count == 2);
    CHECK(alpha.last_year_change == -1);
}

TEST_CASE("a period that ends before it starts is refused") {
    ProfileParams p;
    p.from = makeMonth(2023, 5);
    p.to = makeMonth(2023, 1);
    CHECK_FALSE(p.validate());
}
