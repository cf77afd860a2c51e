// Bandwidth rules on point sets with known answers.
#include "core/bandwidth.hpp"
#include "core/random.hpp"

#include <doctest/doctest.h>

#include <cmath>

using namespace sw;

TEST_CASE("ArcGIS default radius: 0.9 min(SD, sqrt(1/ln2) Dm) n^-0.2") {
    // Four points at distance 1 from the centre: SD = 1, Dm = 1.
    const WeightedPoints p{{1, -1, 0, 0}, {0, 0, 1, -1}, {}};
    CHECK(arcgisDefaultRadius(p) == doctest::Approx(0.9 * 1.0 * std::pow(4.0, -0.2)));
    // Weights count as n (ArcGIS's population field) and weight the centre and distances.
    const WeightedPoints w{{1, -1, 0, 0}, {0, 0, 1, -1}, {2, 2, 2, 2}};
    CHECK(arcgisDefaultRadius(w) == doctest::Approx(0.9 * std::pow(8.0, -0.2)));
}

TEST_CASE("Scott's rule and the Gaussian-to-kernel radius") {
    CHECK(radiusForSigma(1.0, KernelShape::Quartic) == doctest::Approx(std::sqrt(8.0)));
    CHECK(radiusForSigma(1.0, KernelShape::Uniform) == doctest::Approx(2.0));
    CHECK(radiusForSigma(1.0, KernelShape::Epanechnikov) == doctest::Approx(std::sqrt(6.0)));
    // Two points 2 apart on x: sd_x = 1, sd_y = 0 -> sigma = 2^(-1/6) * sqrt(1/2).
    const WeightedPoints p{{-1, 1}, {0, 0}, {}};
    CHECK(scottRadius(p, KernelShape::Quartic) ==
          doctest::Approx(std::pow(2.0, -1.0 / 6) * std::sqrt(0.5) * std::sqrt(8.0)));
}

TEST_CASE("each kernel's radius really has the Gaussian's per-axis SD") {
    // Check meanSquaredRadius through radiusForSigma by integrating the kernel numerically.
    for (auto k : {KernelShape::Quartic, KernelShape::Triweight, KernelShape::Epanechnikov,
                   KernelShape::Triangular, KernelShape::Uniform, KernelShape::Gaussian}) {
        const double r = radiusForSigma(1.0, k);
        double m0 = 0, m2 = 0;
        const int steps = 20000;
        for (int i = 0; i < steps; ++i) {
            const double d = (i + 0.5) * r / steps;
            const double f = kernelValue(k, d, r, DensityUnits::Raw) * d;
            m0 += f;
            m2 += f * d * d;
        }
        CHECK(std::sqrt(m2 / m0 / 2) == doctest::Approx(1.0).epsilon(1e-4)); // per-axis SD
    }
}

TEST_CASE("likelihood cross-validation follows the clustering and ignores duplicated locations") {
    Rng rng(5);
    WeightedPoints p;
    for (int i = 0; i < 400; ++i) {
        p.x.push_back(rng.normal() * 50);
        p.y.push_back(rng.normal() * 50);
    }
    auto r = likelihoodCvRadius(p, KernelShape::Gaussian);
    REQUIRE(r);
    const double sigma = r.value() / 3.0 * std::sqrt(1.0); // Gaussian radius is ~3 sigma
    CHECK(sigma > 8);
    CHECK(sigma < 60);
    // Every point five times (as police.uk map points repeat): the same choice.
    WeightedPoints dup;
    for (int k = 0; k < 5; ++k)
        for (std::size_t i = 0; i < p.x.size(); ++i) {
            dup.x.push_back(p.x[i]);
            dup.y.push_back(p.y[i]);
        }
    auto rd = likelihoodCvRadius(dup, KernelShape::Gaussian);
    REQUIRE(rd);
    CHECK(rd.value() == doctest::Approx(r.value()));
    CHECK_FALSE(likelihoodCvRadius(WeightedPoints{{1, 1}, {2, 2}, {}}, KernelShape::Quartic));
}
