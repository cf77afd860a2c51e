// Gi* against the formula evaluated directly, and Benjamini-Hochberg on a known list.
#include "core/gistar.hpp"
#include "core/hotspots.hpp"
#include "core/random.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <initializer_list>
#include <vector>

using namespace sw;

namespace {
// |z| whose two-sided p-value is p, by bisection on twoSidedP (decreasing in |z|).
double absZOf(double p) {
    double lo = 0, hi = 40;
    for (int i = 0; i < 200; ++i) {
        const double mid = (lo + hi) / 2;
        (twoSidedP(mid) > p ? lo : hi) = mid;
    }
    return hi;
}
std::vector<double> absZOf(std::initializer_list<double> ps) {
    std::vector<double> z;
    for (double p : ps)
        z.push_back(absZOf(p));
    return z;
}
} // namespace

TEST_CASE("Benjamini-Hochberg cut-off on a known list") {
    CHECK(twoSidedP(1.959963985) == doctest::Approx(0.05).epsilon(1e-6));
    CHECK(twoSidedP(-2.575829304) == doctest::Approx(0.01).epsilon(1e-6));
    // Sorted: 0.005 0.01 0.03 0.04 0.2 against k/5 * 0.05 = 0.01 0.02 0.03 0.04 0.05:
    // the cut-off is the |z| of p = 0.04 (a hair inside it, as the bisection rounds up).
    CHECK(benjaminiHochbergZCutoff(absZOf({0.01, 0.04, 0.03, 0.005, 0.2}), 0.05) ==
          doctest::Approx(absZOf(0.04)));
    // Only the step-up rule's largest k counts: 0.012 > 0.01 but 0.015 <= 0.02.
    CHECK(benjaminiHochbergZCutoff(absZOf({0.012, 0.015, 0.9, 0.9, 0.9}), 0.05) ==
          doctest::Approx(absZOf(0.015)));
    CHECK(std::isinf(benjaminiHochbergZCutoff(absZOf({0.5, 0.6, 0.7}), 0.05)));
    // p-values that underflow to exactly 0 (|z| 40 and 60) are the most significant, not lost:
    // the cut-off is a z, so it is not 0 and does not reject everything.
    REQUIRE(twoSidedP(40) == 0.0);
    CHECK(benjaminiHochbergZCutoff({60, 40, 0.1, 0.2, 0.3}, 0.05) == 40);
}

TEST_CASE("Gi* with FDR keeps a dominant place whose p-values underflow") {
    // 3,000 incidents at one point and 300 scattered over 12 x 12 km, 50 m cells (57,600 of
    // them): the cells round the point have |z| near 50, above the 38 or so where the two-sided
    // p-value is exactly 0 in doubles.
    Rng rng(11);
    WeightedPoints p;
    for (int i = 0; i < 3000; ++i) {
        p.x.push_back(6010);
        p.y.push_back(5990);
    }
    for (int i = 0; i < 300; ++i) {
        p.x.push_back(rng.uniform(0, 12000));
        p.y.push_back(rng.uniform(0, 12000));
    }
    const Box extent(Point(0, 0), Point(12000, 12000));
    GiStarParams gp;
    gp.cell_size_m = 50;
    auto with_fdr = computeGiStar(p, extent, gp, {});
    gp.fdr = false;
    auto without = computeGiStar(p, extent, gp, {});
    REQUIRE(with_fdr);
    REQUIRE(without);
    const auto hot = static_cast<std::size_t>(cellIndex(with_fdr.value().counts, 6010, 5990));
    REQUIRE(with_fdr.value().p[hot] == 0.0); // the case this guards: an underflowed p
    CHECK(with_fdr.value().bin[hot] == 3);
    const auto fdr_bins = giBinCounts(with_fdr.value());
    const auto raw_bins = giBinCounts(without.value());
    CHECK(fdr_bins[6] > 0);
    CHECK(fdr_bins[6] <= raw_bins[6]); // FDR only ever removes hot spots
    // Every neighbour of the point (21 cells within 2.5 cells) is a 99% hot spot either way.
    CHECK(fdr_bins[6] >= 21);
}

TEST_CASE("Gi* z-scores equal the Getis-Ord formula evaluated directly") {
    Rng rng(3);
    WeightedPoints p;
    const double cell = 10;
    // A 12 x 9 grid; a cluster near (30, 60) on top of background noise.
    for (int i = 0; i < 400; ++i) {
        p.x.push_back(rng.uniform(0, 120));
        p.y.push_back(rng.uniform(0, 90));
    }
    for (int i = 0; i < 150; ++i) {
        p.x.push_back(30 + rng.normal() * 6);
        p.y.push_back(60 + rng.normal() * 6);
    }
    const Box extent(Point(0, 0), Point(120, 90));
    GiStarParams gp;
    gp.cell_size_m = cell;
    gp.distance_m = 25;
    std::vector<std::uint8_t> study(12 * 9, 1);
    study[0] = study[5] = study[100] = 0; // some cells outside the study area
    auto res = computeGiStar(p, extent, gp, study);
    REQUIRE(res);
    const auto& r = res.value();
    CHECK(r.n == 105);
    CHECK(r.neighbours == 21);
    const Grid& g = r.counts;
    // Direct evaluation.
    double n = 0, sum = 0, sum2 = 0;
    for (std::size_t i = 0; i < g.values.size(); ++i)
        if (study[i]) {
            n += 1;
            sum += g.values[i];
            sum2 += g.values[i] * g.values[i];
        }
    const double mean = sum / n, s = std::sqrt(sum2 / n - mean * mean);
    double worst = 0;
    for (std::size_t i = 0; i < g.values.size(); ++i) {
        if (!study[i])
            continue;
        double wx = 0, w = 0, w2 = 0;
        for (std::size_t j = 0; j < g.values.size(); ++j) {
            if (!study[j])
                continue;
            const double dx = g.cellCentreX(i % g.cols) - g.cellCentreX(j % g.cols);
            const double dy = g.cellCentreY(i / g.cols) - g.cellCentreY(j / g.cols);
            if (std::hypot(dx, dy) > 25)
                continue;
            wx += g.values[j];
            w += 1;
            w2 += 1;
        }
        const double z = (wx - mean * w) / (s * std::sqrt((n * w2 - w * w) / (n - 1)));
        worst = std::max(worst, std::abs(z - r.z[i]));
    }
    CHECK(worst < 1e-9);
    // The cluster's cell is a 99% hot spot; outside cells are unclassified.
    const auto hot = static_cast<std::size_t>(cellIndex(g, 30, 60));
    CHECK(r.bin[hot] == 3);
    CHECK(r.z[hot] > 3);
    CHECK(r.bin[0] == 0);
    double total = 0;
    for (double v : g.values)
        total += v;
    CHECK(total == 550);
}

TEST_CASE("no variation, no hot spots; bad parameters refused") {
    WeightedPoints p;
    for (int i = 0; i < 10; ++i)
        for (int j = 0; j < 10; ++j) {
            p.x.push_back(i * 10 + 5);
            p.y.push_back(j * 10 + 5);
        }
    GiStarParams gp;
    gp.cell_size_m = 10;
    gp.distance_m = 15;
    auto r = computeGiStar(p, Box(Point(0, 0), Point(100, 100)), gp, {});
    REQUIRE(r);
    for (auto b : r.value().bin)
        CHECK(b == 0);
    gp.distance_m = 5; // less than a cell
    CHECK_FALSE(computeGiStar(p, Box(Point(0, 0), Point(100, 100)), gp, {}));
}
