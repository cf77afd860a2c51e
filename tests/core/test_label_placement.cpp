// Labels that never overlap (candidates, obstacles, bounds, priority) and the legends' numbers.
#include "core/label_placement.hpp"
#include "core/text.hpp"

#include <doctest/doctest.h>

using namespace sw;

TEST_CASE("labels never overlap one another or an obstacle") {
    // Two wide labels anchored 10 apart (as "Gillingham South" and "Rainham North" were).
    std::vector<LabelRequest> l = {{100, 100, 120, 14, 5}, {110, 104, 110, 14, 9}};
    const auto c = placeLabels(l, {}, {});
    REQUIRE(c.size() == 2);
    CHECK(c[1] == 0); // the larger ward keeps its anchor
    REQUIRE(c[0] >= 0);
    CHECK_FALSE(labelCandidate(l[0], c[0]).overlaps(labelCandidate(l[1], c[1])));

    // A grid of crowded labels: every pair of placed labels is apart; some are left out.
    std::vector<LabelRequest> many;
    for (int i = 0; i < 40; ++i)
        many.push_back({50.0 + (i % 8) * 20, 50.0 + (i / 8) * 6, 60, 12, double(i)});
    const LabelBox banner{0, 0, 400, 60};
    const auto m = placeLabels(many, {banner}, {0, 0, 400, 300});
    int placed = 0;
    for (std::size_t i = 0; i < many.size(); ++i) {
        if (m[i] < 0)
            continue;
        ++placed;
        const LabelBox bi = labelCandidate(many[i], m[i]);
        CHECK_FALSE(bi.overlaps(banner));
        CHECK(bi.x0 >= 0);
        CHECK(bi.x1 <= 400);
        for (std::size_t j = i + 1; j < many.size(); ++j)
            if (m[j] >= 0)
                CHECK_FALSE(bi.overlaps(labelCandidate(many[j], m[j])));
    }
    CHECK(placed > 0);
    CHECK(placed < 40);
}

TEST_CASE("legend numbers: thousands separators for large values, three figures for small") {
    CHECK(legendNumber(4487.4) == "4,487");
    CHECK(legendNumber(1234567) == "1,234,567");
    CHECK(legendNumber(224) == "224");
    CHECK(legendNumber(-3720) == "-3,720");
    CHECK(legendNumber(12.54) == "12.5");
    CHECK(legendNumber(0.012345) == "0.0123");
    CHECK(legendNumber(0) == "0");
}
