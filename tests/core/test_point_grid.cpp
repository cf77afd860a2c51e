// Cell buckets answer "which points lie in this polygon" exactly as a test of every point does:
// random points (some on a lattice, so on cell edges and polygon edges), circles, rectangles,
// a polygon with a hole, a shape partly outside the points and one wholly outside.
#include "core/point_grid.hpp"
#include "core/random.hpp"
#include "core/target_area.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace sw;

namespace {

std::vector<std::uint32_t> bruteForce(const std::vector<double>& x, const std::vector<double>& y,
                                      const MultiPolygon& shape) {
    std::vector<std::uint32_t> out;
    for (std::size_t i = 0; i < x.size(); ++i)
        if (bg::covered_by(Point(x[i], y[i]), shape))
            out.push_back(static_cast<std::uint32_t>(i));
    return out;
}

std::vector<std::uint32_t> viaGrid(const PointGrid& g, const MultiPolygon& shape) {
    std::vector<std::uint32_t> out;
    g.inside(shape, out);
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace

TEST_CASE("point grid: the same points as testing each one, for many shapes") {
    Rng rng(5);
    std::vector<double> x, y;
    for (int i = 0; i < 20000; ++i) {
        x.push_back(rng.uniform(0, 2000));
        y.push_back(rng.uniform(0, 1500));
    }
    for (int i = 0; i <= 40; ++i) // a lattice every 50 m: on cell and rectangle edges
        for (int j = 0; j <= 30; ++j) {
            x.push_back(i * 50.0);
            y.push_back(j * 50.0);
        }
    const PointGrid grid(x, y, 50);
    CHECK(grid.size() == x.size());
    std::vector<MultiPolygon> shapes;
    for (int k = 0; k < 40; ++k)
        shapes.push_back(circleShape(Point(rng.uniform(-200, 2200), rng.uniform(-200, 1700)),
                                     rng.uniform(5, 600)));
    shapes.push_back(rectangleShape(Point(100, 100), Point(600, 450))); // edges on the lattice
    shapes.push_back(rectangleShape(Point(-500, -500), Point(3000, 3000)));
    shapes.push_back(rectangleShape(Point(5000, 5000), Point(6000, 6000))); // none
    MultiPolygon holed = rectangleShape(Point(200, 200), Point(1200, 1000));
    Ring hole{{500, 400}, {900, 400}, {900, 800}, {500, 800}, {500, 400}};
    holed[0].inners().push_back(hole);
    bg::correct(holed);
    shapes.push_back(holed);
    for (std::size_t s = 0; s < shapes.size(); ++s) {
        INFO("shape ", s);
        CHECK(viaGrid(grid, shapes[s]) == bruteForce(x, y, shapes[s]));
    }
    CHECK(viaGrid(grid, shapes[shapes.size() - 2]).empty());
    CHECK(viaGrid(grid, shapes[shapes.size() - 3]).size() == x.size());
    CHECK(viaGrid(PointGrid{}, shapes[0]).empty());
}
