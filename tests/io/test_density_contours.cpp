// Hotspot outlines as contours of the threshold: on a surface of two Gaussian bumps the outline
// of each region is the circle where the surface equals the threshold (area within 2%), not
// the staircase of its cells, and each outline belongs to its own region.
#include "io/density_contours.hpp"
#include "io/region_polygons.hpp"

#include <doctest/doctest.h>

#include <cmath>

using namespace sw;

TEST_CASE("hotspot outlines follow the density surface at the threshold") {
    Grid g;
    g.xmin = 570000;
    g.ymax = 161000;
    g.cell = 10;
    g.cols = 100;
    g.rows = 60;
    g.values.assign(g.cols * g.rows, 0.0);
    const double sigma = 60;
    const Point a(570250, 160700), b(570750, 160700);
    for (std::size_t r = 0; r < g.rows; ++r)
        for (std::size_t c = 0; c < g.cols; ++c) {
            const double x = g.xmin + (static_cast<double>(c) + 0.5) * g.cell;
            const double y = g.ymax - (static_cast<double>(r) + 0.5) * g.cell;
            double v = 0;
            for (const Point& p : {a, b}) {
                const double d2 = (x - p.x()) * (x - p.x()) + (y - p.y()) * (y - p.y());
                v += 1000 * std::exp(-d2 / (2 * sigma * sigma));
            }
            g.values[r * g.cols + c] = v;
        }
    const double threshold = 500; // half the peak: r = sigma * sqrt(2 ln 2), about 70.6 m
    const RegionLabels regions = labelRegions(g, threshold, {});
    REQUIRE(regions.count == 2);
    auto cells = io::polygonizeRegions(g, regions);
    REQUIRE(cells);
    auto outlines = io::contourRegions(g, regions, threshold, {}, cells.value());
    REQUIRE(outlines);
    REQUIRE(outlines.value().size() == 2);
    const double radius = sigma * std::sqrt(2 * std::log(2.0));
    const double circle = M_PI * radius * radius;
    for (std::size_t i = 0; i < 2; ++i) {
        const MultiPolygon& o = outlines.value()[i];
        REQUIRE(o.size() == 1);
        CHECK(std::abs(bg::area(o)) == doctest::Approx(circle).epsilon(0.02));
        // Smooth: many vertices, most of them off the cells' corner grid (the cells' own
        // polygon, the fallback, has every vertex on it).
        CHECK(o[0].outer().size() > 30);
        std::size_t off_grid = 0;
        for (const auto& p : o[0].outer()) {
            const double fx = std::fmod(p.x() - g.xmin, g.cell),
                         fy = std::fmod(g.ymax - p.y(), g.cell);
            off_grid += (fx > 1e-6 && fx < g.cell - 1e-6) || (fy > 1e-6 && fy < g.cell - 1e-6);
        }
        CHECK(off_grid > o[0].outer().size() / 2);
    }
    // Each outline holds its own bump's centre (regions are numbered west to east here).
    const std::int32_t ra = regions.label[static_cast<std::size_t>(30 * 100 + 25)];
    REQUIRE(ra > 0);
    CHECK(bg::covered_by(a, outlines.value()[static_cast<std::size_t>(ra - 1)]));
    CHECK_FALSE(bg::covered_by(b, outlines.value()[static_cast<std::size_t>(ra - 1)]));

    // Outside the study area the surface counts as zero: the outline closes at its edge.
    std::vector<std::uint8_t> in_study(g.values.size(), 1);
    for (std::size_t r = 0; r < g.rows; ++r)
        for (std::size_t c = 0; c < 25; ++c)
            in_study[r * g.cols + c] = 0; // the west half of bump a is outside
    const RegionLabels cut = labelRegions(g, threshold, in_study);
    auto cut_cells = io::polygonizeRegions(g, cut);
    REQUIRE(cut_cells);
    auto cut_outlines = io::contourRegions(g, cut, threshold, in_study, cut_cells.value());
    REQUIRE(cut_outlines);
    REQUIRE(cut_outlines.value().size() == 2);
    const Box first = bg::return_envelope<Box>(cut_outlines.value()[0]);
    CHECK(first.min_corner().x() >= 570000 + 24 * 10); // never past the study area's edge
    CHECK(std::abs(bg::area(cut_outlines.value()[0])) < circle * 0.6);
}
