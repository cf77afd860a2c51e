// The after-action measures on a hand-worked example: WDD with its Poisson standard error,
// WDQ and its reading, the bootstrap interval, and the Poisson draws behind it.
#include "core/displacement.hpp"
#include "core/random.hpp"

#include <doctest/doctest.h>

#include <cmath>

using namespace sw;

namespace {
// Target 100 -> 60, buffer 50 -> 45, control 1000 -> 1100.
ZoneCounts worked() {
    return ZoneCounts{100, 60, 50, 45, 1000, 1100};
}
} // namespace

TEST_CASE("WDD by hand: control change scaled to each zone, Poisson standard error, z test") {
    const WddResult r = weightedDisplacementDifference(worked());
    REQUIRE(r.valid);
    CHECK(r.target_change == -40);
    CHECK(r.buffer_change == -5);
    CHECK(r.control_change == 100);
    // The target had 10% of the control's before count, the buffer 5%: +10 and +5 expected.
    CHECK(r.expected_target_change == doctest::Approx(10));
    CHECK(r.expected_buffer_change == doctest::Approx(5));
    CHECK(r.wdd == doctest::Approx(-60)); // (-40 - 10) + (-5 - 5)
    // WDD = Ta + Ba - r (Tb + Bb), r = 1.1: Var = 60 + 45 + 1.21 x 150 + 150^2 x 1.21 x
    // (1/1100 + 1/1000) = 105 + 181.5 + 51.975 = 338.475.
    const double var = 338.475;
    CHECK(r.se == doctest::Approx(std::sqrt(var)));
    CHECK(r.z == doctest::Approx(-60 / std::sqrt(var)));
    CHECK(r.p_value == doctest::Approx(std::erfc(60 / std::sqrt(var) / std::sqrt(2.0))));
    CHECK(r.p_value < 0.01);
    CHECK_FALSE(weightedDisplacementDifference(ZoneCounts{1, 2, 3, 4, 0, 5}).valid);
}

TEST_CASE("WDQ by hand: success -0.04545, buffer -0.00909, quotient 0.2: diffusion of benefit") {
    const WdqResult q = weightedDisplacementQuotient(worked());
    REQUIRE(q.success);
    CHECK(*q.success == doctest::Approx(60.0 / 1100 - 0.1));
    CHECK(*q.displacement == doctest::Approx(45.0 / 1100 - 0.05));
    REQUIRE(q.wdq);
    CHECK(*q.wdq == doctest::Approx(0.2));
    CHECK(q.reading.find("Diffusion of benefit") == 0);
    // The buffer rose to 70: displacement, smaller than the target's fall.
    ZoneCounts d = worked();
    d.buffer_after = 70;
    const WdqResult disp = weightedDisplacementQuotient(d);
    REQUIRE(disp.wdq);
    CHECK(*disp.wdq == doctest::Approx((70.0 / 1100 - 0.05) / (60.0 / 1100 - 0.1)));
    CHECK(*disp.wdq < 0);
    CHECK(*disp.wdq > -1);
    CHECK(disp.reading.find("Some displacement") == 0);
    // The target rose relative to the control: no quotient is read.
    ZoneCounts up = worked();
    up.target_after = 130;
    const WdqResult none = weightedDisplacementQuotient(up);
    CHECK_FALSE(none.wdq);
    CHECK(none.reading.find("did not fall") != std::string::npos);
}

TEST_CASE("WDQ bootstrap: deterministic, holds the estimate, wider for smaller counts") {
    const auto a = wdqBootstrap(worked(), 2000, 7);
    const auto b = wdqBootstrap(worked(), 2000, 7);
    REQUIRE(a);
    REQUIRE(b);
    CHECK(a->low == b->low);
    CHECK(a->high == b->high);
    CHECK(a->low < 0.2);
    CHECK(a->high > 0.2);
    CHECK(a->draws_used > 1900); // the target's fall is clear: nearly every draw shows it
    const auto s = wdqBootstrap(ZoneCounts{10, 6, 5, 5, 100, 110}, 2000, 7);
    REQUIRE(s);
    CHECK(s->high - s->low > a->high - a->low);
    // No fall in the target: no interval.
    CHECK_FALSE(wdqBootstrap(ZoneCounts{50, 70, 20, 20, 1000, 1000}, 2000, 7));
}

TEST_CASE("Poisson draws have the right mean and variance") {
    for (double mean : {0.5, 4.0, 25.0, 400.0}) {
        Rng rng(11);
        double sum = 0, sq = 0;
        const int n = 40000;
        for (int i = 0; i < n; ++i) {
            const double k = static_cast<double>(poissonDraw(rng, mean));
            sum += k;
            sq += k * k;
        }
        const double m = sum / n, var = sq / n - m * m;
        CHECK(m == doctest::Approx(mean).epsilon(0.03));
        CHECK(var == doctest::Approx(mean).epsilon(0.06));
    }
}
