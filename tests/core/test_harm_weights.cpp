// Harm weight tables: what is read, what is refused, and the plan's lines round trip.
#include "core/harm_weights.hpp"

#include <doctest/doctest.h>

using namespace sw;

TEST_CASE("harm weights: title, header, types by any case, the '*' row and the plan's lines") {
    const auto w = parseHarmWeights("\xEF\xBB\xBF# Illustrative, not an index\r\n"
                                    "crime type,weight,source\r\n"
                                    "Robbery,8,ours\r\n"
                                    "\"Violence and sexual offences\",10.5\r\n"
                                    "*,1\r\n",
                                    "harm.csv");
    REQUIRE(w);
    CHECK(w.value().title == "Illustrative, not an index");
    CHECK(w.value().types.size() == 2);
    CHECK(w.value().weightOf("robbery") == 8);
    CHECK(w.value().weightOf("VIOLENCE AND SEXUAL OFFENCES") == 10.5);
    CHECK(w.value().weightOf("Shoplifting") == 1); // the '*' row
    CHECK(w.value().describe() ==
          "harm weights from harm.csv (Illustrative, not an index): 2 crime types, every other "
          "type 1");
    auto back = harmWeightsFromLines(harmWeightLines(w.value()));
    REQUIRE(back);
    CHECK(back.value().types == w.value().types);
    CHECK(back.value().others == w.value().others);

    const auto no_star = parseHarmWeights("Robbery,8\nDrugs,0\n", "h.csv");
    REQUIRE(no_star);
    CHECK(no_star.value().weightOf("Drugs") == 0);
    CHECK(!no_star.value().weightOf("Shoplifting"));
}

TEST_CASE("harm weights: each bad table named by file and line") {
    CHECK(parseHarmWeights("type,weight\nRobbery,8\nDrugs,lots\n", "h.csv").error() ==
          "h.csv line 3: 'lots' is not a weight (a number, zero or more)");
    CHECK(parseHarmWeights("Robbery,-1\n", "h.csv").error().find("no weights") !=
          std::string::npos); // a first row that is not a number is a header; then nothing
    CHECK(parseHarmWeights("Robbery,2\nrobbery,3\n", "h.csv").error() ==
          "h.csv line 2: 'robbery' is listed twice");
    CHECK(parseHarmWeights("Robbery,2\n*,1\n*,2\n", "h.csv").error() ==
          "h.csv line 3: a second '*' row");
    CHECK(parseHarmWeights("Robbery,2\nDrugs\n", "h.csv").error() ==
          "h.csv line 2: expected 'crime type,weight'");
    CHECK(parseHarmWeights("Robbery,2\n,3\n", "h.csv").error() ==
          "h.csv line 2: no crime type before the weight");
    CHECK(parseHarmWeights("Robbery,inf\nDrugs,1\n", "h.csv").ok()); // header, then a row
    CHECK(parseHarmWeights("# only a title\n", "h.csv").error() ==
          "h.csv: no weights in it (one 'crime type,weight' row per line)");
    CHECK(!harmWeightsFromLines({"Robbery"}));
}
