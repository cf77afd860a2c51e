// String columns: dictionary and plain storage, appending with code remapping.
#include "core/string_column.hpp"

#include <doctest/doctest.h>

using namespace sw;

TEST_CASE("dictionary columns intern values and remap on append") {
    StringColumn a("Crime type", StringColumn::Kind::Dictionary),
        b("Crime type", StringColumn::Kind::Dictionary);
    a.push("Drugs");
    a.push("Robbery");
    a.push("Drugs");
    b.push("Robbery");
    b.push("");
    b.push("Shoplifting");
    a.append(b);
    REQUIRE(a.size() == 6);
    CHECK(a.at(0) == "Drugs");
    CHECK(a.at(3) == "Robbery");
    CHECK(a.at(4).empty());
    CHECK(a.at(5) == "Shoplifting");
    CHECK(a.code(1) == a.code(3));
    CHECK(a.values().size() == 4); // "", Drugs, Robbery, Shoplifting
    CHECK(a.findCode("Shoplifting") >= 0);
    CHECK(a.findCode("Burglary") == -1);
}

TEST_CASE("plain columns keep every value") {
    StringColumn c("Crime ID", StringColumn::Kind::Plain), d("Crime ID", StringColumn::Kind::Plain);
    c.push("abc");
    c.pushEmpty(2);
    d.push("def");
    c.append(d);
    REQUIRE(c.size() == 4);
    CHECK(c.at(0) == "abc");
    CHECK(c.at(1).empty());
    CHECK(c.at(3) == "def");
}
