#include "session/sources_file.hpp"

#include <doctest/doctest.h>

using namespace sw;

TEST_CASE("sources file: each source's paths, columns, months and public status") {
    const std::string text = "\xEF\xBB\xBF# Kent and the council\n"
                             "[police.uk]\n"
                             "path = crime/2025\n"
                             "path = /data/2026.zip\n"
                             "\n"
                             "[Council ASB log]\r\n"
                             "path = council/asb.csv\r\n"
                             "x-field = Easting\n"
                             "y-field = Northing\n"
                             "month-field = Logged\n"
                             "type-field = Category\n"
                             "xy-crs = EPSG:27700\n"
                             "covers = 2025-01..2025-06\n"
                             "public = no\n"
                             "[Youth service]\n"
                             "path = youth.csv\n"
                             "lonlat = yes\n"
                             "postcode-field = PC\n"
                             "public = yes\n";
    auto got = parseSourcesFile(text, "s.txt", "/base");
    REQUIRE_MESSAGE(got, got.error());
    const SourcesFile& f = got.value();
    REQUIRE(f.paths.size() == 4);
    CHECK(f.paths[0] == "/base/crime/2025");
    CHECK(f.paths[1] == "/data/2026.zip");
    CHECK(f.paths[2] == "/base/council/asb.csv");
    REQUIRE(f.sources.size() == 4);
    CHECK(f.sources[0].name == "police.uk");
    CHECK(f.sources[1].name == "police.uk");
    CHECK_FALSE(f.sources[0].columns);
    const SourceOptions& c = f.sources[2];
    CHECK(c.name == "Council ASB log");
    CHECK(c.path == "/base/council/asb.csv");
    REQUIRE(c.columns);
    CHECK(c.columns->x == "Easting");
    CHECK(c.columns->y == "Northing");
    CHECK(c.columns->month == "Logged");
    CHECK(c.columns->type == "Category");
    CHECK(c.xy_crs == std::optional<std::string>("EPSG:27700"));
    REQUIRE(c.covers);
    CHECK(formatMonth(c.covers->first) == "2025-01");
    CHECK(formatMonth(c.covers->last) == "2025-06");
    CHECK_FALSE(c.is_public);
    const SourceOptions& y = f.sources[3];
    CHECK(y.is_public);
    REQUIRE(y.columns);
    CHECK(y.columns->lonlat_hint);
    CHECK(y.columns->postcode == "PC");

    LoadRequest r;
    r.incident_paths = {"given.csv"};
    addSources(r, f);
    CHECK(r.incident_paths.size() == 5);
    CHECK(r.sources.size() == 4);
}

TEST_CASE("sources file: every mistake names the file and line") {
    auto err = [](const std::string& text) {
        auto r = parseSourcesFile(text, "s.txt", "");
        REQUIRE_FALSE(r);
        return r.error();
    };
    CHECK(err("path = a.csv\n") == "s.txt line 1: 'path' before any [source] heading");
    CHECK(err("[A]\npath = a.csv\ncolour = red\n").find("s.txt line 3: unknown key 'colour'") == 0);
    CHECK(err("[A]\npath = a.csv\ncovers = 2025-06..2025-01\n")
              .find("s.txt line 3: covers 2025-06..2025-01: give the months as FROM..TO") == 0);
    CHECK(err("[A]\npath = a.csv\npublic = maybe\n") ==
          "s.txt line 3: public must be yes or no, got 'maybe'");
    CHECK(err("[A]\npath = a.csv\nx-field = E\nx-field = F\n") ==
          "s.txt line 4: 'x-field' given twice for [A]");
    CHECK(err("[A]\nx-field = E\n") == "s.txt line 1: the source [A] has no path");
    CHECK(err("[A]\npath = a\n[a]\npath = b\n") ==
          "s.txt line 3: the source [a] is named twice (line 1)");
    CHECK(err("[A]\npath a.csv\n").find("s.txt line 2: expected 'key = value'") == 0);
    CHECK(err("[]\n").find("s.txt line 1: a source starts with its name in brackets") == 0);
    CHECK(err("# nothing\n") ==
          "s.txt: no sources (a source starts with [its name], then path = ...)");
    CHECK(err("[A]\npath =\n") == "s.txt line 2: 'path' has no value");
}
