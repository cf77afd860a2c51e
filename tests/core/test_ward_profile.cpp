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

namespace {
// Two sources: police.uk's (public, 2025-01..2025-12) and a council log (2025-01..2025-06).
IncidentTable twoSources() {
    IncidentTable t;
    t.files = {"police.csv", "council.csv"};
    t.source_of_file = {0, 1};
    for (int mo = 1; mo <= 12; ++mo) {
        add(t, 0, makeMonth(2025, mo), "Anti-social behaviour");
        add(t, 1, makeMonth(2025, mo), "Drugs");
    }
    for (int mo = 1; mo <= 6; ++mo) {
        add(t, 0, makeMonth(2025, mo), "Noise nuisance");
        t.file.back() = 1;
    }
    IncidentSource police, council;
    police.name = "police.uk street-level crime";
    police.is_public = police.police_uk = true;
    council.name = "council.csv";
    std::vector<MonthIndex> all, half;
    for (int mo = 1; mo <= 12; ++mo)
        (mo <= 6 ? half : all).push_back(makeMonth(2025, mo));
    all.insert(all.end(), half.begin(), half.end());
    police.months = MonthCoverage(all);
    council.months = MonthCoverage(half);
    t.sources = {police, council};
    return t;
}
LayerRule typesLayer(const std::string& spec) {
    auto r = parseLayerRule(spec);
    REQUIRE(r);
    return r.value();
}
} // namespace

TEST_CASE("a month a layer's sources do not cover is no data, not zero; a mix is partial") {
    const IncidentTable t = twoSources();
    const auto noise = typesLayer("Noise: types=Noise nuisance");
    const auto asb = typesLayer("ASB: types=Anti-social behaviour");

    // The council's layer alone, July to December: no data (the old code gave 0 and a fall).
    ProfileParams p;
    p.from = makeMonth(2025, 7);
    p.to = makeMonth(2025, 12);
    p.layers = {noise, asb};
    auto late = computeWardProfile(t, wards3(), p, {});
    REQUIRE(late);
    REQUIRE(late.value().layer_data.size() == 2);
    CHECK(late.value().layer_data[0] == PeriodData::None);
    CHECK(late.value().layer_data[1] == PeriodData::Full);
    // The layers together: police.uk covers the months, the council does not: partial.
    CHECK(late.value().count_data == PeriodData::Partial);
    CHECK_FALSE(late.value().prev_covered); // a partial period is not compared
    bool said = false;
    for (const auto& n : late.value().notes)
        said = said || n.find("layer 'Noise': no data for 2025-07..2025-12") != std::string::npos;
    CHECK(said);

    // January to June: every source covers it; the council's counts are there.
    p.from = makeMonth(2025, 1);
    p.to = makeMonth(2025, 6);
    auto early = computeWardProfile(t, wards3(), p, {});
    REQUIRE(early);
    CHECK(early.value().layer_data[0] == PeriodData::Full);
    CHECK(early.value().count_data == PeriodData::Full);
    CHECK(early.value().total_in_period == 12);

    // Across the edge: the council's layer is partial, and the note names the months.
    p.from = makeMonth(2025, 5);
    p.to = makeMonth(2025, 8);
    p.layers = {noise};
    auto across = computeWardProfile(t, wards3(), p, {});
    REQUIRE(across);
    CHECK(across.value().layer_data[0] == PeriodData::Partial);
    said = false;
    for (const auto& n : across.value().notes)
        said = said || n.find("council.csv has no data for 2025-07..2025-08") != std::string::npos;
    CHECK(said);

    // A layer no row matches counts 0 wherever any source of crimes has data.
    p.layers = {typesLayer("Arson: types=Arson")};
    auto none = computeWardProfile(t, wards3(), p, {});
    REQUIRE(none);
    CHECK(none.value().layer_data[0] == PeriodData::Full);
}

TEST_CASE("coverageOf: the sources of the selected rows, their months in full and in part") {
    const IncidentTable t = twoSources();
    std::vector<std::uint8_t> council(t.size(), 0), police(t.size(), 0);
    for (std::size_t i = 0; i < t.size(); ++i)
        (t.sourceOf(i) == 1 ? council : police)[i] = 1;
    const auto c = coverageOf(t, council);
    CHECK(c.sources == std::vector<std::size_t>{1});
    CHECK(c.full.describe() == "2025-01..2025-06");
    CHECK(c.partial.empty());
    const auto all = coverageOf(t, {});
    CHECK(all.sources == std::vector<std::size_t>{0, 1});
    CHECK(all.full.describe() == "2025-01..2025-06");
    CHECK(all.partial.describe() == "2025-07..2025-12");
    CHECK(all.anyIn(makeMonth(2025, 7), makeMonth(2025, 12)));
    CHECK_FALSE(all.covers(makeMonth(2025, 6), makeMonth(2025, 7)));
    CHECK(coverageOf(t, police).full.describe() == "2025-01..2025-12");
    CHECK_FALSE(t.rowIsPublic(t.size() - 1));
    CHECK(t.rowIsPublic(0));
}
