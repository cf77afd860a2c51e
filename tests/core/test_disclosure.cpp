// Disclosure control on crafted tables: the small-count rule, complements along rows and
// columns, the exact-recovery audit, layer relations, and collision-free short field names.
#include "core/disclosure_control.hpp"
#include "core/short_field_names.hpp"

#include <doctest/doctest.h>

#include <set>

using namespace sw;

namespace {

std::vector<std::size_t> suppressedCells(const SuppressionResult& r) {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < r.suppressed.size(); ++i)
        if (r.suppressed[i])
            out.push_back(i);
    return out;
}

} // namespace

TEST_CASE("disclosure: counts 1 to N-1 are withheld, zero and N stay") {
    DisclosureTable t;
    for (std::int64_t v : {0, 1, 4, 5, 12})
        t.add(v, true);
    const auto r = suppressSmallCounts(t, 5);
    CHECK(suppressedCells(r) == std::vector<std::size_t>{1, 2});
    CHECK(r.primary == 2);
    CHECK(r.secondary == 0);
    CHECK(suppressedCells(suppressSmallCounts(t, 0)).empty()); // off
    CHECK(suppressedCells(suppressSmallCounts(t, 2)) == std::vector<std::size_t>{1});
}

TEST_CASE("disclosure: a row total would give the small layer count away, so a complement goes") {
    // total 20 = layer a 3 + layer b 17: publishing 20 and 17 reveals a = 3.
    DisclosureTable t;
    const auto total = t.add(20, true), a = t.add(3, true), b = t.add(17, true);
    t.addLine({{total, 1}, {a, -1}, {b, -1}});
    CHECK(recoverableCells(t, {0, 1, 0}) == std::vector<std::size_t>{a});
    const auto r = suppressSmallCounts(t, 5);
    CHECK(suppressedCells(r) == std::vector<std::size_t>{a, b}); // b (17) is cheaper than 20
    CHECK(r.secondary == 1);
    CHECK(recoverableCells(t, r.suppressed).empty());
}

TEST_CASE("disclosure: a per-layer column total reveals a cell that the rows protect") {
    // Two wards x two layers with row totals and column totals (public district totals):
    //            layer a  layer b  total
    //   ward 1      2       30      32
    //   ward 2     40       50      90
    //   column     42       80     122
    // The row rule suppresses a1 with b1; column a (42 known) then reveals a1 = 42 - 40, so a2
    // must go, and with it a complement in row 2; column b then holds two.
    DisclosureTable t;
    const auto a1 = t.add(2, true), b1 = t.add(30, true), r1 = t.add(32, true);
    const auto a2 = t.add(40, true), b2 = t.add(50, true), r2 = t.add(90, true);
    t.addLine({{r1, 1}, {a1, -1}, {b1, -1}});
    t.addLine({{r2, 1}, {a2, -1}, {b2, -1}});
    const auto ca = t.add(42, false, 1e7), cb = t.add(80, false, 1e7);
    t.addLine({{a1, 1}, {a2, 1}, {ca, -1}});
    t.addLine({{b1, 1}, {b2, 1}, {cb, -1}});
    // Rows alone are not enough: a1 and b1 withheld, column a gives a1 away.
    std::vector<std::uint8_t> rows_only(t.values.size(), 0);
    rows_only[a1] = rows_only[b1] = 1;
    CHECK(recoverableCells(t, rows_only) == std::vector<std::size_t>{a1, b1});
    const auto r = suppressSmallCounts(t, 5);
    CHECK(r.primary == 1);
    const auto cells = suppressedCells(r);
    CHECK(std::set<std::size_t>(cells.begin(), cells.end()) ==
          std::set<std::size_t>{a1, b1, a2, b2});
    CHECK(recoverableCells(t, r.suppressed).empty());
    CHECK_FALSE(r.suppressed[ca]); // the district totals stay published
    CHECK_FALSE(r.suppressed[cb]);
}

TEST_CASE("disclosure: the audit catches a cell two lines give away together") {
    // x + y = 5 (a subtotal) and x + y + z + w = 19 (a total): with x, y, z withheld every line
    // holds two or more, yet z = 19 - 5 - w exactly. The audit adds w.
    DisclosureTable t;
    const auto x = t.add(2, true), y = t.add(3, true), z = t.add(4, true), w = t.add(10, true);
    const auto s1 = t.add(5, true), s2 = t.add(19, true);
    t.addLine({{x, 1}, {y, 1}, {s1, -1}});
    t.addLine({{x, 1}, {y, 1}, {z, 1}, {w, 1}, {s2, -1}});
    std::vector<std::uint8_t> primary(t.values.size(), 0);
    primary[x] = primary[y] = primary[z] = 1;
    CHECK(recoverableCells(t, primary) == std::vector<std::size_t>{z});
    const auto r = suppressSmallCounts(t, 5);
    CHECK(r.suppressed[w]);
    CHECK(recoverableCells(t, r.suppressed).empty());
}

TEST_CASE("disclosure: a difference column is a line too (count - previous - change)") {
    DisclosureTable t;
    const auto now = t.add(3, true), prev = t.add(9, true), change = t.add(-6, false);
    t.addLine({{now, 1}, {prev, -1}, {change, -1}});
    const auto r = suppressSmallCounts(t, 5);
    CHECK(r.suppressed[now]);
    CHECK(r.suppressed[change]); // |-6| is cheaper than 9
    CHECK_FALSE(r.suppressed[prev]);
    CHECK(recoverableCells(t, r.suppressed).empty());
}

TEST_CASE("layer relations: disjoint layers add up to the total; a layer holding every incident "
          "equals it") {
    // Two disjoint layers (masks 1 and 2): total - a - b = 0.
    auto rel = layerRelations({1, 2, 1}, 2);
    REQUIRE(rel.size() == 1);
    CHECK(rel[0][0] == doctest::Approx(1).epsilon(1e-12));
    CHECK(rel[0][1] == doctest::Approx(-1));
    CHECK(rel[0][2] == doctest::Approx(-1));
    // Layer a holds every incident, b some of them (masks 1 and 3): total - a = 0 only.
    rel = layerRelations({1, 3}, 2);
    REQUIRE(rel.size() == 1);
    CHECK(rel[0][0] == doctest::Approx(1));
    CHECK(rel[0][1] == doctest::Approx(-1));
    CHECK(rel[0][2] == doctest::Approx(0));
    // Overlapping layers that do not cover each other (1, 2, 3): no relation holds.
    CHECK(layerRelations({1, 2, 3}, 2).empty());
}

TEST_CASE("short field names: the fixed table, cut to 10, and colliding names kept apart") {
    const auto names =
        shortFieldNames({"prev_incidents", "violence_and_sexual", "violence_and_other",
                         "VIOLENCE_A", "rate_per_1000", "incidents", "suppressed_fields"});
    CHECK(names == std::vector<std::string>{"prev_inc", "violence_a", "violence_2", "VIOLENCE_3",
                                            "rate_1000", "incidents", "supp_flds"});
    // A layer key that equals a fixed short name does not merge with it.
    const auto more = shortFieldNames({"week", "week_start"});
    CHECK(more == std::vector<std::string>{"week", "week_2"});
    for (const auto& [long_name, short_name] : shortFieldTable())
        CHECK(short_name.size() <= 10);
}
