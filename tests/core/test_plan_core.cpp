// The plan's core: calendar days, schedule checks, and the area choice against brute force.
#include "core/area_choice.hpp"
#include "core/calendar_date.hpp"
#include "core/hex_grid.hpp"
#include "core/incident_table.hpp"
#include "core/postcode_index.hpp"
#include "core/random.hpp"
#include "core/target_area.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <functional>

using namespace sw;

TEST_CASE("calendar days: ISO text, weekdays, Mondays and months") {
    const auto d = parseDay("2026-03-04");
    REQUIRE(d);
    CHECK(formatDay(*d) == "2026-03-04");
    CHECK(weekday(*d) == 2); // a Wednesday
    CHECK(formatDay(weekStart(*d)) == "2026-03-02");
    CHECK(monthOfDay(*d) == makeMonth(2026, 3));
    CHECK(*parseDay("1970-01-01") == 0);
    CHECK(formatDay(*parseDay("2024-02-29")) == "2024-02-29");
    CHECK_FALSE(parseDay("2026-02-29"));
    CHECK_FALSE(parseDay("2026-13-01"));
    CHECK_FALSE(parseDay("26-03-04"));
    CHECK_FALSE(parseDay("2026/03/04"));
    for (DayNumber day = -800; day < 80000; day += 37) {
        int y = 0, m = 0, dd = 0;
        civilFromDays(day, y, m, dd);
        CHECK(makeDay(y, m, dd) == day);
    }
}

TEST_CASE("shapes: a 64-gon circle within 0.2% of pi r^2; rectangles from any two corners") {
    const auto c = circleShape(Point(1000, 2000), 300);
    CHECK(shapeArea(c) == doctest::Approx(M_PI * 300 * 300).epsilon(0.002));
    CHECK(bg::is_valid(c));
    const auto r = rectangleShape(Point(10, 50), Point(0, 0));
    CHECK(shapeArea(r) == doctest::Approx(500));
    CHECK(bg::is_valid(r));
}

TEST_CASE("schedule: two areas in one week, a repeat too soon, gaps and unscheduled areas") {
    std::vector<TargetArea> a(5);
    const char* names[] = {"High Street", "Luton Arches", "High Street", "Station", "Park"};
    const char* weeks[] = {"2026-03-02", "2026-03-04", "2026-05-04", "2026-03-30", ""};
    for (std::size_t i = 0; i < a.size(); ++i) {
        a[i].id = "A" + std::to_string(i + 1);
        a[i].name = names[i];
        if (const auto d = parseDay(weeks[i]))
            a[i].week = *d;
        // A1 and A3 are the same place; the others lie apart.
        a[i].shape = circleShape(Point(i == 2 ? 0 : 1000.0 * static_cast<double>(i), 0), 300);
    }
    TargetArea zone; // an excluded zone is not a street week
    zone.id = "A9";
    zone.excluded = true;
    zone.week = *parseDay("2026-04-06");
    a.push_back(zone);
    const auto issues = scheduleIssues(a, 6);
    std::vector<std::string> texts;
    for (const auto& i : issues)
        texts.push_back(i.text);
    REQUIRE(issues.size() == 5);
    CHECK(texts[0] == "A5 (Park) has no week yet");
    CHECK(texts[1] == "week of 2026-03-02: 2 areas (A1 (High Street), A2 (Luton Arches))");
    CHECK(
        texts[2] ==
        "A3 (High Street) on 2026-05-04 overlaps A1 (High Street) of 2026-03-02, within 6 months");
    CHECK(texts[3] == "3 week(s) without a street week from 2026-03-09 to 2026-03-29");
    CHECK(texts[4] == "4 week(s) without a street week from 2026-04-06 to 2026-05-03");
    const auto order = scheduleOrder(a);
    REQUIRE(order.size() == 5);
    CHECK(order.front() == 0);
    CHECK(order.back() == 4); // unscheduled last
    CHECK(nextAreaId(a) == "A10");
}

namespace {
// Exhaustive search: the best total of at most k mutually compatible candidates.
double bruteForce(const std::vector<AreaCandidate>& c, std::size_t k, double d,
                  const std::vector<std::vector<std::size_t>>& conflicts = {}) {
    double best = 0;
    std::vector<std::size_t> set;
    std::function<void(std::size_t, double)> go = [&](std::size_t from, double value) {
        best = std::max(best, value);
        if (set.size() == k)
            return;
        for (std::size_t i = from; i < c.size(); ++i) {
            bool ok = true;
            for (std::size_t j : set)
                ok = ok && std::hypot(c[i].x - c[j].x, c[i].y - c[j].y) >= d &&
                     (conflicts.empty() ||
                      std::find(conflicts[i].begin(), conflicts[i].end(), j) == conflicts[i].end());
            if (!ok)
                continue;
            set.push_back(i);
            go(i + 1, value + c[i].value);
            set.pop_back();
        }
    };
    go(0, 0);
    return best;
}
} // namespace

TEST_CASE("area choice with listed conflicts (polygon candidates) equals brute force") {
    Rng rng(19);
    for (int trial = 0; trial < 150; ++trial) {
        // 16 candidates anywhere (no centre rule); random pairs conflict, as nested or nearby
        // hotspot polygons do.
        std::vector<AreaCandidate> c;
        for (int i = 0; i < 16; ++i)
            c.push_back(
                {rng.uniform(0, 1000), rng.uniform(0, 1000), std::floor(1 + rng.uniform() * 40)});
        std::vector<std::vector<std::size_t>> conflicts(c.size());
        for (std::size_t a = 0; a < c.size(); ++a)
            for (std::size_t b = a + 1; b < c.size(); ++b)
                if (rng.uniform() < 0.3) {
                    conflicts[a].push_back(b);
                    conflicts[b].push_back(a);
                }
        AreaChoiceParams p;
        p.k = 1 + static_cast<std::size_t>(trial % 4);
        p.time_limit_s = 5;
        p.conflicts = conflicts;
        const AreaChoice got = chooseAreas(c, p);
        INFO("trial ", trial);
        REQUIRE(got.proved_optimal);
        CHECK(got.value == doctest::Approx(bruteForce(c, p.k, 0, conflicts)));
        CHECK(got.value >= got.greedy_value - 1e-9);
        for (std::size_t i = 0; i < got.chosen.size(); ++i)
            for (std::size_t j = 0; j < i; ++j)
                CHECK(std::find(conflicts[got.chosen[i]].begin(), conflicts[got.chosen[i]].end(),
                                got.chosen[j]) == conflicts[got.chosen[i]].end());
    }
}

TEST_CASE("area choice equals brute force on small grids, and is never below greedy") {
    Rng rng(7);
    int beat_greedy = 0;
    for (int trial = 0; trial < 200; ++trial) {
        // A 5 x 5 grid of candidate centres 100 m apart with lumpy values.
        std::vector<AreaCandidate> c;
        for (int r = 0; r < 5; ++r)
            for (int q = 0; q < 5; ++q)
                c.push_back({q * 100.0, r * 100.0, std::floor(rng.uniform() * rng.uniform() * 50)});
        const std::size_t k = 1 + static_cast<std::size_t>(trial % 4);
        const double d = 150 + (trial % 3) * 60.0;
        const AreaChoice got = chooseAreas(c, {k, d, 5.0});
        const double exact = bruteForce(c, k, d);
        INFO("trial ", trial);
        REQUIRE(got.proved_optimal);
        CHECK(got.value == doctest::Approx(exact));
        CHECK(got.upper_bound == doctest::Approx(exact));
        CHECK(got.value >= got.greedy_value - 1e-9);
        beat_greedy += got.value > got.greedy_value + 1e-9;
        // The choice is what it claims: compatible, at most k, values adding up.
        double sum = 0;
        for (std::size_t i = 0; i < got.chosen.size(); ++i) {
            sum += c[got.chosen[i]].value;
            for (std::size_t j = 0; j < i; ++j)
                CHECK(std::hypot(c[got.chosen[i]].x - c[got.chosen[j]].x,
                                 c[got.chosen[i]].y - c[got.chosen[j]].y) >= d);
        }
        CHECK(got.chosen.size() <= k);
        CHECK(sum == doctest::Approx(got.value));
    }
    CHECK(beat_greedy > 0); // some of these grids fool greedy
}

TEST_CASE("area choice on near-copies of a few hotspots' circles equals brute force, and its "
          "bound holds when stopped") {
    Rng rng(23);
    for (int trial = 0; trial < 120; ++trial) {
        // 18 candidates around 4 hotspots (jittered centres, like the circles through pairs of
        // one hotspot's locations), values falling off from each hotspot's peak.
        std::vector<AreaCandidate> c;
        for (int h = 0; h < 4; ++h) {
            const double hx = rng.uniform(0, 1500), hy = rng.uniform(0, 1500);
            const double peak = std::floor(20 + rng.uniform() * 60);
            for (int i = 0; i < (h < 2 ? 5 : 4); ++i)
                c.push_back({hx + rng.uniform(-250, 250), hy + rng.uniform(-250, 250),
                             std::floor(peak * (0.6 + 0.4 * rng.uniform()))});
        }
        const std::size_t k = 1 + static_cast<std::size_t>(trial % 5);
        const double d = 300 + (trial % 4) * 100.0;
        const double exact = bruteForce(c, k, d);
        INFO("trial ", trial);
        const AreaChoice got = chooseAreas(c, {k, d, 5.0});
        REQUIRE(got.proved_optimal);
        CHECK(got.value == doctest::Approx(exact));
        // Stopped at once: the bound it reports still holds.
        const AreaChoice cut = chooseAreas(c, {k, d, 0.0});
        CHECK(cut.upper_bound >= exact - 1e-9);
        CHECK(cut.value <= exact + 1e-9);
    }
}

TEST_CASE("area choice drops candidates past enough separated better ones, and still equals "
          "brute force") {
    Rng rng(31);
    int pruned = 0;
    for (int trial = 0; trial < 40; ++trial) {
        // 70 candidates over a 2 km square: with the centre rule alone, once 5(k-1)+1 pairwise
        // compatible candidates have been seen best first, every later one can be swapped for one
        // of them, so only the candidates up to there are searched.
        std::vector<AreaCandidate> c;
        for (int i = 0; i < 70; ++i)
            c.push_back({rng.uniform(0, 2000), rng.uniform(0, 2000),
                         std::floor(1 + rng.uniform() * rng.uniform() * 60)});
        const std::size_t k = 1 + static_cast<std::size_t>(trial % 3);
        const double d = 250 + (trial % 4) * 100.0;
        const AreaChoice got = chooseAreas(c, {k, d, 5.0});
        INFO("trial ", trial);
        REQUIRE(got.proved_optimal);
        CHECK(got.value == doctest::Approx(bruteForce(c, k, d)));
        CHECK(got.upper_bound == doctest::Approx(got.value));
        pruned += got.kept_candidates < c.size();
    }
    CHECK(pruned > 30);
}

TEST_CASE("area choice on dense clusters of near-copies (the block bound's case) equals brute "
          "force") {
    Rng rng(57);
    for (int trial = 0; trial < 60; ++trial) {
        // 42 candidates in 3 dense clusters a little over one or two minimum distances across,
        // like the circles through pairs of a town centre's snap points: several areas fit in
        // one cluster, so groups of one cluster interact and blocks of them decide the bound.
        const double d = 300 + (trial % 3) * 100.0;
        std::vector<AreaCandidate> c;
        for (int h = 0; h < 3; ++h) {
            const double hx = rng.uniform(0, 3 * d), hy = rng.uniform(0, 3 * d);
            const double spread = d * (0.8 + (h % 2) * 0.6);
            for (int i = 0; i < 14; ++i) {
                const double ex = rng.uniform(-spread, spread), ey = rng.uniform(-spread, spread);
                const double peak = 60 - 25 * std::hypot(ex, ey) / spread;
                c.push_back(
                    {hx + ex, hy + ey, std::floor(std::max(1.0, peak * rng.uniform(0.7, 1.0)))});
            }
        }
        const std::size_t k = 2 + static_cast<std::size_t>(trial % 3);
        const double exact = bruteForce(c, k, d);
        INFO("trial ", trial);
        const AreaChoice got = chooseAreas(c, {k, d, 5.0});
        REQUIRE(got.proved_optimal);
        CHECK(got.value == doctest::Approx(exact));
        CHECK(got.upper_bound == doctest::Approx(exact));
        double sum = 0;
        for (std::size_t i = 0; i < got.chosen.size(); ++i) {
            sum += c[got.chosen[i]].value;
            for (std::size_t j = 0; j < i; ++j)
                CHECK(std::hypot(c[got.chosen[i]].x - c[got.chosen[j]].x,
                                 c[got.chosen[i]].y - c[got.chosen[j]].y) >= d);
        }
        CHECK(sum == doctest::Approx(got.value));
    }
}

TEST_CASE("one big area blocking two slightly smaller ones: greedy is fooled, the plan is not") {
    // Centres on a line: B (value 10) at 0 conflicts with A (9) at -300 and C (9) at +300,
    // which do not conflict with each other (600 m apart, gap 400 m).
    const std::vector<AreaCandidate> c{{-300, 0, 9}, {0, 0, 10}, {300, 0, 9}};
    const AreaChoice g = greedyAreaChoice(c, {2, 400});
    CHECK(g.greedy_value == 10);
    const AreaChoice best = chooseAreas(c, {2, 400});
    CHECK(best.value == 18);
    CHECK(best.proved_optimal);
    CHECK(best.chosen == std::vector<std::size_t>{0, 2});
    CHECK(best.greedy_value == 10);
}

TEST_CASE("area choice: nothing to capture, and fewer compatible candidates than weeks") {
    CHECK(chooseAreas({}, {3, 100}).chosen.empty());
    CHECK(chooseAreas({{0, 0, 0}, {500, 0, 0}}, {3, 100}).chosen.empty());
    const auto two = chooseAreas({{0, 0, 5}, {50, 0, 4}, {500, 0, 3}}, {3, 100});
    CHECK(two.value == 8);
    CHECK(two.chosen.size() == 2);
}

TEST_CASE("a partner's dates keep their day in every accepted spelling; a month alone has none") {
    const DayNumber d = makeDay(2025, 3, 14);
    for (const char* t : {"2025-03-14", "2025/03/14", "14/03/2025", "14/3/2025", "2025-03-14T22:10",
                          "14/03/2025 22:10", " 2025-03-14 "})
        CHECK(parseDateAsDay(t) == d);
    for (const char* t : {"2025-03", "2025-02-30", "31/04/2025", "14-03-2025", "2025-03-14x", ""})
        CHECK_FALSE(parseDateAsDay(t));
}

TEST_CASE("rows keep their days through append and filtering; month-only rows have none") {
    IncidentTable dated, monthly;
    for (int k = 0; k < 3; ++k) {
        for (IncidentTable* t : {&dated, &monthly}) {
            t->x.push_back(k);
            t->y.push_back(k);
            t->month.push_back(makeMonth(2025, 3));
            t->ward.push_back(0);
            t->line.push_back(static_cast<std::uint32_t>(k));
            t->file.push_back(0);
            t->crime_type.push("x");
        }
        dated.day.push_back(makeDay(2025, 3, 10 + k));
    }
    dated.files = monthly.files = {"f"};
    IncidentTable both = monthly;
    both.append(dated);
    REQUIRE(both.size() == 6);
    CHECK(both.dayOf(0) == kNoDay);
    CHECK(both.dayOf(4) == makeDay(2025, 3, 11));
    const auto kept = filterRows(both, {0, 0, 1, 0, 0, 1});
    CHECK(kept.dayOf(0) == kNoDay);
    CHECK(kept.dayOf(1) == makeDay(2025, 3, 12));
}

TEST_CASE("postcode keys ignore case and spaces; the index finds the first of a repeat") {
    const auto k = postcodeKey("ME4 4TZ");
    REQUIRE(k);
    for (const char* t : {"me44tz", " ME4  4TZ ", "Me4 4tZ", "\"ME4 4TZ\""})
        CHECK(postcodeKey(t) == k);
    CHECK(postcodeKey("M1 1AA") != postcodeKey("M11 1AA"));
    for (const char* t : {"", "ME4", "ME4 4T", "ME4-4TZ", "ME44TZZZ", "NOT A PC", "4E4 4TZ"})
        CHECK_FALSE(postcodeKey(t));
    PostcodeIndex idx;
    idx.add({*postcodeKey("ME7 1AA"), 2, 2, true});
    idx.add({*k, 1, 1, false});
    idx.add({*k, 9, 9, false});
    CHECK(idx.finish() == 1);
    REQUIRE(idx.find(*k));
    CHECK(idx.find(*k)->easting == 1);
    CHECK(idx.find(*postcodeKey("ME7 1AA"))->terminated);
    CHECK_FALSE(idx.find(*postcodeKey("ME9 9XX")));
}

TEST_CASE("hexagon tessellation: every point in the cell whose polygon covers it; equal areas; "
          "neighbours share an edge") {
    const HexGrid g(150, Point(1000, 2000));
    CHECK(g.area() == doctest::Approx(bg::area(g.shape({3, -2}))));
    CHECK(g.area() == doctest::Approx(58456.7).epsilon(1e-4));
    Rng rng(41);
    for (int i = 0; i < 20000; ++i) {
        const double x = rng.uniform(-2000, 4000), y = rng.uniform(0, 5000);
        const HexCell c = g.cellOf(x, y);
        INFO("point ", x, " ", y);
        CHECK(bg::covered_by(Point(x, y), g.shape(c)));
        CHECK(g.cellOf(g.centre(c).x(), g.centre(c).y()) == c);
    }
    const HexCell c{2, 5};
    for (HexCell n : g.neighbours(c)) {
        CHECK(bg::distance(g.centre(c), g.centre(n)) == doctest::Approx(150 * std::sqrt(3.0)));
        CHECK(bg::distance(g.shape(c), g.shape(n)) == doctest::Approx(0).epsilon(1e-9));
        CHECK(!bg::overlaps(g.shape(c), g.shape(n)));
    }
}
