// Layer rules: defaults, parsing, whole-word text matching, flag columns, month ranges.
#include "core/layer_rules.hpp"

#include <doctest/doctest.h>

using namespace sw;

namespace {
IncidentTable table() {
    IncidentTable t;
    t.text.emplace_back("Context", StringColumn::Kind::Dictionary);
    t.text.emplace_back("Location", StringColumn::Kind::Dictionary);
    t.text.emplace_back("Knife_flag", StringColumn::Kind::Dictionary);
    struct R {
        const char* type;
        const char* context;
        const char* location;
        const char* flag;
        MonthIndex m;
    };
    const R rows[] = {
        {"Possession of weapons", "", "On or near High Street", "", makeMonth(2022, 1)},
        {"Robbery", "Victim threatened with a KNIFE", "On or near Park Road", "",
         makeMonth(2022, 2)},
        {"Robbery", "", "On or near Bladesmith Close", "",
         makeMonth(2022, 3)}, // not a knife mention
        {"Violence and sexual offences", "", "On or near Knife Lane", "",
         makeMonth(2022, 4)},                                              // location ignored
        {"Violence and sexual offences", "", "", "Y", makeMonth(2022, 5)}, // flag column
        {"Anti-social behaviour", "knives found", "", "", makeMonth(2022, 6)},
        {"Drugs", "pen-knife", "", "N", makeMonth(2022, 7)},
    };
    for (const auto& r : rows) {
        t.x.push_back(0);
        t.y.push_back(0);
        t.month.push_back(r.m);
        t.ward.push_back(0);
        t.line.push_back(1);
        t.file.push_back(0);
        t.crime_type.push(r.type);
        t.text[0].push(r.context);
        t.text[1].push(r.location);
        t.text[2].push(r.flag);
    }
    return t;
}

std::vector<std::size_t> matching(const LayerRule& rule, const IncidentTable& t) {
    LayerMatcher m(rule, t);
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < t.size(); ++i)
        if (m.matches(t, i))
            out.push_back(i);
    return out;
}
} // namespace

TEST_CASE("the default layers are the five the issue names") {
    const auto d = defaultLayers();
    REQUIRE(d.size() == 5);
    CHECK(d[0].name == "All crime");
    CHECK(d[2].key == "weapons");
    for (const auto& l : d)
        CHECK(l.validate());
}

TEST_CASE("weapons = possession of weapons plus whole-word knife/blade mentions") {
    const auto t = table();
    const auto weapons = defaultLayers()[2];
    CHECK(matching(weapons, t) == std::vector<std::size_t>{0, 1, 4, 5, 6});
}

TEST_CASE("all crime matches everything; a type layer matches its type") {
    const auto t = table();
    CHECK(matching(defaultLayers()[0], t).size() == t.size());
    CHECK(matching(defaultLayers()[4], t) == std::vector<std::size_t>{6});
}

TEST_CASE("rules parse, round trip, combine with AND and filter months") {
    auto r = parseLayerRule("Knife robbery: types=Robbery; terms=knife; combine=and; "
                            "months=2022-01..2022-02; colour=#ff0000");
    REQUIRE(r);
    CHECK(r.value().key == "knife_robb");
    CHECK(r.value().colour == Rgba{255, 0, 0, 255});
    const auto t = table();
    CHECK(matching(r.value(), t) == std::vector<std::size_t>{1});
    auto again = parseLayerRule(formatLayerRule(r.value()));
    REQUIRE(again);
    CHECK(again.value().crime_types == r.value().crime_types);
    CHECK(again.value().from == r.value().from);
    CHECK_FALSE(parseLayerRule("Bad: colour=red"));
    CHECK_FALSE(parseLayerRule("Bad: months=2022-05..2022-01"));
    CHECK_FALSE(parseLayerRule("Bad: wibble=1"));
}

TEST_CASE("a rule naming a type the data lacks says so") {
    const auto t = table();
    auto r = parseLayerRule("Fraud: types=Fraud");
    REQUIRE(r);
    LayerMatcher m(r.value(), t);
    CHECK(m.unknownTypes() == std::vector<std::string>{"Fraud"});
    CHECK(matching(r.value(), t).empty());
}

TEST_CASE("whole-word matching") {
    CHECK(containsWord("Victim threatened with a KNIFE.", "knife"));
    CHECK_FALSE(containsWord("Bladesmith Close", "blade"));
    CHECK(containsWord("pen-knife", "knife"));
}
