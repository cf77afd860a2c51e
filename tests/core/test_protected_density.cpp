#include "core/protected_density.hpp"

#include <doctest/doctest.h>

#include <cmath>

using namespace sw;

namespace {

KdeParams protectedParams() {
    KdeParams k;
    k.radius_m = 200;
    k.cell_size_m = 50;
    k.extent = Box(Point(0, 0), Point(2000, 1000));
    k.threads = 2;
    return k;
}

} // namespace

TEST_CASE("protected density: a lone protected row leaves no mark, enough of them do") {
    const KdeParams k = protectedParams();
    // Public rows around (500, 500); protected rows: one at (1500, 500), five at (1500, 200).
    WeightedPoints p;
    std::vector<std::uint8_t> prot;
    auto add = [&](double x, double y, bool is_protected) {
        p.x.push_back(x);
        p.y.push_back(y);
        prot.push_back(is_protected ? 1 : 0);
    };
    for (int i = 0; i < 4; ++i)
        add(500 + 10 * i, 500, false);
    add(1500, 700, true);
    for (int i = 0; i < 5; ++i)
        add(1500 + 5 * i, 200, true);

    auto plain = computeKde(p, k, *k.extent);
    REQUIRE(plain);
    auto got = computeProtectedKde(p, prot, 5, k, *k.extent);
    REQUIRE(got);
    const Grid& g = got.value().kde.grid;
    const Grid& ref = plain.value().grid;
    CHECK(got.value().protected_points == 6);
    CHECK(got.value().suppressed_cells > 0);

    auto cellOf = [&](double x, double y) {
        const auto c = static_cast<std::size_t>((x - g.xmin) / g.cell);
        const auto r = static_cast<std::size_t>((g.ymax - y) / g.cell);
        return r * g.cols + c;
    };
    // Near the lone protected row: nothing (no public row is near it either).
    CHECK(ref.values[cellOf(1510, 710)] > 0);
    CHECK(g.values[cellOf(1510, 710)] == 0);
    // Near the five: the whole density, as the plain surface has it.
    CHECK(g.values[cellOf(1510, 210)] == doctest::Approx(ref.values[cellOf(1510, 210)]));
    CHECK(g.values[cellOf(1510, 210)] > 0);
    // Around the public rows: unchanged.
    CHECK(g.values[cellOf(510, 510)] == doctest::Approx(ref.values[cellOf(510, 510)]));
    // Nowhere more than the plain surface, and the lone row's disc is all zero.
    std::size_t lone_disc = 0;
    for (std::size_t r = 0; r < g.rows; ++r)
        for (std::size_t c = 0; c < g.cols; ++c) {
            const std::size_t i = r * g.cols + c;
            CHECK(g.values[i] <= ref.values[i] * (1 + 1e-12) + 1e-12);
            if (std::hypot(g.cellCentreX(c) - 1500, g.cellCentreY(r) - 700) < 180) {
                ++lone_disc;
                CHECK(g.values[i] == 0);
            }
        }
    CHECK(lone_disc > 20);
}

TEST_CASE("protected density: without protected rows, or with the rule off, it is the plain "
          "surface") {
    const KdeParams k = protectedParams();
    WeightedPoints p;
    p.x = {400, 420, 1300};
    p.y = {400, 430, 600};
    auto plain = computeKde(p, k, *k.extent);
    REQUIRE(plain);
    auto none = computeProtectedKde(p, {0, 0, 0}, 5, k, *k.extent);
    REQUIRE(none);
    CHECK(none.value().kde.grid.values == plain.value().grid.values);
    CHECK(none.value().suppressed_cells == 0);
    auto off = computeProtectedKde(p, {1, 1, 1}, 1, k, *k.extent);
    REQUIRE(off);
    CHECK(off.value().kde.grid.values == plain.value().grid.values);
}
