// The street-week planner on data the test builds: area statistics against hand counts, the
// suggestion against greedy, the plan file round trip and atomic saving, the hold-out check.
#include "core/area_shape_edit.hpp"
#include "core/random.hpp"
#include "core/target_area.hpp"
#include "geo/crs_transform.hpp"
#include "geo/polygon_buffer.hpp"
#include "io/plan_file.hpp"
#include "planner_world.hpp"
#include "session/after_action.hpp"
#include "session/area_statistics.hpp"
#include "session/backtest.hpp"
#include "session/plan_context.hpp"
#include "session/plan_document.hpp"
#include "session/plan_evaluation.hpp"
#include "session/session.hpp"
#include "session/street_week_suggest.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <numbers>
#include <set>
#include <sys/stat.h>

using namespace sw;
using test::World;

TEST_CASE("area statistics: counts, share, PAI, wards, residents, previous period, streets") {
    World w;
    // Inside the rectangle [570800,571200] x [160400,160600] (0.08 km2, half in each ward):
    w.add(570900, 160500, "2022-03", "Anti-social behaviour", "High Street", 3);
    w.add(571100, 160500, "2022-03", "Robbery", "Parking Area", 2);
    w.add(571100, 160450, "2022-04", "Anti-social behaviour", "Mill Road");
    // Outside it, in the study area, and one outside the study area:
    w.add(570100, 160100, "2022-03", "Drugs", "Far Lane", 4);
    w.add(575000, 165000, "2022-03", "Drugs", "Elsewhere", 5);
    // The previous period (2022-01..02): one inside, one outside.
    w.add(570950, 160550, "2022-01", "Robbery", "High Street");
    w.add(571900, 160900, "2022-02", "Robbery", "Corner");
    Session s;
    w.load(s);
    AreaStatsRequest req;
    req.selection.from = makeMonth(2022, 3);
    req.selection.to = makeMonth(2022, 4);
    req.selection.layers = {*s.findLayer("asb")};
    auto all_req = req;
    all_req.selection.layers.clear();
    auto stats = AreaStatistics::prepare(s, all_req);
    REQUIRE(stats);
    const auto rect = rectangleShape(Point(570800, 160400), Point(571200, 160600));
    const AreaStats a = stats.value().of(rect);
    CHECK(a.area_km2 == doctest::Approx(0.08));
    CHECK(a.area_in_study_km2 == doctest::Approx(0.08));
    CHECK_FALSE(a.partly_outside);
    CHECK(a.current.incidents == 6);
    CHECK(a.current.study_incidents == 10); // the 5 outside the wards never count
    CHECK(a.current.share == doctest::Approx(0.6));
    CHECK(*a.current.pai == doctest::Approx(0.6 / (0.08 / 2.0)));
    CHECK(a.previous.has_data);
    CHECK(a.previous.incidents == 1);
    CHECK(a.previous.study_incidents == 2);
    REQUIRE(a.wards.size() == 2);
    CHECK(a.wards[0].share_of_area == doctest::Approx(0.5));
    CHECK(*a.residents == doctest::Approx(0.04 * 2000 + 0.04 * 4000));
    REQUIRE(a.streets.size() == 3);
    CHECK(a.streets[0].street == "High Street");
    CHECK(a.streets[0].incidents == 3);
    CHECK(a.streets[1].street == "Parking Area");
    CHECK(areaNameFrom(a, "A1") == "Near High Street");

    // One layer: its count; an area half outside the study area says so.
    auto asb = AreaStatistics::prepare(s, req);
    REQUIRE(asb);
    const AreaStats b = asb.value().of(rect);
    CHECK(b.current.incidents == 4);
    REQUIRE(b.current.per_layer.size() == 1);
    CHECK(b.current.per_layer[0] == 4);
    const auto edge = rectangleShape(Point(571800, 160000), Point(572200, 160100));
    const AreaStats e = asb.value().of(edge);
    CHECK(e.partly_outside);
    CHECK(e.area_in_study_km2 == doctest::Approx(0.02));
}

TEST_CASE("suggest: circles clear of each other and of planned areas, better than greedy") {
    World w;
    // Three clusters on a line: B (10 incidents) between A and C (9 each), 470 m from each.
    // With a 100 m radius and a 500 m gap, any circle reaching B is within 670 m (< 700) of
    // any circle reaching A or C; circles on A and C are 940 m apart and fit together.
    w.add(570030, 160500, "2022-03", "Drugs", "West Street", 9);
    w.add(570500, 160500, "2022-03", "Drugs", "Middle Street", 10);
    w.add(570970, 160500, "2022-03", "Drugs", "East Street", 9);
    w.add(571600, 160200, "2022-03", "Drugs", "Far Road", 2);
    Session s;
    w.load(s);
    SuggestRequest req;
    req.weeks = 2;
    req.radius_m = 100;
    req.min_gap_m = 500;
    req.step_m = 20;
    auto r = suggestAreas(s, req);
    REQUIRE(r);
    const SuggestResult& res = r.value();
    CHECK(res.choice.proved_optimal);
    CHECK(res.choice.greedy_value == doctest::Approx(12)); // B, then Far Road
    CHECK(res.choice.value == doctest::Approx(18));        // A and C
    REQUIRE(res.areas.size() == 2);
    for (const auto& a : res.areas) {
        CHECK(a.stats.current.incidents == 9);
        CHECK(a.area.shape_kind == AreaShape::Circle);
    }
    CHECK(bg::distance(res.areas[0].area.centre, res.areas[1].area.centre) >= 700);
    std::set<std::string> names{res.areas[0].area.name, res.areas[1].area.name};
    CHECK(names == std::set<std::string>{"Near East Street", "Near West Street"});
    // With A planned already, a new area keeps clear of it: C, and not B.
    TargetArea planned;
    planned.id = "A1";
    planned.shape = circleShape(Point(570030, 160500), 100);
    req.planned = {planned};
    req.weeks = 1;
    auto again = suggestAreas(s, req);
    REQUIRE(again);
    REQUIRE(again.value().areas.size() == 1);
    CHECK(again.value().areas[0].area.id == "A2");
    CHECK(again.value().areas[0].stats.current.incidents == 9);
    CHECK(again.value().areas[0].area.name == "Near East Street");
    CHECK(again.value().blocked > 0);
}

TEST_CASE("street names: police.uk's capital after an apostrophe reads as a possessive") {
    CHECK(possessiveFixed("St George'S Road") == "St George's Road");
    CHECK(possessiveFixed("Long'S Acre") == "Long's Acre");
    CHECK(possessiveFixed("O'Sullivan Way") == "O'Sullivan Way");
    CHECK(possessiveFixed("Rock'S") == "Rock's");
    CHECK(possessiveFixed("'S Gravesande Road") == "'S Gravesande Road");
}

TEST_CASE("suggest by harm: a table of crime type weights moves the choice, is recorded in the "
          "plan, and a type it misses is refused") {
    World w;
    w.add(570030, 160500, "2022-03", "Shoplifting", "West Street", 6);
    w.add(570970, 160500, "2022-03", "Robbery", "East Street", 3);
    w.add(571600, 160200, "2022-03", "Drugs", "Far Road", 1);
    Session s;
    w.load(s);
    SuggestRequest req;
    req.weeks = 1;
    req.radius_m = 100;
    auto counts = suggestAreas(s, req);
    REQUIRE(counts);
    REQUIRE(counts.value().areas.size() == 1);
    CHECK(counts.value().areas[0].area.name == "Near West Street");
    CHECK(counts.value().choice.value == doctest::Approx(6));

    auto harm = parseHarmWeights("# test weights\nRobbery,5\nShoplifting,1\n", "harm.csv");
    REQUIRE(harm);
    req.selection.harm = harm.value();
    auto missing = suggestAreas(s, req);
    REQUIRE(!missing);
    CHECK(missing.error() == "harm.csv gives no weight for Drugs (1 incident): add a row for "
                             "each, or '*,W' for every type not listed");
    req.selection.harm.others = 2;
    auto by_harm = suggestAreas(s, req);
    REQUIRE(by_harm);
    REQUIRE(by_harm.value().areas.size() == 1);
    CHECK(by_harm.value().areas[0].area.name == "Near East Street");
    CHECK(by_harm.value().choice.value == doctest::Approx(15));
    CHECK(by_harm.value().total_weight == doctest::Approx(6 + 15 + 2));
    CHECK(std::find(by_harm.value().notes.begin(), by_harm.value().notes.end(),
                    "harm weights from harm.csv (test weights): 2 crime types, every other type "
                    "2") != by_harm.value().notes.end());

    Plan plan;
    recordSelection(plan, req.selection);
    auto back = selectionFromPlan(plan);
    REQUIRE(back);
    CHECK(back.value().harm == req.selection.harm);
}

TEST_CASE("suggest on a lattice: the chosen circle is moved by local moves to take more, counted "
          "as the statistics count it") {
    World w;
    // 20 incidents 10 m apart on a line 190 m long: one circle of 100 m takes them all only
    // when centred within a few metres of its middle, which a lattice 70 m apart rarely hits.
    for (int i = 0; i < 20; ++i)
        w.add(570403 + 10.0 * i, 160517, "2022-03", "Drugs", "Line Street");
    Session s;
    w.load(s);
    SuggestRequest req;
    req.weeks = 1;
    req.radius_m = 100;
    req.step_m = 70; // the lattice
    auto r = suggestAreas(s, req);
    REQUIRE(r);
    const SuggestResult& res = r.value();
    REQUIRE(res.areas.size() == 1);
    CHECK(res.method.find("lattice") != std::string::npos);
    CHECK(res.areas[0].captured == doctest::Approx(20));
    CHECK(res.areas[0].stats.current.incidents == 20);
    CHECK(res.choice.value == doctest::Approx(20));
    const auto note = std::find_if(res.notes.begin(), res.notes.end(), [](const std::string& n) {
        return n.find("local moves of the lattice's areas") != std::string::npos;
    });
    REQUIRE(note != res.notes.end());
    CHECK(note->find("after the moves") != std::string::npos);
    INFO(*note);
    CHECK(note->find(" on the lattice, 20 after the moves") != std::string::npos);
    CHECK(note->find("20 on the lattice") == std::string::npos); // the lattice took fewer
}

TEST_CASE("suggest hexagons: equal cells ranked by what they hold, counted as the statistics "
          "count them; a minimum per site leaves the small ones out") {
    World w;
    w.add(570200, 160300, "2022-03", "Drugs", "West Street", 7);
    w.add(570800, 160700, "2022-03", "Drugs", "Middle Street", 5);
    w.add(571500, 160500, "2022-03", "Drugs", "East Street", 2);
    Session s;
    w.load(s);
    SuggestRequest req;
    req.weeks = 3;
    req.shape = SuggestShape::Hexagon;
    req.radius_m = 100;
    auto r = suggestAreas(s, req);
    REQUIRE(r);
    const SuggestResult& res = r.value();
    CHECK(res.choice.proved_optimal);
    REQUIRE(res.areas.size() == 3);
    const double expect[] = {7, 5, 2};
    for (std::size_t i = 0; i < 3; ++i) {
        const SuggestedArea& a = res.areas[i];
        CHECK(a.captured == doctest::Approx(expect[i]));
        CHECK(a.stats.current.incidents == static_cast<std::int64_t>(expect[i]));
        CHECK(shapeArea(a.area.shape) == doctest::Approx(1.5 * std::sqrt(3.0) * 100 * 100));
        REQUIRE(a.area.shape.size() == 1);
        CHECK(a.area.shape[0].outer().size() == 7); // a hexagon, closed
    }
    CHECK(res.method.find("equal hexagons of 2.6 ha (100 m centre to corner)") !=
          std::string::npos);
    req.min_per_site = 4;
    auto big = suggestAreas(s, req);
    REQUIRE(big);
    REQUIRE(big.value().areas.size() == 2);
    CHECK(big.value().below_minimum == 1);
    CHECK(
        std::find_if(big.value().notes.begin(), big.value().notes.end(), [](const std::string& n) {
            return n.find("fewer than the minimum of 4 per site") != std::string::npos;
        }) != big.value().notes.end());
}

TEST_CASE("plan file: every field and non-ASCII text round trip; a failed save changes nothing") {
    test::TempDir dir;
    Plan plan;
    TargetArea a;
    a.id = "A1";
    a.name = "Chatham — Military Road (Ñ)";
    a.shape_kind = AreaShape::Circle;
    a.centre = Point(575000, 168000);
    a.radius_m = 300;
    a.shape = circleShape(a.centre, 300);
    a.week = *parseDay("2026-03-02");
    a.lead = "Police";
    a.partners = "Housing; Youth service";
    a.status = AreaStatus::Approved;
    a.notes = "line one\nline two";
    a.locked = true;
    TargetArea z;
    z.id = "A2";
    z.name = "Private estate";
    z.shape = rectangleShape(Point(576000, 168000), Point(576500, 168400));
    z.excluded = true;
    plan.areas = {a, z};
    plan.set("from", "2025-07");
    plan.setAll("layer",
                {"ASB: types=Anti-social behaviour", "Weapons: types=Possession of weapons"});
    plan.sources.push_back({"wards", "/data/wards.geojson", 1234, "00ff"});
    plan.agencies.push_back("Street pastors");
    const std::string path = dir.file("plan.gpkg");
    REQUIRE(io::writePlan(path, plan));
    auto back = io::readPlan(path);
    REQUIRE(back);
    const Plan& p = back.value();
    CHECK(p.load_warnings.empty());
    REQUIRE(p.areas.size() == 2);
    const TargetArea& b = p.areas[0];
    CHECK(b.id == "A1");
    CHECK(b.name == a.name);
    CHECK(b.shape_kind == AreaShape::Circle);
    CHECK(b.centre.x() == 575000);
    CHECK(b.radius_m == 300);
    CHECK(formatDay(b.week) == "2026-03-02");
    CHECK(b.lead == "Police");
    CHECK(b.partners == a.partners);
    CHECK(b.status == AreaStatus::Approved);
    CHECK(b.notes == a.notes);
    CHECK(b.locked);
    CHECK_FALSE(b.excluded);
    CHECK(shapeArea(b.shape) == doctest::Approx(shapeArea(a.shape)));
    CHECK(p.areas[1].excluded);
    CHECK(p.areas[1].week == kNoDay);
    CHECK(p.setting("from") == "2025-07");
    CHECK(p.settingAll("layer").size() == 2);
    REQUIRE(p.sources.size() == 1);
    CHECK(p.sources[0].bytes == 1234);
    CHECK(p.agencies.back() == "Street pastors");
    auto sel = selectionFromPlan(p);
    REQUIRE(sel);
    CHECK(sel.value().layers.size() == 2);
    CHECK(sel.value().from == makeMonth(2025, 7));

    // A read-only folder: the save fails with a message, the old plan stays, nothing is left.
    const std::string before = test::readFile(path);
    ::chmod(dir.path().c_str(), 0555);
    plan.areas[0].name = "changed";
    const auto st = io::writePlan(path, plan);
    ::chmod(dir.path().c_str(), 0755);
    if (::geteuid() != 0) { // root writes anywhere
        REQUIRE_FALSE(st);
        CHECK(st.error().find("the previous plan is untouched") != std::string::npos);
    }
    if (!st)
        CHECK(test::readFile(path) == before);
    std::size_t entries = 0;
    for (const auto& e : std::filesystem::directory_iterator(dir.path()))
        entries += e.path().filename().string().rfind(".streetweek-tmp-", 0) == 0 ? 1 : 0;
    CHECK(entries == 0);

    // Not a plan, and a broken feature: one line each.
    CHECK(io::readPlan(dir.file("none.gpkg")).error().find("no such file") != std::string::npos);
    test::writeFile(dir.file("junk.gpkg"), "not a geopackage");
    CHECK_FALSE(io::readPlan(dir.file("junk.gpkg")));
}

TEST_CASE("hold-out check: hit rate, PAI and RRI against direct counts; the union counts once") {
    World w;
    w.add(570500, 160500, "2022-01", "Drugs", "A Street", 4); // training: 4 of 8 inside
    w.add(571500, 160500, "2022-01", "Drugs", "B Street", 4);
    w.add(570500, 160500, "2022-02", "Drugs", "A Street", 6); // test: 6 of 10 inside
    w.add(571500, 160500, "2022-02", "Drugs", "B Street", 4);
    Session s;
    w.load(s);
    TargetArea a1, a2;
    a1.id = "A1";
    a1.shape = circleShape(Point(570500, 160500), 100);
    a2.id = "A2"; // overlapping A1 entirely: the plan must not count its incidents twice
    a2.shape = circleShape(Point(570520, 160500), 100);
    EvaluateRequest req;
    req.selection.from = req.selection.to = makeMonth(2022, 2);
    req.train = MonthSpan{makeMonth(2022, 1), makeMonth(2022, 1)};
    auto ev = evaluatePlan(s, {a1, a2}, req);
    REQUIRE(ev);
    const PlanEvaluation& e = ev.value();
    CHECK(e.incidents == 10);
    CHECK(*e.train_incidents == 8);
    REQUIRE(e.areas.size() == 2);
    CHECK(e.areas[0].incidents == 6);
    CHECK(e.areas[0].hit_rate == doctest::Approx(0.6));
    CHECK(*e.areas[0].pai == doctest::Approx(0.6 / (shapeArea(a1.shape) / 1e6 / 2.0)));
    CHECK(*e.areas[0].rri == doctest::Approx((6.0 / 4.0) / (10.0 / 8.0)));
    CHECK(e.plan.incidents == 6);
    CHECK(e.plan.area_km2 > e.areas[0].area_km2);
    CHECK(e.plan.area_km2 < 2 * e.areas[0].area_km2);
}

TEST_CASE("hold-out check is never in-sample by accident: the months after by default, overlap "
          "refused unless asked, and then marked") {
    World w;
    w.add(570500, 160500, "2022-01", "Drugs", "A Street", 3);
    w.add(570500, 160500, "2022-02", "Drugs", "A Street", 5);
    w.add(570500, 160500, "2022-03", "Drugs", "A Street", 7);
    w.add(571500, 160500, "2022-03", "Drugs", "B Street", 1);
    Session s;
    w.load(s);
    TargetArea a;
    a.id = "A1";
    a.shape = circleShape(Point(570500, 160500), 100);
    EvaluateRequest req;
    req.train = MonthSpan{makeMonth(2022, 1), makeMonth(2022, 1)};
    auto after = evaluatePlan(s, {a}, req); // no test period given: 2022-02..2022-03
    REQUIRE(after);
    CHECK(after.value().period.first == makeMonth(2022, 2));
    CHECK(after.value().period.last == makeMonth(2022, 3));
    CHECK(after.value().incidents == 13);
    CHECK(!after.value().in_sample);
    CHECK(after.value().period_reason ==
          "the months after 2022-01 (chosen on) that the data holds");

    req.test_given = true; // a period that overlaps the months chosen on
    req.selection.from = makeMonth(2022, 1);
    req.selection.to = makeMonth(2022, 2);
    auto refused = evaluatePlan(s, {a}, req);
    REQUIRE(!refused);
    CHECK(refused.error().find("the test months 2022-01..2022-02 overlap the months the areas "
                               "were chosen on (2022-01)") != std::string::npos);
    req.in_sample = true;
    auto in = evaluatePlan(s, {a}, req);
    REQUIRE(in);
    CHECK(in.value().in_sample);
    CHECK(in.value().incidents == 8);

    EvaluateRequest late;
    late.train = MonthSpan{makeMonth(2022, 1), makeMonth(2022, 3)};
    auto none = evaluatePlan(s, {a}, late);
    REQUIRE(!none);
    CHECK(none.error().find("the data holds no months after 2022-01..2022-03") !=
          std::string::npos);

    EvaluateRequest unknown; // a plan that does not say when it was chosen
    auto u = evaluatePlan(s, {a}, unknown);
    REQUIRE(u);
    CHECK(!u.value().in_sample);
    CHECK(std::find_if(u.value().notes.begin(), u.value().notes.end(), [](const std::string& n) {
              return n.find("does not record the months its areas were chosen on") !=
                     std::string::npos;
          }) != u.value().notes.end());
}

TEST_CASE("PEI*: the plan's incidents over the most as many areas of its size could take in the "
          "test months") {
    World w;
    // Test month: clusters X (10), Y (7) and Z (4) far apart; the plan sits on Y and Z.
    w.add(570200, 160300, "2022-02", "Drugs", "X Street", 10);
    w.add(570800, 160700, "2022-02", "Drugs", "Y Street", 7);
    w.add(571600, 160300, "2022-02", "Drugs", "Z Street", 4);
    w.add(570800, 160700, "2022-01", "Drugs", "Y Street", 9);
    Session s;
    w.load(s);
    TargetArea y, z;
    y.id = "A1";
    y.shape_kind = z.shape_kind = AreaShape::Circle;
    y.radius_m = z.radius_m = 100;
    y.centre = Point(570800, 160700);
    y.shape = circleShape(y.centre, 100);
    z.id = "A2";
    z.centre = Point(571600, 160300);
    z.shape = circleShape(z.centre, 100);
    EvaluateRequest req;
    req.train = MonthSpan{makeMonth(2022, 1), makeMonth(2022, 1)};
    auto ev = evaluatePlan(s, {y, z}, req);
    REQUIRE(ev);
    const PlanEvaluation& e = ev.value();
    REQUIRE(e.plan.pei_star);
    CHECK(*e.plan.best_possible == doctest::Approx(17)); // X and Y
    CHECK(*e.plan.pei_star == doctest::Approx(11.0 / 17.0));
    CHECK(!e.plan.pei_star_low); // proved
    REQUIRE(e.areas.size() == 2);
    CHECK(*e.areas[0].pei_star == doctest::Approx(7.0 / 10.0));
    CHECK(*e.areas[1].pei_star == doctest::Approx(4.0 / 10.0));
    CHECK(e.pei_basis.find("the best 2 circles of 100 m") != std::string::npos);
}

namespace {

// The most two circles of radius r, centres at least 2r apart, can hold of weighted locations:
// brute force over every circle that matters (one through each location's centre and the two
// through each pair closer than 2r), counting locations within r.
double bestTwoCircles(const std::vector<std::pair<Point, double>>& locs, double r) {
    std::vector<Point> centres;
    for (const auto& [p, w] : locs)
        centres.push_back(p);
    for (std::size_t i = 0; i < locs.size(); ++i)
        for (std::size_t j = i + 1; j < locs.size(); ++j) {
            const Point a = locs[i].first, b = locs[j].first;
            const double dx = b.x() - a.x(), dy = b.y() - a.y(), d = std::hypot(dx, dy);
            if (d >= 2 * r || d == 0)
                continue;
            const double h = std::sqrt(r * r - d * d / 4);
            const double mx = (a.x() + b.x()) / 2, my = (a.y() + b.y()) / 2;
            centres.emplace_back(mx - h * dy / d, my + h * dx / d);
            centres.emplace_back(mx + h * dy / d, my - h * dx / d);
        }
    std::vector<double> value(centres.size(), 0.0);
    for (std::size_t c = 0; c < centres.size(); ++c)
        for (const auto& [p, w] : locs)
            if (std::hypot(p.x() - centres[c].x(), p.y() - centres[c].y()) <= r * (1 + 1e-9))
                value[c] += w;
    double best = 0;
    for (std::size_t a = 0; a < centres.size(); ++a)
        for (std::size_t b = a + 1; b < centres.size(); ++b)
            if (std::hypot(centres[a].x() - centres[b].x(), centres[a].y() - centres[b].y()) >=
                2 * r)
                best = std::max(best, value[a] + value[b]);
    return best;
}

} // namespace

TEST_CASE("PEI*'s best possible equals a brute force over every circle that matters, on random "
          "small worlds") {
    for (std::uint64_t seed = 1; seed <= 6; ++seed) {
        INFO("seed " << seed);
        World w;
        Rng rng(seed);
        std::vector<std::pair<Point, double>> locs;
        for (int i = 0; i < 14; ++i) {
            // Whole metres in the West ward, 1 to 5 incidents each in the test month.
            const Point p(std::round(rng.uniform(570100, 570700)),
                          std::round(rng.uniform(160100, 160700)));
            const int n = 1 + static_cast<int>(rng.next() % 5);
            w.add(p.x(), p.y(), "2022-02", "Drugs", "Street", n);
            locs.emplace_back(p, n);
        }
        w.add(570500, 160500, "2022-01", "Drugs", "Street", 3);
        Session s;
        w.load(s);
        const double r = 90;
        TargetArea a, b;
        a.id = "A1";
        b.id = "A2";
        a.shape_kind = b.shape_kind = AreaShape::Circle;
        a.radius_m = b.radius_m = r;
        a.centre = Point(570250, 160250);
        b.centre = Point(570550, 160550);
        a.shape = circleShape(a.centre, r);
        b.shape = circleShape(b.centre, r);
        EvaluateRequest req;
        req.train = MonthSpan{makeMonth(2022, 1), makeMonth(2022, 1)};
        req.pei_star_areas = false;
        auto ev = evaluatePlan(s, {a, b}, req);
        REQUIRE(ev);
        const AreaScore& plan = ev.value().plan;
        REQUIRE(plan.best_possible);
        REQUIRE(!plan.pei_star_low); // proved
        // The saved circles are 64-gons: a location within r * cos(pi / 64) of the centre is
        // surely inside, one beyond r surely outside. The best possible lies between the brute
        // force at those two radii (equal unless a pair's distance falls in the thin band).
        const double inner = bestTwoCircles(locs, r * std::cos(std::numbers::pi / 64) - 1e-6),
                     outer = bestTwoCircles(locs, r);
        CHECK(static_cast<double>(*plan.best_possible) >= inner - 1e-9);
        CHECK(static_cast<double>(*plan.best_possible) <= outer + 1e-9);
        CHECK(*plan.pei_star ==
              doctest::Approx(static_cast<double>(plan.incidents) / *plan.best_possible));
    }
}

TEST_CASE("plan document: a save records the months the areas were chosen on, not the map's "
          "period at the time") {
    World w;
    w.add(570500, 160500, "2022-01", "Drugs", "A Street", 3);
    w.add(570500, 160500, "2022-04", "Drugs", "A Street", 3);
    Session s;
    w.load(s);
    test::TempDir dir;
    const std::string path = dir.file("plan.gpkg");
    PlanDocument doc(path);
    TargetArea a;
    a.shape = circleShape(Point(570500, 160500), 100);
    doc.setChosenOn(MonthSpan{makeMonth(2022, 1), makeMonth(2022, 3)}); // Suggest's months
    doc.add(a);
    SelectionParams map_period; // the map shows 2022-04 when the plan is saved
    map_period.from = map_period.to = makeMonth(2022, 4);
    REQUIRE(doc.save(w.request, map_period, "EPSG:27700"));
    auto back = PlanDocument::open(path);
    REQUIRE(back);
    CHECK(back.value().plan().setting("from") == "2022-01");
    CHECK(back.value().plan().setting("to") == "2022-03");
    REQUIRE(back.value().chosenOn());
    CHECK(back.value().chosenOn()->last == makeMonth(2022, 3));
    // A plan with drawn areas only records the map's period, as before.
    PlanDocument drawn(dir.file("drawn.gpkg"));
    drawn.add(a);
    REQUIRE(drawn.save(w.request, map_period, "EPSG:27700"));
    auto d = PlanDocument::open(dir.file("drawn.gpkg"));
    REQUIRE(d);
    CHECK(d.value().plan().setting("from") == "2022-04");
}

TEST_CASE("plan document: save records sources, reopen gives the areas; the autosave side file "
          "is offered for recovery until a save, and recovering is one undo step") {
    test::TempDir dir;
    const std::string path = dir.file("plan.gpkg");
    auto opened = PlanDocument::open(path);
    REQUIRE(opened.ok()); // no file yet: a new plan there
    PlanDocument doc = std::move(opened.value());
    CHECK(doc.areas().empty());
    CHECK_FALSE(doc.dirty());
    TargetArea a;
    a.name = "Chatham High Street";
    a.shape = circleShape(Point(576000, 168000), 300);
    a.shape_kind = AreaShape::Circle;
    a.centre = Point(576000, 168000);
    a.radius_m = 300;
    CHECK(doc.add(a) == "A1");
    CHECK(doc.dirty());
    LoadRequest sources;
    sources.exact_locations = true; // synthetic points: the tests check exact geometry
    sources.incident_paths = {test::writeFile(dir.file("pts.csv"), "Month,Easting,Northing\n")};
    SelectionParams sel;
    sel.from = makeMonth(2025, 1);
    sel.to = makeMonth(2025, 3);
    REQUIRE(doc.save(sources, sel, "EPSG:27700").ok());
    CHECK_FALSE(doc.dirty());
    {
        auto back = PlanDocument::open(path);
        REQUIRE(back.ok());
        REQUIRE(back.value().areas().size() == 1);
        CHECK(back.value().areas()[0].name == "Chatham High Street");
        CHECK(back.value().plan().setting("from") == "2025-01");
        REQUIRE(back.value().plan().sources.size() == 1);
        CHECK(back.value().plan().sources[0].role == "incidents");
    }
    // An edit, autosaved but not saved: the next start offers it.
    TargetArea b = a;
    b.id.clear();
    b.name = "Luton Arches";
    doc.add(b);
    const std::string side = doc.autosavePath();
    CHECK(side == dir.file("plan.autosave.gpkg"));
    CHECK_FALSE(doc.recoverable());
    REQUIRE(doc.autosave("EPSG:27700").ok());
    CHECK(std::filesystem::exists(side));
    auto next = PlanDocument::open(path);
    REQUIRE(next.ok());
    PlanDocument& later = next.value();
    CHECK(later.areas().size() == 1); // the plan file itself is untouched
    CHECK(later.recoverable());
    REQUIRE(later.recover().ok());
    CHECK(later.areas().size() == 2);
    CHECK(later.dirty());
    CHECK(later.undo());
    CHECK(later.areas().size() == 1);
    CHECK(later.redo());
    // Saving removes the side file; nothing is offered after it.
    REQUIRE(later.save(sources, sel, "EPSG:27700").ok());
    CHECK_FALSE(std::filesystem::exists(side));
    CHECK_FALSE(later.recoverable());
    // A plan without a file name says so instead of saving somewhere unknown.
    PlanDocument unnamed;
    unnamed.add(a);
    const auto st = unnamed.save(sources, sel, "EPSG:27700");
    REQUIRE_FALSE(st.ok());
    CHECK(st.error().find("no file name") != std::string::npos);
}

TEST_CASE("plan document: two maps on one plan: a save brings the other's changes in; a clash "
          "names both values and Keep mine / Take theirs settle it; another's save is noticed") {
    test::TempDir dir;
    const std::string path = dir.file("shared.gpkg");
    LoadRequest sources;
    sources.exact_locations = true;
    sources.incident_paths = {test::writeFile(dir.file("pts.csv"), "Month,Easting,Northing\n")};
    SelectionParams sel;
    sel.from = makeMonth(2025, 1);
    sel.to = makeMonth(2025, 3);
    {
        PlanDocument first(path);
        for (double x : {576000.0, 577000.0}) {
            TargetArea a;
            a.name = "Area at " + std::to_string(static_cast<int>(x));
            a.shape = rectangleShape(Point(x, 168000), Point(x + 200, 168200));
            first.add(a);
        }
        REQUIRE(first.save(sources, sel, "EPSG:27700"));
    }
    auto oa = PlanDocument::open(path), ob = PlanDocument::open(path);
    REQUIRE(oa);
    REQUIRE(ob);
    PlanDocument a = std::move(oa.value()), b = std::move(ob.value());
    const auto edit = [](PlanDocument& d, const char* id, auto change) {
        TargetArea t = *d.find(id);
        change(t);
        REQUIRE(d.update(t));
    };
    // Different areas: both kept, whoever saves second brings the first's change in.
    edit(a, "A1", [](TargetArea& t) { t.lead = "Police"; });
    REQUIRE(a.save(sources, sel, "EPSG:27700"));
    CHECK(b.changedOnDisk());
    CHECK_FALSE(a.changedOnDisk());
    edit(b, "A2", [](TargetArea& t) { t.notes = "B's note"; });
    REQUIRE(b.save(sources, sel, "EPSG:27700"));
    CHECK(b.find("A1")->lead == "Police");
    CHECK_FALSE(b.mergeNotes().empty());
    // The same field: a's save is refused with both values; Keep mine writes a's.
    edit(a, "A2", [](TargetArea& t) { t.notes = "A's note"; });
    const auto st = a.save(sources, sel, "EPSG:27700");
    CHECK_FALSE(st);
    REQUIRE(a.clashes().size() == 1);
    CHECK(a.clashes()[0].text() == "A2 notes: yours 'A's note', in the file now 'B's note'");
    CHECK(io::readPlan(path).value().areas[1].notes == "B's note"); // nothing written
    a.resolveClash(0, true);
    CHECK(a.clashes().empty());
    REQUIRE(a.save(sources, sel, "EPSG:27700"));
    CHECK(io::readPlan(path).value().areas[1].notes == "A's note");
    // b, still on its old reading, changes the same field: Take theirs gives it a's value.
    edit(b, "A2", [](TargetArea& t) { t.notes = "B again"; });
    CHECK_FALSE(b.save(sources, sel, "EPSG:27700"));
    REQUIRE(b.clashes().size() == 1);
    b.resolveClash(0, false);
    CHECK(b.find("A2")->notes == "A's note");
    REQUIRE(b.save(sources, sel, "EPSG:27700"));
    CHECK(io::readPlan(path).value().areas[1].notes == "A's note");
    // Brought in without a save: a sees b's rename, and has nothing of its own to save.
    edit(b, "A1", [](TargetArea& t) { t.name = "Renamed by B"; });
    REQUIRE(b.save(sources, sel, "EPSG:27700"));
    REQUIRE(a.changedOnDisk());
    REQUIRE(a.bringIn());
    CHECK(a.find("A1")->name == "Renamed by B");
    CHECK_FALSE(a.dirty());
    CHECK_FALSE(a.changedOnDisk());
    // Deleted here, changed there: a clash too.
    edit(b, "A2", [](TargetArea& t) { t.lead = "Council"; });
    REQUIRE(b.save(sources, sel, "EPSG:27700"));
    REQUIRE(a.remove("A2"));
    CHECK_FALSE(a.save(sources, sel, "EPSG:27700"));
    REQUIRE(a.clashes().size() == 1);
    CHECK(a.clashes()[0].field == "(deleted)");
    // One history row per field written: A1 lead, A2 notes (b, then a's kept), A1 name, A2
    // lead; b's Take theirs wrote nothing.
    auto history = io::readPlanHistory(path);
    REQUIRE(history);
    REQUIRE(history.value().size() == 5);
    CHECK(history.value()[2].field == "notes");
    CHECK(history.value()[2].old_value == "B's note");
    CHECK(history.value()[2].new_value == "A's note");
}

TEST_CASE("plan document: typing in a field is one undo step; a gesture that changes nothing "
          "leaves none") {
    PlanDocument doc;
    TargetArea a;
    a.shape = rectangleShape(Point(0, 0), Point(100, 100));
    doc.add(a);
    TargetArea t = doc.areas()[0];
    for (const char* name : {"H", "Hi", "Hig", "High", "High St"}) {
        t.name = name;
        doc.live(t);
    }
    doc.endGesture();
    CHECK(doc.undoSteps() == 2);
    doc.undo();
    CHECK(doc.areas()[0].name.empty());
    doc.redo();
    doc.beginGesture();
    doc.live(doc.areas()[0]);
    doc.endGesture();
    CHECK(doc.undoSteps() == 2);
}

TEST_CASE("after-action check: target, buffer ring and control counted before and after, the "
          "week's month left out; WDD and WDQ from those counts; missing months refused") {
    World w;
    const char* asb = "Anti-social behaviour";
    // Target: a 100 m circle at (570500, 160500). Buffer: 100..350 m. Control: the rest.
    w.add(570500, 160500, "2022-02", asb, "High Street", 2);
    w.add(570520, 160480, "2022-03", asb, "High Street", 3);
    w.add(570500, 160500, "2022-04", asb, "High Street", 7); // the week's month: left out
    w.add(570490, 160510, "2022-05", asb, "High Street", 1);
    w.add(570500, 160500, "2022-06", asb, "High Street", 1);
    w.add(570700, 160500, "2022-03", asb, "Mill Road", 3); // 200 m: the buffer ring
    w.add(570500, 160300, "2022-06", asb, "Mill Road", 4);
    w.add(571800, 160800, "2022-02", asb, "Far Lane", 20); // control
    w.add(571800, 160800, "2022-05", asb, "Far Lane", 22);
    w.add(571800, 160800, "2022-01", asb, "Far Lane");     // before the before period
    w.add(575000, 165000, "2022-05", asb, "Elsewhere", 9); // outside the study area
    Session s;
    w.load(s);
    TargetArea a;
    a.id = "A1";
    a.shape = circleShape(Point(570500, 160500), 100);
    a.week = *parseDay("2022-04-04");
    a.status = AreaStatus::Done;
    AfterActionRequest req;
    req.months = 2;
    auto r = afterAction(s, a, req);
    REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error()));
    const AfterActionResult& res = r.value();
    CHECK(res.before == MonthSpan{makeMonth(2022, 2), makeMonth(2022, 3)});
    CHECK(res.after == MonthSpan{makeMonth(2022, 5), makeMonth(2022, 6)});
    CHECK(res.counts.target_before == 5);
    CHECK(res.counts.target_after == 2);
    CHECK(res.counts.buffer_before == 3);
    CHECK(res.counts.buffer_after == 4);
    CHECK(res.counts.control_before == 20);
    CHECK(res.counts.control_after == 22);
    CHECK(res.target_km2 == doctest::Approx(M_PI * 0.01).epsilon(0.003));
    CHECK(res.buffer_km2 == doctest::Approx(M_PI * (0.35 * 0.35 - 0.01)).epsilon(0.01));
    CHECK(res.small_counts); // a handful of incidents: indicative only
    const WddResult direct = weightedDisplacementDifference(res.counts);
    CHECK(res.wdd.wdd == doctest::Approx(direct.wdd));
    CHECK(res.wdd.wdd == doctest::Approx((2 - 5 - 5 * 0.1) + (4 - 3 - 3 * 0.1)));
    REQUIRE(res.wdq.wdq);
    CHECK(*res.wdq.wdq == doctest::Approx((4.0 / 22 - 3.0 / 20) / (2.0 / 22 - 5.0 / 20)));
    // Three months after the week reach 2022-07, which has no data.
    req.months = 3;
    auto missing = afterAction(s, a, req);
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().find("after period 2022-05..2022-07 has months without data") !=
          std::string::npos);
    // A week across a month's end (Monday 2022-03-28 to Sunday 04-03) leaves both months out.
    a.week = *parseDay("2022-03-28");
    req.months = 1;
    auto across = afterAction(s, a, req);
    REQUIRE(across.ok());
    CHECK(across.value().before == MonthSpan{makeMonth(2022, 2), makeMonth(2022, 2)});
    CHECK(across.value().after == MonthSpan{makeMonth(2022, 5), makeMonth(2022, 5)});
    CHECK(across.value().counts.target_before == 2);
    CHECK(across.value().counts.target_after == 1);
    // An area without a week cannot be checked.
    a.week = kNoDay;
    CHECK(afterAction(s, a, AfterActionRequest{}).badRequest());
}

TEST_CASE("an area across ward edges: its part in each ward, not what lies outside it") {
    // GeoJSON's rings run anticlockwise, Boost.Geometry's clockwise: the wards are turned on
    // loading, or an overlay with a ward gives the area's part outside it.
    World w;
    w.add(570500, 160500, "2022-01", "Burglary", "High Street");
    Session s;
    w.load(s);
    for (const auto& ward : s.wards().wards) {
        CHECK(bg::area(ward.shape) == doctest::Approx(1e6));
        CHECK(bg::is_valid(ward.shape));
    }
    // 400 x 200 m across the West/East edge, hanging 100 m below the study area.
    const auto parts =
        wardParts(s.wards(), rectangleShape(Point(570900, 159900), Point(571300, 160100)));
    REQUIRE(parts.size() == 2);
    CHECK(parts[0].km2 == doctest::Approx(0.01)); // West: 100 x 100 m
    CHECK(parts[1].km2 == doctest::Approx(0.03)); // East: 300 x 100 m
}

TEST_CASE("after-action check: the control leaves out the plan's other areas worked within "
          "the months compared, with their buffers") {
    World w;
    const char* asb = "Anti-social behaviour";
    w.add(570500, 160500, "2022-02", asb, "High Street", 5); // A1, the area checked
    w.add(570500, 160500, "2022-05", asb, "High Street", 2);
    w.add(571800, 160800, "2022-02", asb, "Far Lane", 20); // under A3, worked in 2023
    w.add(571800, 160800, "2022-05", asb, "Far Lane", 22);
    w.add(571500, 160200, "2022-02", asb, "Second Street", 6); // under A2, worked in June
    w.add(571500, 160200, "2022-05", asb, "Second Street", 5);
    w.add(571500, 160460, "2022-05", asb, "Second Street", 3); // in A2's 250 m buffer
    for (const char* m : {"2022-03", "2022-04", "2022-06"})    // the control's far corner
        w.add(571300, 160950, m, asb, "Corner", 1);
    Session s;
    w.load(s);
    const auto areaAt = [](const char* id, double x, double y, const char* week) {
        TargetArea a;
        a.id = id;
        a.shape = circleShape(Point(x, y), 100);
        a.week = week ? *parseDay(week) : kNoDay;
        a.status = AreaStatus::Done;
        return a;
    };
    const TargetArea a1 = areaAt("A1", 570500, 160500, "2022-04-04");
    AfterActionRequest req;
    req.months = 2; // before 2022-02..03, after 2022-05..06
    auto alone = afterAction(s, a1, req);
    REQUIRE(alone.ok());
    CHECK(alone.value().counts.control_before == 27);
    CHECK(alone.value().counts.control_after == 31);
    CHECK(alone.value().left_out.empty());

    req.plan_areas = {a1, areaAt("A2", 571500, 160200, "2022-06-06"),
                      areaAt("A3", 571800, 160800, "2023-01-02"),
                      areaAt("A4", 571800, 160800, nullptr)};
    auto r = afterAction(s, a1, req);
    REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error()));
    const AfterActionResult& res = r.value();
    CHECK(res.left_out == std::vector<std::string>{"A2"}); // A3 outside the months, A4 unworked
    CHECK(res.counts.target_before == 5);
    CHECK(res.counts.target_after == 2);
    CHECK(res.counts.control_before == 21);
    CHECK(res.counts.control_after == 23); // Far Lane and the corner
    CHECK(res.left_out_before == 6);
    CHECK(res.left_out_after == 8); // A2 and its buffer
    // A2's 350 m circle, less the segment below the study area's edge 200 m from its centre.
    const double r2 = 350.0 * 350,
                 segment = r2 * std::acos(200.0 / 350) - 200 * std::sqrt(r2 - 200 * 200);
    CHECK(res.left_out_km2 == doctest::Approx((M_PI * r2 - segment) / 1e6).epsilon(0.01));
    CHECK(res.control_km2 + res.left_out_km2 ==
          doctest::Approx(alone.value().control_km2).epsilon(1e-6));
    const auto lines = afterActionReport(a1, res, req.buffer_m);
    bool said = false;
    for (const auto& l : lines)
        said = said || l.find("The control leaves out A2 (worked within these months)") !=
                           std::string::npos;
    CHECK(said);
}

TEST_CASE("suggest hotspot polygons: under the cap, apart by the gap, clear of planned areas; "
          "each captures what lies inside it") {
    World w;
    // Two tight clusters and a wide spread of single incidents across both wards.
    std::vector<Point> pts;
    const auto add = [&](double e, double n, int times) {
        for (int i = 0; i < times; ++i) {
            const double dx = (i % 5) * 12.0 - 24, dy = (i / 5 % 5) * 12.0 - 24;
            w.add(e + dx, n + dy, "2022-03", "Drugs", "Cluster Street");
            pts.emplace_back(e + dx, n + dy);
        }
    };
    add(570300, 160300, 40);
    add(571600, 160700, 30);
    for (int i = 0; i < 40; ++i) {
        const double e = 570050 + (i % 10) * 190.0, n = 160100 + (i / 10) * 230.0;
        w.add(e, n, "2022-03", "Drugs", "Spread Road");
        pts.emplace_back(e, n);
    }
    Session s;
    w.load(s);
    SuggestRequest req;
    req.shape = SuggestShape::HotspotPolygon;
    req.weeks = 2;
    req.max_area_km2 = 0.15;
    req.min_gap_m = 100;
    req.hotspot_kde.radius_m = 150;
    req.hotspot_kde.cell_size_m = 25;
    auto r = suggestAreas(s, req);
    REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error()));
    const SuggestResult& res = r.value();
    REQUIRE(res.areas.size() == 2);
    CHECK(res.choice.proved_optimal);
    CHECK(res.choice.value >= res.choice.greedy_value - 1e-9);
    for (const auto& a : res.areas) {
        CHECK(a.area.shape_kind == AreaShape::Drawn);
        CHECK(shapeArea(a.area.shape) <= 0.15e6 + 1);
        CHECK(bg::is_valid(a.area.shape));
        std::int64_t inside = 0;
        for (const auto& p : pts)
            inside += bg::covered_by(p, a.area.shape);
        CHECK(a.captured == doctest::Approx(static_cast<double>(inside)));
        CHECK(a.stats.current.incidents == inside);
    }
    // One area holds each cluster.
    const auto holds = [&](const Point& p) {
        return bg::covered_by(p, res.areas[0].area.shape) ||
               bg::covered_by(p, res.areas[1].area.shape);
    };
    CHECK(holds(Point(570300, 160300)));
    CHECK(holds(Point(571600, 160700)));
    CHECK(bg::distance(res.areas[0].area.shape, res.areas[1].area.shape) >= 100);
    // With the first cluster planned already, nothing suggested touches it.
    TargetArea planned;
    planned.id = "A1";
    planned.shape = circleShape(Point(570300, 160300), 120);
    req.planned = {planned};
    auto again = suggestAreas(s, req);
    REQUIRE(again.ok());
    for (const auto& a : again.value().areas)
        CHECK(bg::distance(a.area.shape, planned.shape) >= 100);
    CHECK(again.value().blocked > 0);
    // A tighter cap: the clusters' hotter cores, cut at a higher threshold, still fit.
    req.planned.clear();
    req.max_area_km2 = 0.02;
    auto tight = suggestAreas(s, req);
    REQUIRE(tight.ok());
    REQUIRE(tight.value().areas.size() == 2);
    for (const auto& a : tight.value().areas) {
        CHECK(shapeArea(a.area.shape) <= 0.02e6 + 1);
        CHECK(a.threshold_pct < 20);
    }
}

TEST_CASE("plan document: edits during a gesture keep undo in order; agencies are undone too") {
    PlanDocument doc;
    TargetArea a;
    a.shape = rectangleShape(Point(0, 0), Point(100, 100));
    doc.add(a);
    TargetArea b = a;
    b.id.clear();
    doc.add(b);
    TargetArea moved = movedArea(doc.areas()[0], 10, 0);
    doc.live(moved);  // a drag under way
    doc.remove("A2"); // ends the drag as its own step first
    CHECK(doc.areas().size() == 1);
    REQUIRE(doc.undo()); // the removal
    CHECK(doc.areas().size() == 2);
    Box box;
    bg::envelope(doc.areas()[0].shape, box);
    CHECK(box.min_corner().x() == doctest::Approx(10)); // the drag is still there
    REQUIRE(doc.undo());                                // the drag
    bg::envelope(doc.areas()[0].shape, box);
    CHECK(box.min_corner().x() == doctest::Approx(0));
    const auto agencies = doc.plan().agencies;
    doc.setAgencies({"Police"});
    REQUIRE(doc.undo());
    CHECK(doc.plan().agencies == agencies);
}

TEST_CASE("backtest: a rolling origin over the months; each method scored on the month after its "
          "training months; a month without data skipped and named") {
    World w;
    // A stable hotspot (8 a month) and scattered others (2 a month) over five months, one of
    // them (2022-04) without any data.
    for (const char* m : {"2022-01", "2022-02", "2022-03", "2022-05", "2022-06"}) {
        w.add(570500, 160500, m, "Drugs", "Hot Street", 8);
        w.add(571500, 160200, m, "Drugs", "Cold Road", 1);
        w.add(570100, 160900, m, "Drugs", "Far Lane", 1);
    }
    Session s;
    w.load(s);
    BacktestRequest q;
    q.train_months = 2;
    q.planner.weeks = 1;
    q.planner.radius_m = 100;
    q.cell_m = 50;
    auto r = runBacktest(s, q);
    REQUIRE(r);
    const BacktestResult& b = r.value();
    // The planner, the baseline, three KDE rules, Gi*, the random floor, the big cells.
    REQUIRE(b.methods.size() == 8);
    const auto index = [&](const std::string& start) {
        for (std::size_t i = 0; i < b.methods.size(); ++i)
            if (b.methods[i].rfind(start, 0) == 0)
                return i;
        FAIL("no method " << start);
        return std::size_t{0};
    };
    // Test months 2022-03 (on 01..02), 04 (no data), 05 (on 03..04) and 06 (on 04..05): only
    // 03 can be scored.
    REQUIRE(b.folds.size() == 1);
    CHECK(b.folds[0].test == makeMonth(2022, 3));
    REQUIRE(b.skipped.size() == 3);
    CHECK(b.skipped[0].rfind("2022-04:", 0) == 0);
    CHECK(b.skipped[2].find("2022-04..2022-05 has no data") != std::string::npos);
    const auto& sc = b.folds[0].scores;
    CHECK(sc[0].hit_rate == doctest::Approx(0.8)); // the planner's circle holds the hotspot
    CHECK(*sc[0].pei_star == doctest::Approx(1.0));
    // The same land in 13 cells of 50 m reaches all three places seen before.
    CHECK(b.cells == 13);
    const auto baseline = index("last period's busiest cells");
    CHECK(sc[baseline].hit_rate == doctest::Approx(1.0));
    CHECK(*sc[baseline].pei_star == doctest::Approx(1.0));
    // Each KDE rule's densest 13 cells hold the hotspot (a peak at the busiest place).
    for (const char* k :
         {"KDE hotspots (ArcGIS", "KDE hotspots (Scott", "KDE hotspots (likelihood"}) {
        INFO(k);
        CHECK(sc[index(k)].hit_rate >= 0.8);
        CHECK(sc[index(k)].detail.rfind("radius ", 0) == 0);
    }
    CHECK(sc[index("random cells")].hit_rate <= 1.0);
    CHECK(sc[index("last period's busiest 1 cells")].hit_rate == doctest::Approx(0.8));
    REQUIRE(b.summary.size() == 8);
    CHECK(b.summary[baseline].wins == 1);
    CHECK(b.summary[0].wins == 0);
    CHECK(b.summary[0].hit_rate_mean == doctest::Approx(0.8));
    // The same seed, the same random floor.
    auto again = runBacktest(s, q);
    REQUIRE(again);
    CHECK(again.value().folds[0].scores[index("random cells")].hit_rate ==
          doctest::Approx(sc[index("random cells")].hit_rate));
    // The planner of another shape, and a request the backtest cannot compare.
    q.kde = q.gistar = false;
    q.planner.shape = SuggestShape::Hexagon;
    auto hex = runBacktest(s, q);
    REQUIRE(hex);
    CHECK(hex.value().methods.size() == 4);
    CHECK(hex.value().methods[0].find("hexagons") != std::string::npos);
    q.planner.shape = SuggestShape::HotspotPolygon;
    CHECK(runBacktest(s, q).failure().bad_request);
}

TEST_CASE("backtest: capture curves rise with the land, never above the month itself; Gi* takes "
          "its most significant hot cells; the curves as CSV") {
    World w;
    // Three months of a persistent cluster in the West ward over a background of one incident
    // at each of 40 places a month (different places each month), then the test months.
    Rng rng(7);
    const char* months[] = {"2022-01", "2022-02", "2022-03", "2022-04", "2022-05"};
    for (const char* m : months) {
        for (int i = 0; i < 12; ++i)
            w.add(570400 + 20.0 * (i % 4), 160400 + 20.0 * (i / 4), m, "Drugs", "Hot Street", 2);
        for (int i = 0; i < 40; ++i)
            w.add(rng.uniform(570000, 572000), rng.uniform(160000, 161000), m, "Drugs", "Road");
    }
    Session s;
    w.load(s);
    BacktestRequest q;
    q.train_months = 3;
    q.planner.weeks = 2;
    q.planner.radius_m = 80;
    q.cell_m = 50;
    auto r = runBacktest(s, q);
    REQUIRE(r);
    const BacktestResult& b = r.value();
    REQUIRE(b.folds.size() == 2); // 2022-04 and 2022-05
    REQUIRE(b.curve_land.size() == 11);
    CHECK(b.curve_land.front() == doctest::Approx(0.005));
    CHECK(b.curve_land.back() == doctest::Approx(0.10));
    REQUIRE(b.curves.size() == 7); // baseline, 3 KDE, Gi*, random, the month itself
    CHECK(b.curves.back().method.find("the month itself") != std::string::npos);
    for (const auto& f : b.folds) {
        REQUIRE(f.curves.size() == b.curves.size());
        const auto& ceiling = f.curves.back();
        for (std::size_t c = 0; c < f.curves.size(); ++c)
            for (std::size_t l = 0; l < b.curve_land.size(); ++l) {
                INFO(b.curves[c].method << " at " << b.curve_land[l]);
                CHECK(f.curves[c][l] <= ceiling[l] + 1e-12);
                if (l > 0)
                    CHECK(f.curves[c][l] >= f.curves[c][l - 1]);
            }
        // 2 km2 of study area in 800 cells: 10% is 80 cells, enough for the cluster (which holds
        // 24 of the month's 64 incidents) and some of the background it saw.
        CHECK(f.curves[0][10] >= 24.0 / 64);
    }
    // Gi*: never more land than the plan's, the most significant first; here the cluster's
    // cells are hot.
    const std::size_t gi = 5;
    REQUIRE(b.methods[gi] == "Gi* 99% hot cells");
    for (const auto& f : b.folds) {
        CHECK(f.scores[gi].land_km2 <= static_cast<double>(b.cells) * 0.0025 + 1e-9);
        CHECK(f.scores[gi].detail.find("hot cells") != std::string::npos);
        CHECK(f.scores[gi].hit_rate >= 0.3);
    }
    // The CSV: a header, each curve's mean and folds at each land share, and the planner's point.
    const std::string csv = captureCurvesCsv(b);
    CHECK(csv.rfind("method,fold,land_pct,capture_pct\n", 0) == 0);
    CHECK(std::count(csv.begin(), csv.end(), '\n') == 1 + 7 * 3 * 11 + 1);
    CHECK(csv.find("\"the month itself (the most possible)\",2022-05,10.0,") != std::string::npos);
}
