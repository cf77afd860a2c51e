#include "core/circle_placements.hpp"
#include "core/geometry.hpp"
#include "core/target_area.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <random>

using namespace sw;

TEST_CASE("circle placements: the saved polygon's test agrees with Boost.Geometry") {
    std::mt19937 rng(3);
    std::uniform_real_distribution<double> u(-310, 310);
    const MultiPolygon shape = circleShape(Point(0, 0), 300);
    for (int i = 0; i < 20000; ++i) {
        const double x = u(rng), y = u(rng);
        INFO(x << ", " << y);
        CHECK(insideCirclePolygon(x, y, 300, 64) == bg::covered_by(Point(x, y), shape));
    }
}

TEST_CASE("circle placements: identical coordinates merge into one weighted location") {
    WeightedPoints p;
    p.x = {1, 2, 1, 1, 2};
    p.y = {5, 5, 5, 6, 5};
    const WeightedPoints m = mergeLocations(p);
    REQUIRE(m.x.size() == 3);
    CHECK(m.w == std::vector<double>{2, 2, 1});
    p.w = {1, 3, 0.5, 1, 1};
    CHECK(mergeLocations(p).w == std::vector<double>{1.5, 4, 1});
}

TEST_CASE("circle placements: every capture is the count on the saved polygon, and no circle "
          "captures more than the best of them") {
    std::mt19937 rng(11);
    std::normal_distribution<double> g(0, 250);
    WeightedPoints p;
    for (int i = 0; i < 400; ++i) {
        p.x.push_back(std::round(g(rng) / 20) * 20); // snapped, as police.uk's points are
        p.y.push_back(std::round(g(rng) / 20) * 20);
    }
    const WeightedPoints loc = mergeLocations(p);
    PlacementParams pp;
    pp.radius_m = 150;
    pp.threads = 2;
    const Placements pl = circlePlacements(loc, pp);
    REQUIRE(pl.enumerated);
    CHECK(pl.locations == loc.x.size());
    CHECK(pl.pairs > 0);
    // Each candidate's value: the incidents the saved polygon covers.
    double best = 0;
    for (std::size_t c = 0; c < pl.candidates.size(); c += 7) {
        const auto& k = pl.candidates[c];
        const MultiPolygon shape = circleShape(Point(k.x, k.y), 150);
        double n = 0;
        for (std::size_t i = 0; i < p.x.size(); ++i)
            n += bg::covered_by(Point(p.x[i], p.y[i]), shape) ? 1 : 0;
        CHECK(k.value == n);
    }
    for (const auto& k : pl.candidates)
        best = std::max(best, k.value);
    // A dense lattice of centres (5 m) never beats the best placement.
    double lattice = 0;
    for (double cx = -600; cx <= 600; cx += 5)
        for (double cy = -600; cy <= 600; cy += 5) {
            double n = 0;
            for (std::size_t i = 0; i < loc.x.size(); ++i)
                if (insideCirclePolygon(loc.x[i] - cx, loc.y[i] - cy, 150, 64))
                    n += loc.w[i];
            lattice = std::max(lattice, n);
        }
    CHECK(best >= lattice);
    // The same candidates on one thread.
    pp.threads = 1;
    const Placements one = circlePlacements(loc, pp);
    REQUIRE(one.candidates.size() == pl.candidates.size());
    for (std::size_t c = 0; c < one.candidates.size(); ++c) {
        CHECK(one.candidates[c].x == pl.candidates[c].x);
        CHECK(one.candidates[c].value == pl.candidates[c].value);
    }
}

TEST_CASE("circle placements: two places almost a diameter apart are caught by one circle") {
    // A lattice a third of the radius apart misses this: only the circle through both holds
    // both places (10 incidents each).
    WeightedPoints p;
    for (int k = 0; k < 10; ++k) {
        p.x.push_back(1000);
        p.y.push_back(1000);
        p.x.push_back(1000 + 2 * 300 * 0.99);
        p.y.push_back(1000 + 17);
    }
    PlacementParams pp;
    pp.radius_m = 300;
    const Placements pl = circlePlacements(mergeLocations(p), pp);
    double best = 0;
    for (const auto& k : pl.candidates)
        best = std::max(best, k.value);
    CHECK(best == 20);
    pp.max_pairs = 0;
    CHECK_FALSE(circlePlacements(mergeLocations(p), pp).enumerated);
}
