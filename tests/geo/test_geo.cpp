// GEOS/PROJ wrappers: transforms, CRS choice, polygon repair, ward location, triangulation.
#include "core/incident_table.hpp"
#include "geo/crs_transform.hpp"
#include "geo/polygon_repair.hpp"
#include "geo/triangulate.hpp"
#include "geo/voronoi_cells.hpp"
#include "geo/ward_locator.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <vector>

using namespace sw;

namespace {
Polygon square(double x0, double y0, double size) {
    Polygon p;
    p.outer() = {{x0, y0}, {x0, y0 + size}, {x0 + size, y0 + size}, {x0 + size, y0}, {x0, y0}};
    return p;
}
} // namespace

TEST_CASE("WGS84 to British National Grid and back") {
    auto to_bng = geo::CrsTransform::create("EPSG:4326", "EPSG:27700");
    auto to_wgs = geo::CrsTransform::create("EPSG:27700", "EPSG:4326");
    REQUIRE(to_bng);
    REQUIRE(to_wgs);
    // A point in Medway; reference from PROJ's cs2cs (EPSG:27700 579000,169000).
    double x = 0.571417, y = 51.391803;
    to_bng.value().transform(&x, &y, 1);
    CHECK(std::abs(x - 579000) < 0.5);
    CHECK(std::abs(y - 169000) < 0.5);
    to_wgs.value().transform(&x, &y, 1);
    CHECK(std::abs(x - 0.571417) < 1e-7);
    CHECK(std::abs(y - 51.391803) < 1e-7);
}

TEST_CASE("parallel transform gives the same bits as serial") {
    auto t = geo::CrsTransform::create("EPSG:4326", "EPSG:27700");
    REQUIRE(t);
    std::vector<double> x1, y1;
    for (int i = 0; i < 200000; ++i) {
        x1.push_back(0.4 + (i % 1000) * 1e-4);
        y1.push_back(51.3 + (i / 1000) * 5e-4);
    }
    auto x2 = x1, y2 = y1;
    t.value().transform(x1.data(), y1.data(), x1.size());
    t.value().transformParallel(x2.data(), y2.data(), x2.size(), 3);
    CHECK(x1 == x2);
    CHECK(y1 == y2);
}

TEST_CASE("working CRS: BNG in Great Britain, UTM elsewhere") {
    CHECK(geo::chooseWorkingCrs(0.53, 51.38) == "EPSG:27700");
    CHECK(geo::chooseWorkingCrs(-3.2, 55.95) == "EPSG:27700");  // Edinburgh
    CHECK(geo::chooseWorkingCrs(-5.93, 54.6) == "EPSG:32630");  // Belfast
    CHECK(geo::chooseWorkingCrs(2.35, 48.86) == "EPSG:32631");  // Paris
    CHECK(geo::chooseWorkingCrs(151.2, -33.9) == "EPSG:32756"); // Sydney
    CHECK(geo::checkProjectedCrs("EPSG:27700"));
    CHECK_FALSE(geo::checkProjectedCrs("EPSG:4326"));
    CHECK_FALSE(geo::checkProjectedCrs("EPSG:99999999"));
}

TEST_CASE("an invalid bow-tie ward is repaired into valid polygons of the same area") {
    Polygon bowtie;
    bowtie.outer() = {{0, 0}, {10, 10}, {10, 0}, {0, 10}, {0, 0}};
    auto out = geo::repairPolygon(MultiPolygon{bowtie});
    CHECK(out.was_invalid);
    CHECK(out.reason.find("Self-intersection") != std::string::npos);
    CHECK(out.shape.size() == 2);
    CHECK(geo::polygonArea(out.shape) == doctest::Approx(50.0));
    auto ok = geo::repairPolygon(MultiPolygon{square(0, 0, 5)});
    CHECK_FALSE(ok.was_invalid);
    CHECK(geo::polygonArea(ok.shape) == doctest::Approx(25.0));
}

TEST_CASE("ward location: parts, holes, boundaries and outside points, any thread count") {
    WardSet wards;
    Ward a, b;
    a.name = "A (with a hole)";
    Polygon pa = square(0, 0, 100);
    Ring hole = {{40, 40}, {60, 40}, {60, 60}, {40, 60}, {40, 40}};
    pa.inners().push_back(hole);
    bg::correct(pa);
    a.shape = MultiPolygon{pa};
    b.name = "B (two parts, one inside A's hole)";
    Polygon island = square(45, 45, 10), east = square(100, 0, 100);
    bg::correct(island);
    bg::correct(east);
    b.shape = MultiPolygon{east, island};
    wards.wards = {a, b};
    geo::WardLocator loc(wards);
    CHECK(loc.locate(10, 10) == 0);
    CHECK(loc.locate(150, 50) == 1);
    CHECK(loc.locate(50, 50) == 1);             // the island in A's hole
    CHECK(loc.locate(42, 42) == kOutsideWards); // in the hole, not the island
    CHECK(loc.locate(100, 50) == 0);            // shared edge: lowest ward index
    CHECK(loc.locate(-5, 50) == kOutsideWards);

    std::vector<double> x, y;
    for (int i = 0; i < 100000; ++i) {
        x.push_back(-10 + (i % 317) * 0.7);
        y.push_back(-10 + (i / 317) * 0.4);
    }
    std::vector<std::int32_t> w1(x.size()), w2(x.size());
    loc.assign(x.data(), y.data(), w1.data(), x.size(), 1);
    loc.assign(x.data(), y.data(), w2.data(), x.size(), 2);
    CHECK(w1 == w2);
    for (std::size_t i = 0; i < x.size(); i += 997)
        CHECK(w1[i] == loc.locate(x[i], y[i]));
}

TEST_CASE("triangulation covers the polygon (holes excluded)") {
    Polygon p = square(0, 0, 10);
    p.inners().push_back({{2, 2}, {4, 2}, {4, 4}, {2, 4}, {2, 2}});
    bg::correct(p);
    const auto tris = geo::triangulate(MultiPolygon{p});
    REQUIRE(tris.size() % 3 == 0);
    double area = 0;
    for (std::size_t i = 0; i < tris.size(); i += 3) {
        const auto &a = tris[i], &b = tris[i + 1], &c = tris[i + 2];
        area += std::abs((b.x() - a.x()) * (c.y() - a.y()) - (c.x() - a.x()) * (b.y() - a.y())) / 2;
    }
    CHECK(area == doctest::Approx(96.0));
}

TEST_CASE("Voronoi cells tile the clip area in seed order") {
    const std::vector<Point> seeds = {{25, 50}, {75, 50}};
    const auto cells = geo::voronoiCells(seeds, MultiPolygon{square(0, 0, 100)});
    REQUIRE(cells.size() == 2);
    CHECK(geo::polygonArea(cells[0]) == doctest::Approx(5000.0));
    CHECK(bg::within(Point(10, 50), cells[0]));
    CHECK(bg::within(Point(90, 50), cells[1]));
}
