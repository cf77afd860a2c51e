// Hotspot thresholds, 8-connected regions and statistics on grids the test builds.
#include "core/hotspots.hpp"

#include <doctest/doctest.h>

using namespace sw;

namespace {
Grid grid(std::size_t cols, std::size_t rows, std::vector<double> v) {
    Grid g;
    g.xmin = 0;
    g.ymax = static_cast<double>(rows) * 10;
    g.cell = 10;
    g.cols = cols;
    g.rows = rows;
    g.values = std::move(v);
    return g;
}
} // namespace

TEST_CASE("threshold rules parse and refuse nonsense") {
    CHECK(parseThreshold("top:5%").value().amount == 5);
    CHECK(parseThreshold("top:2.5").value().mode == HotspotThreshold::Mode::TopPercent);
    CHECK(parseThreshold("sd:2").value().mode == HotspotThreshold::Mode::MeanPlusSd);
    CHECK(parseThreshold("value:1500").value().amount == 1500);
    CHECK_FALSE(parseThreshold("top:150%"));
    CHECK_FALSE(parseThreshold("top:abc"));
    CHECK_FALSE(parseThreshold("median:3"));
    CHECK_FALSE(parseThreshold("value:-1"));
    // The words describe() gives (a plan records them) read back as the same rule.
    for (const char* spec : {"top:2.5%", "sd:1.5", "value:1200"}) {
        const HotspotThreshold t = parseThreshold(spec).value();
        const auto back = parseThreshold(t.describe());
        REQUIRE(back);
        CHECK(back.value().mode == t.mode);
        CHECK(back.value().amount == t.amount);
    }
    CHECK_FALSE(parseThreshold("top 5% of everything"));
}

TEST_CASE("top p% counts study-area cells only; mean + k SD uses non-zero cells") {
    // 10 cells: values 1..10; the study area is the first 8.
    std::vector<double> v;
    for (int i = 1; i <= 10; ++i)
        v.push_back(i);
    const Grid g = grid(10, 1, v);
    const std::vector<std::uint8_t> study = {1, 1, 1, 1, 1, 1, 1, 1, 0, 0};
    HotspotThreshold top{HotspotThreshold::Mode::TopPercent, 25};
    CHECK(thresholdValue(g, study, top) == 7); // top 2 of 8 study cells: 7 and 8
    CHECK(thresholdValue(g, {}, top) == 8);    // top 3 of 10 (ceil 2.5): 8, 9, 10
    const Grid z = grid(4, 1, {0, 2, 4, 0});
    HotspotThreshold sd{HotspotThreshold::Mode::MeanPlusSd, 1};
    CHECK(thresholdValue(z, {}, sd) == doctest::Approx(4.0)); // mean 3, SD 1 over {2, 4}
}

TEST_CASE("regions are 8-connected and numbered in row-major order") {
    // 5 x 4 grid:     row 0: 9 9 0 0 0
    //                 row 1: 0 0 9 0 0    (diagonal to row 0: same region)
    //                 row 2: 0 0 0 0 9    (separate)
    //                 row 3: 9 0 0 0 9
    const Grid g = grid(5, 4, {9, 9, 0, 0, 0, 0, 0, 9, 0, 0, 0, 0, 0, 0, 9, 9, 0, 0, 0, 9});
    const auto r = labelRegions(g, 5, {});
    CHECK(r.count == 3);
    CHECK(r.label[0] == 1);
    CHECK(r.label[7] == 1);
    CHECK(r.label[14] == 2);
    CHECK(r.label[19] == 2);
    CHECK(r.label[15] == 3);
    CHECK(r.label[2] == 0);
}

TEST_CASE("statistics: incidents inside, share, PAI, rank (ties broken by peak)") {
    const Grid g = grid(4, 1, {5, 0, 7, 8});
    const auto r = labelRegions(g, 5, {});
    REQUIRE(r.count == 2); // region 1 = cell 0, region 2 = cells 2 and 3
    // Incidents in cells 0, 0, 2, 3, 1 and one outside the grid; layer bit for some.
    const std::vector<std::int64_t> cells = {0, 0, 2, 3, 1, -1};
    const std::vector<std::uint32_t> masks = {1, 0, 1, 1, 1, 0};
    const double study_km2 = 4 * 100 / 1e6;
    const auto s = hotspotStats(g, r, cells, masks, 1, study_km2);
    REQUIRE(s.size() == 2);
    // Both hold 2 incidents; region 2 has the higher peak (8), so it ranks first.
    CHECK(s[0].region == 2);
    CHECK(s[0].rank == 1);
    CHECK(s[0].cells == 2);
    CHECK(s[0].incidents == 2);
    CHECK(s[0].per_layer[0] == 2);
    CHECK(s[0].peak == 8);
    CHECK(s[1].region == 1);
    CHECK(s[1].per_layer[0] == 1);
    CHECK(s[1].share == doctest::Approx(2.0 / 6.0));
    // PAI = (n/N) / (a/A) = (2/6) / (1 cell / 4 cells).
    CHECK(s[1].pai == doctest::Approx((2.0 / 6.0) / 0.25));
    CHECK(s[0].pai == doctest::Approx((2.0 / 6.0) / 0.5));
    CHECK(s[1].area_km2 == doctest::Approx(100 / 1e6));
    CHECK(cellIndex(g, 35, 5) == 3);
    CHECK(cellIndex(g, 41, 5) == -1);
}
