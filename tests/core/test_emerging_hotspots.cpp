// Emerging hot spots: Mann-Kendall against hand-computed values, each pattern's rule, and a
// built space-time grid whose clusters come and go.
#include "core/emerging_hotspots.hpp"

#include <doctest/doctest.h>

#include <cmath>

using namespace sw;

TEST_CASE("Mann-Kendall: S, tie-corrected variance, z and p by hand") {
    const std::vector<double> rising{1, 2, 3, 4, 5};
    const auto mk = mannKendall(rising);
    CHECK(mk.s == 10);
    CHECK(mk.var == doctest::Approx(5.0 * 4 * 15 / 18));
    CHECK(mk.z == doctest::Approx(9 / std::sqrt(300.0 / 18)));
    CHECK(mk.p == doctest::Approx(std::erfc(mk.z / std::sqrt(2.0))));
    const std::vector<double> ties{1, 1, 2};
    const auto t = mannKendall(ties);
    CHECK(t.s == 2);
    CHECK(t.var == doctest::Approx((3.0 * 2 * 11 - 2 * 1 * 9) / 18));
    CHECK(t.z == doctest::Approx(1 / std::sqrt(48.0 / 18)));
    const std::vector<double> falling{5, 4, 3, 2, 1};
    CHECK(mannKendall(falling).z == doctest::Approx(-mk.z));
    const std::vector<double> flat{2, 2, 2, 2};
    CHECK(mannKendall(flat).z == 0);
    CHECK(mannKendall(flat).p == 1);
}

TEST_CASE("emerging patterns: one rule each") {
    EmergingParams p;
    auto series = [](std::size_t n, std::initializer_list<int> on) {
        std::vector<bool> h(n, false);
        for (int t : on)
            h[static_cast<std::size_t>(t)] = true;
        return h;
    };
    MannKendall flat, up, down;
    up.z = 3;
    up.p = 0.003;
    down.z = -3;
    down.p = 0.003;
    CHECK(classifySeries(series(10, {}), flat, p) == EmergingPattern::None);
    CHECK(classifySeries(series(10, {9}), flat, p) == EmergingPattern::New);
    CHECK(classifySeries(series(10, {8, 9}), flat, p) == EmergingPattern::New);
    CHECK(classifySeries(series(10, {8}), flat, p) == EmergingPattern::Intermittent); // not now
    CHECK(classifySeries(series(10, {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}), flat, p) ==
          EmergingPattern::Persistent);
    CHECK(classifySeries(series(10, {1, 2, 3, 4, 5, 6, 7, 8, 9}), up, p) ==
          EmergingPattern::Intensifying);
    CHECK(classifySeries(series(10, {0, 1, 2, 3, 4, 5, 6, 7, 9}), down, p) ==
          EmergingPattern::Diminishing);
    // 90% hot but not in the final month: persistent, not diminishing.
    CHECK(classifySeries(series(10, {0, 1, 2, 3, 4, 5, 6, 7, 8}), down, p) ==
          EmergingPattern::Persistent);
    CHECK(classifySeries(series(10, {0, 1, 2, 3, 4}), flat, p) == EmergingPattern::Former);
    CHECK(classifySeries(series(10, {1, 4, 9}), flat, p) == EmergingPattern::Intermittent);
    CHECK(classifySeries(series(20, {3}), flat, p) == EmergingPattern::None); // 5% < 10%
    CHECK(std::string(patternName(EmergingPattern::Former)) == "former");
}

TEST_CASE("emerging hot spots on a built space-time grid") {
    // 40 x 40 cells of 10 m. Every month: one incident in every cell, plus clusters.
    const Box extent(Point(0, 0), Point(400, 400));
    const std::size_t months = 10;
    auto cell = [](int c, int r) { return std::pair<double, double>{c * 10 + 5, 395 - r * 10}; };
    std::vector<WeightedPoints> per_month(months);
    for (std::size_t m = 0; m < months; ++m) {
        WeightedPoints& w = per_month[m];
        auto add = [&](int c, int r, int n) {
            for (int i = 0; i < n; ++i) {
                w.x.push_back(cell(c, r).first);
                w.y.push_back(cell(c, r).second);
            }
        };
        for (int r = 0; r < 40; ++r)
            for (int c = 0; c < 40; ++c)
                add(c, r, 1);
        add(5, 5, 30); // always: persistent
        if (m >= 8)
            add(30, 5, 30); // the last two months: new
        if (m < 5)
            add(5, 30, 30); // the first half: former
    }
    EmergingParams p;
    p.gi.cell_size_m = 10;
    p.gi.distance_m = 15; // the cell and its 8 neighbours
    Progress progress;
    auto res = computeEmergingHotspots(per_month, extent, p, {}, &progress);
    REQUIRE(res);
    const EmergingResult& e = res.value();
    CHECK(e.months == 10);
    CHECK(e.recent_months == 2);
    CHECK(progress.fraction() == 1.0);
    auto at = [&](int c, int r) { return e.pattern[static_cast<std::size_t>(r) * 40 + c]; };
    CHECK(at(5, 5) == EmergingPattern::Persistent);
    CHECK(e.hot_months[5 * 40 + 5] == 10);
    CHECK(at(30, 5) == EmergingPattern::New);
    CHECK(at(5, 30) == EmergingPattern::Former);
    CHECK(at(20, 20) == EmergingPattern::None); // quiet everywhere else
    CHECK(e.shape.values[5 * 40 + 5] == 310);

    Progress cancelled;
    cancelled.cancel();
    CHECK_FALSE(computeEmergingHotspots(per_month, extent, p, {}, &cancelled));
    CHECK_FALSE(computeEmergingHotspots({per_month[0]}, extent, p, {}));

    // A cluster growing every month is intensifying. Gi* measures clustering relative to the
    // month's whole grid, so a steady cluster beside it loses intensity: diminishing.
    for (std::size_t m = 0; m < months; ++m)
        for (int i = 0; i < 12 + 4 * static_cast<int>(m); ++i) {
            per_month[m].x.push_back(cell(30, 30).first);
            per_month[m].y.push_back(cell(30, 30).second);
        }
    auto grown = computeEmergingHotspots(per_month, extent, p, {});
    REQUIRE(grown);
    CHECK(grown.value().pattern[30 * 40 + 30] == EmergingPattern::Intensifying);
    CHECK(grown.value().trend_z[30 * 40 + 30] > 1.96);
}
