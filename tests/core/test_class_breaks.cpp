// Choropleth classes and colour ramps.
#include "core/class_breaks.hpp"
#include "core/colour_ramps.hpp"

#include <doctest/doctest.h>

using namespace sw;

TEST_CASE("quantile breaks put equal counts in each class") {
    std::vector<double> v;
    for (int i = 1; i <= 20; ++i)
        v.push_back(i);
    const auto b = computeBreaks(v, 4, BreakMethod::Quantiles);
    REQUIRE(b.size() == 4);
    CHECK(b.lower == std::vector<double>{1, 6, 11, 16});
    CHECK(b.upper == std::vector<double>{5, 10, 15, 20});
    CHECK(b.classOf(5) == 0);
    CHECK(b.classOf(5.5) == 1);
    CHECK(b.classOf(100) == 3);
    CHECK(b.classOf(-3) == 0);
}

TEST_CASE("natural breaks find the obvious groups, and equal values share a class") {
    const std::vector<double> v{1, 2, 3, 50, 51, 52, 53, 200, 205};
    const auto b = computeBreaks(v, 3, BreakMethod::NaturalBreaks);
    REQUIRE(b.size() == 3);
    CHECK(b.upper == std::vector<double>{3, 53, 205});
    CHECK(b.lower == std::vector<double>{1, 50, 200});
    // Brute force over every 3-way split agrees with the dynamic programme.
    auto ssd = [&](std::size_t i, std::size_t j) {
        double m = 0;
        for (std::size_t k = i; k < j; ++k)
            m += v[k];
        m /= static_cast<double>(j - i);
        double s = 0;
        for (std::size_t k = i; k < j; ++k)
            s += (v[k] - m) * (v[k] - m);
        return s;
    };
    double best = 1e300;
    std::size_t bi = 0, bj = 0;
    for (std::size_t i = 1; i < v.size(); ++i)
        for (std::size_t j = i + 1; j < v.size(); ++j)
            if (ssd(0, i) + ssd(i, j) + ssd(j, v.size()) < best) {
                best = ssd(0, i) + ssd(i, j) + ssd(j, v.size());
                bi = i;
                bj = j;
            }
    CHECK(b.upper[0] == v[bi - 1]);
    CHECK(b.upper[1] == v[bj - 1]);

    const auto same = computeBreaks({4, 4, 4, 4}, 3, BreakMethod::Quantiles);
    CHECK(same.size() == 1);
    CHECK(computeBreaks({}, 5, BreakMethod::NaturalBreaks).size() == 0);
    const auto few = computeBreaks({1, 9}, 5, BreakMethod::NaturalBreaks);
    CHECK(few.size() == 2);
}

TEST_CASE("ramps: end stops, interpolation, names and lookup texels") {
    CHECK(sampleRamp(Ramp::Viridis, 0) == Rgba{68, 1, 84, 255});
    CHECK(sampleRamp(Ramp::Viridis, 1) == Rgba{253, 231, 37, 255});
    CHECK(sampleRamp(Ramp::YlOrRd, 2.0) == Rgba{128, 0, 38, 255}); // clamped
    // Halfway between the first two of nine stops.
    const Rgba mid = sampleRamp(Ramp::Magma, 0.0625);
    CHECK(mid.r == 14);
    CHECK(mid.b == 36);
    CHECK(parseRamp("ylorrd") == Ramp::YlOrRd);
    CHECK_FALSE(parseRamp("rainbow"));
    const auto tex = rampTexels(Ramp::Blues, 256);
    CHECK(tex.size() == 1024);
    CHECK(tex[0] == 247);
    CHECK(tex[1023] == 255);
    CHECK(rampClasses(Ramp::RdBu, 5).size() == 5);
}

TEST_CASE("Gi* classes: ArcGIS hot and cold colours, not significant transparent") {
    CHECK(giBinColour(3) == Rgba{215, 48, 39, 255});
    CHECK(giBinColour(-3) == Rgba{69, 117, 181, 255});
    CHECK(giBinColour(0).a == 0);
    for (int b = 1; b <= 3; ++b) {
        CHECK(giBinColour(b).r > giBinColour(b).b);   // hot: red
        CHECK(giBinColour(-b).b > giBinColour(-b).r); // cold: blue
    }
    CHECK(giBinColour(9) == giBinColour(3)); // clamped
    CHECK(std::string(giBinLabel(2)) == "Hot spot, 95% confidence");
    CHECK(std::string(giBinLabel(-1)) == "Cold spot, 90% confidence");
    CHECK(std::string(giBinLabel(0)) == "Not significant");
}
