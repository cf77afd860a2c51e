// KDE against references computed directly in the test: single and overlapping points, grid
// edges, weights, each kernel's integral, thread-count invariance, and bad parameters.
#include "core/kde.hpp"
#include "core/merged_locations.hpp"
#include "core/random.hpp"

#include <doctest/doctest.h>

#include <cmath>

using namespace sw;

namespace {
constexpr double kPi = 3.14159265358979323846;
const KernelShape kAll[] = {KernelShape::Quartic,      KernelShape::Triweight,
                            KernelShape::Epanechnikov, KernelShape::Triangular,
                            KernelShape::Uniform,      KernelShape::Gaussian};

Box box(double x0, double y0, double x1, double y1) {
    return Box(Point(x0, y0), Point(x1, y1));
}

// Direct evaluation: every cell centre against every point.
double reference(const Grid& g, std::size_t r, std::size_t c, const WeightedPoints& p,
                 const KdeParams& k) {
    double v = 0;
    for (std::size_t i = 0; i < p.x.size(); ++i) {
        if (!std::isfinite(p.x[i]) || !std::isfinite(p.y[i]))
            continue; // reaches no cell
        const double d = std::hypot(g.cellCentreX(c) - p.x[i], g.cellCentreY(r) - p.y[i]);
        v += (p.w.empty() ? 1.0 : p.w[i]) * kernelValue(k.kernel, d, k.radius_m, k.units) *
             (k.units == DensityUnits::Density ? 1e6 : 1.0);
    }
    return v;
}
} // namespace

TEST_CASE("grid shape follows the extent: ceil columns and rows from (xmin, ymax)") {
    const Grid g = makeGrid(box(570000, 160000, 570095, 160040), 10);
    CHECK(g.cols == 10);
    CHECK(g.rows == 4);
    CHECK(g.cellCentreX(0) == 570005);
    CHECK(g.cellCentreY(0) == 160035);
    CHECK(g.cellCentreY(3) == 160005);
}

TEST_CASE("a single point: raw peak 1, density peak 3/(pi r^2) per km^2, zero beyond the radius") {
    KdeParams k;
    k.radius_m = 100;
    k.cell_size_m = 10;
    const WeightedPoints p{
        {505}, {505}, {}}; // the centre of cell (row 49, col 50) in the grid below
    const Box e = box(0, 0, 1000, 1000);
    k.units = DensityUnits::Raw;
    auto raw = computeKde(p, k, e);
    REQUIRE(raw);
    const Grid& g = raw.value().grid;
    CHECK(g.at(49, 50) == 1.0);
    CHECK(g.max() == 1.0);
    CHECK(g.at(49, 60) == 0.0); // exactly at the radius: (1 - 1)^2
    CHECK(g.at(49, 59) == doctest::Approx(std::pow(1 - 0.81, 2))); // 90 m away
    CHECK(g.at(49, 61) == 0.0);                                    // beyond
    k.units = DensityUnits::Density;
    auto den = computeKde(p, k, e);
    REQUIRE(den);
    CHECK(den.value().grid.at(49, 50) == doctest::Approx(3.0 / (kPi * 100 * 100) * 1e6));
    // Integral: the grid's sum times the cell area (km^2) is the weight, 1.
    CHECK(den.value().grid.sum() * 1e-4 == doctest::Approx(1.0).epsilon(0.01));
}

TEST_CASE("each kernel integrates to 1 at fine cells, within 1e-3") {
    for (auto kernel : kAll) {
        const std::string kernel_name = kernelName(kernel);
        CAPTURE(kernel_name);
        KdeParams k;
        k.kernel = kernel;
        k.radius_m = 200;
        k.cell_size_m = 2;
        auto r = computeKde({{1001.3}, {998.7}, {}}, k, box(0, 0, 2000, 2000));
        REQUIRE(r);
        const double cell_km2 = 2.0 * 2.0 / 1e6;
        CHECK(r.value().grid.sum() * cell_km2 == doctest::Approx(1.0).epsilon(1e-3));
        // Raw units peak at the weight.
        k.units = DensityUnits::Raw;
        k.cell_size_m = 2;
        auto raw = computeKde({{1001.0}, {999.0}, {}}, k, box(0, 0, 2000, 2000));
        CHECK(raw.value().grid.max() == doctest::Approx(1.0));
    }
}

TEST_CASE("overlapping points, weights and grid edges match direct evaluation in every cell") {
    Rng rng(7);
    WeightedPoints p;
    for (int i = 0; i < 300; ++i) {
        // Some points outside the extent: their kernels still reach in.
        p.x.push_back(rng.uniform(-150, 1150));
        p.y.push_back(rng.uniform(-150, 850));
        p.w.push_back(i % 5 == 0 ? 2.5 : 1.0);
    }
    // Points exactly on cell edges and corners, at the radius from the grid's edges, far away,
    // and one with no coordinates (it reaches nothing but still counts in the total weight).
    const double extra[][2] = {{500, 500},  {500, 512.5}, {0, 0},
                               {1000, 700}, {-130, 350},  {500, 830},
                               {1130, 700}, {1e7, 1e7},   {std::nan(""), 100}};
    for (const auto& e : extra) {
        p.x.push_back(e[0]);
        p.y.push_back(e[1]);
        p.w.push_back(1.0);
    }
    for (auto kernel : kAll) {
        for (auto units : {DensityUnits::Raw, DensityUnits::Density}) {
            const std::string kernel_name = kernelName(kernel);
            CAPTURE(kernel_name);
            KdeParams k;
            k.kernel = kernel;
            k.units = units;
            k.radius_m = 130;
            k.cell_size_m = 25;
            auto r = computeKde(p, k, box(0, 0, 1000, 700));
            REQUIRE(r);
            const Grid& g = r.value().grid;
            double worst = 0;
            for (std::size_t row = 0; row < g.rows; ++row)
                for (std::size_t c = 0; c < g.cols; ++c) {
                    const double ref = reference(g, row, c, p, k);
                    worst = std::max(worst,
                                     std::abs(g.at(row, c) - ref) / std::max(1.0, std::abs(ref)));
                }
            CHECK(worst < 1e-12);
            CHECK(r.value().total_weight == doctest::Approx(399.0)); // 249 x 1 + 60 x 2.5
        }
    }
}

TEST_CASE("the same bits on 1, 2, 3 or 8 threads") {
    Rng rng(11);
    WeightedPoints p;
    for (int i = 0; i < 20000; ++i) {
        p.x.push_back(rng.uniform(0, 5000) + rng.normal() * 30);
        p.y.push_back(rng.uniform(0, 4000));
    }
    KdeParams k;
    k.radius_m = 250;
    k.cell_size_m = 20;
    k.threads = 1;
    auto one = computeKde(p, k, box(0, 0, 5000, 4000));
    REQUIRE(one);
    for (int t : {2, 3, 8}) {
        k.threads = t;
        auto other = computeKde(p, k, box(0, 0, 5000, 4000));
        REQUIRE(other);
        CHECK(other.value().grid.values == one.value().grid.values);
    }
}

TEST_CASE("snap points (many incidents at one coordinate) merged: the direct surface, the same "
          "bits on any thread count") {
    Rng rng(13);
    // 400 snap points, each 1 to 40 incidents (police.uk's way), some weighted.
    WeightedPoints p;
    for (int s = 0; s < 400; ++s) {
        const double x = std::floor(rng.uniform(0, 3000)) + 0.25,
                     y = std::floor(rng.uniform(0, 2000)) + 0.5;
        const int n = 1 + static_cast<int>(rng.uniform() * 40);
        for (int i = 0; i < n; ++i) {
            p.x.push_back(x);
            p.y.push_back(y);
            p.w.push_back(i % 3 == 0 ? 2.5 : 1.0);
        }
    }
    REQUIRE(worthMerging(p));
    KdeParams k;
    k.radius_m = 250;
    k.cell_size_m = 50;
    k.threads = 1;
    auto one = computeKde(p, k, box(0, 0, 3000, 2000));
    REQUIRE(one);
    const Grid& g = one.value().grid;
    CHECK(one.value().points == p.x.size()); // incidents, not locations
    for (std::size_t r = 0; r < g.rows; r += 7)
        for (std::size_t c = 0; c < g.cols; c += 5)
            CHECK(g.at(r, c) == doctest::Approx(reference(g, r, c, p, k)).epsilon(1e-12));
    for (int t : {2, 3}) {
        k.threads = t;
        auto other = computeKde(p, k, box(0, 0, 3000, 2000));
        REQUIRE(other);
        CHECK(other.value().grid.values == one.value().grid.values);
    }
    // Unique coordinates are not worth merging; a few repeats among many are not either.
    WeightedPoints u;
    for (int i = 0; i < 5000; ++i) {
        u.x.push_back(rng.uniform(0, 3000));
        u.y.push_back(rng.uniform(0, 2000));
    }
    CHECK(!worthMerging(u));
    CHECK(mergeLocations(p).x.size() == 400);
}

TEST_CASE("bad parameters are refused with a clear message before any work") {
    const Box e = box(0, 0, 1000, 1000);
    KdeParams k;
    for (double bad : {0.0, -5.0, std::nan(""), static_cast<double>(INFINITY)}) {
        k.radius_m = bad;
        auto r = computeKde({{1}, {1}, {}}, k, e);
        REQUIRE_FALSE(r);
        CHECK(r.error().find("radius") != std::string::npos);
    }
    k.radius_m = 100;
    k.cell_size_m = 0;
    CHECK_FALSE(computeKde({{1}, {1}, {}}, k, e));
    k.cell_size_m = 0.01; // 100,000 x 100,000 cells
    auto big = computeKde({{1}, {1}, {}}, k, e);
    REQUIRE_FALSE(big);
    CHECK(big.error().find("over the limit") != std::string::npos);
    k.cell_size_m = 10;
    CHECK_FALSE(computeKde({{1}, {1}, {}}, k, Box(Point(0, 0), Point(0, 0))));
}

TEST_CASE("no incidents: an all-zero grid that says so") {
    KdeParams k;
    auto r = computeKde({}, k, box(0, 0, 500, 500));
    REQUIRE(r);
    CHECK(r.value().empty_input);
    CHECK(r.value().grid.values.size() == 400);
    CHECK(r.value().grid.max() == 0.0);
}

TEST_CASE("cancelling returns an error, not a partial grid") {
    KdeParams k;
    k.cell_size_m = 5;
    Progress progress;
    progress.cancel();
    auto r = computeKde({{100}, {100}, {}}, k, box(0, 0, 1000, 1000), &progress);
    REQUIRE_FALSE(r);
    CHECK(r.error() == "cancelled");
}

TEST_CASE("edge correction: a uniform layout reads the same at the edge as in the middle") {
    // Study area: the left 60 x 40 cells of an 80 x 40 grid; one point at every study cell centre.
    const Box e = box(0, 0, 800, 400);
    KdeParams k;
    k.radius_m = 55;
    k.cell_size_m = 10;
    k.units = DensityUnits::Raw;
    Grid shape = makeGrid(e, 10);
    std::vector<std::uint8_t> study(shape.rows * shape.cols, 0);
    WeightedPoints p;
    for (std::size_t r = 0; r < shape.rows; ++r)
        for (std::size_t c = 0; c < 60; ++c) {
            study[r * shape.cols + c] = 1;
            p.x.push_back(shape.cellCentreX(c));
            p.y.push_back(shape.cellCentreY(r));
        }
    auto res = computeKde(p, k, e);
    REQUIRE(res);
    Grid g = res.value().grid;
    const double interior = g.at(20, 30);
    CHECK(g.at(0, 0) < interior * 0.5); // a corner sees about a quarter of the disc
    REQUIRE(applyEdgeCorrection(g, study, k));
    for (std::size_t r = 0; r < g.rows; ++r)
        for (std::size_t c = 0; c < 60; ++c)
            CHECK(g.at(r, c) == doctest::Approx(interior).epsilon(1e-9));
    CHECK(g.at(20, 70) == res.value().grid.at(20, 70)); // outside the study area: unchanged
}

TEST_CASE("dual surfaces: difference and ratio on one grid") {
    Grid a = makeGrid(box(0, 0, 30, 10), 10), b = a;
    a.values = {4, 0, 6};
    b.values = {2, 0, 0};
    const Grid d = dualSurface(a, b, DualMode::Difference).value();
    CHECK(d.values[0] == 2);
    CHECK(std::isnan(d.values[1])); // neither surface reaches: no value
    CHECK(d.values[2] == 6);
    CHECK(d.sum() == 8);
    CHECK(d.min() == 2);
    const Grid q = dualSurface(a, b, DualMode::Ratio).value();
    CHECK(q.values[0] == 2);
    CHECK(std::isnan(q.values[1]));
    CHECK(std::isnan(q.values[2])); // denominator 0: undefined, not 0
    CHECK(q.max() == 2);
    b.values = {4, 0, 6};
    CHECK(dualSurface(a, b, DualMode::Difference).value().values[0] == 0); // equal: a real 0
    Grid c = makeGrid(box(0, 0, 40, 10), 10);
    c.values.assign(4, 1);
    CHECK_FALSE(dualSurface(a, c, DualMode::Ratio));
}
