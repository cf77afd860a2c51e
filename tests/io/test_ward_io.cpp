// Ward reading, population tables, and vector output round trips through real files.
#include "io/area_lookup.hpp"
#include "io/population_reader.hpp"
#include "io/vector_writer.hpp"
#include "io/ward_reader.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

using namespace sw;

TEST_CASE("ward fields are detected from ONS-style names") {
    CHECK(io::detectWardFields({"OBJECTID", "WD13CD", "WD13NM", "WD13NMW"}) ==
          std::make_pair(std::string("WD13CD"), std::string("WD13NM")));
    CHECK(io::detectWardFields({"LSOA21CD", "LSOA21NM"}).first == "LSOA21CD");
    CHECK(io::detectWardFields({"code", "name"}) ==
          std::make_pair(std::string("code"), std::string("name")));
    CHECK(io::detectWardFields({"foo", "bar"}).first.empty());
    // A ward file that carries its district too is read by ward, whatever the field order.
    CHECK(io::detectWardFields({"LAD23CD", "LAD23NM", "WD23CD", "WD23NM"}) ==
          std::pair<std::string, std::string>{"WD23CD", "WD23NM"});
}

TEST_CASE("ward file: polygons kept, other geometries rejected by feature number") {
    test::TempDir dir;
    const auto path =
        test::writeFile(dir.file("wards.geojson"), R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"WD22CD":"E1","WD22NM":"Square"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]}},
{"type":"Feature","properties":{"WD22CD":"E2","WD22NM":"Road"},"geometry":{"type":"LineString","coordinates":[[0,0],[1,1]]}},
{"type":"Feature","properties":{"WD22CD":"E3","WD22NM":"Nothing"},"geometry":null},
{"type":"Feature","properties":{"WD22CD":"E4","WD22NM":"Two parts"},"geometry":{"type":"MultiPolygon","coordinates":[[[[2,0],[3,0],[3,1],[2,1],[2,0]]],[[[4,0],[5,0],[5,1],[4,1],[4,0]],[[4.2,0.2],[4.8,0.2],[4.8,0.8],[4.2,0.8],[4.2,0.2]]]]}}]})");
    auto w = io::readWardFile(path, {});
    REQUIRE(w.report.error.empty());
    CHECK(w.wards.code_field == "WD22CD");
    REQUIRE(w.wards.size() == 2);
    CHECK(w.wards.wards[1].name == "Two parts");
    CHECK(w.wards.wards[1].shape.size() == 2);
    CHECK(w.wards.wards[1].shape[1].inners().size() == 1);
    CHECK(w.wards.wards[1].feature == 4);
    CHECK(w.report.rejected.total() == 2);
    CHECK(w.report.rejected.reasons()[0].reason == "not a polygon");
    CHECK(w.report.rejected.reasons()[0].first_lines == std::vector<std::uint64_t>{2});
    CHECK(w.source_crs == "EPSG:4326");

    auto missing_field = io::readWardFile(path, {"WARD_ID", ""});
    CHECK(missing_field.report.error.find("no field named 'WARD_ID'") != std::string::npos);
    auto not_a_file = io::readWardFile(dir.file("absent.shp"), {});
    CHECK(not_a_file.report.error.find(dir.file("absent.shp") + ": not a readable vector file") ==
          0);
}

TEST_CASE("population table: matched by code or name, footers and strangers reported") {
    test::TempDir dir;
    WardSet wards;
    for (auto [c, n] : {std::pair{"E05000001", "West"}, std::pair{"E05000002", "East"},
                        std::pair{"E05000003", "North"}}) {
        Ward w;
        w.code = c;
        w.name = n;
        wards.wards.push_back(w);
    }
    const auto path = test::writeFile(dir.file("pop.csv"),
                                      "area name,code,Population\n"
                                      "West,E05000001,\"12,500\"\n"
                                      "East,E05000002,8000\n"
                                      "Elsewhere,E05999999,100\n"
                                      ",,\n"
                                      ",\"In order to protect against disclosure, records\",\n");
    auto p = io::readPopulation(path, wards);
    REQUIRE(p.report.error.empty());
    CHECK(p.key_column == "code");
    CHECK(p.value_column == "Population");
    CHECK(p.by_ward[0] == 12500.0);
    CHECK(p.by_ward[1] == 8000.0);
    CHECK_FALSE(p.by_ward[2]);
    CHECK(p.report.rows_kept == 2);
    CHECK(p.report.rejected.total() == 3);
    REQUIRE(p.report.warnings.size() == 1);
    CHECK(p.report.warnings[0].find("North") != std::string::npos);

    auto lsoa = io::readPopulation(
        test::writeFile(dir.file("lsoa.csv"), "LSOA21CD,Population\nE01000001,1500\n"), wards);
    CHECK(lsoa.report.error.find("no column matches the ward codes") != std::string::npos);
}

TEST_CASE("population through a lookup: a ward-level table still reads; a partial sum is blank") {
    test::TempDir dir;
    WardSet wards;
    for (auto [c, n] : {std::pair{"E05000001", "West"}, std::pair{"E05000002", "East"}}) {
        Ward w;
        w.code = c;
        w.name = n;
        wards.wards.push_back(w);
    }
    auto lookup = io::readAreaLookup(test::writeFile(
        dir.file("lookup.csv"), "LSOA21CD,WD23CD\nE01,E05000001\nE02,E05000001\nE03,E05000002\n"));
    REQUIRE(lookup);
    // A ward-level table given with --lookup (for --assign-by lsoa): read by ward code.
    auto direct = io::readPopulation(
        test::writeFile(dir.file("w.csv"), "WD23CD,Population\nE05000001,4000\nE05000002,900\n"),
        wards, &lookup.value());
    REQUIRE(direct.report.error.empty());
    CHECK(direct.key_column == "WD23CD");
    CHECK(direct.by_ward[0] == 4000.0);
    CHECK(direct.by_ward[1] == 900.0);
    // An LSOA table missing E02: West would get half its residents, so it is left blank.
    auto partial = io::readPopulation(
        test::writeFile(dir.file("l.csv"), "LSOA21CD,Population\nE01,1500\nE03,700\n"), wards,
        &lookup.value());
    REQUIRE(partial.report.error.empty());
    CHECK_FALSE(partial.by_ward[0]);
    CHECK(partial.by_ward[1] == 700.0);
    bool said = false;
    for (const auto& w : partial.report.warnings)
        said = said || w.find("West (1 of 2)") != std::string::npos;
    CHECK(said);
}

TEST_CASE("vector output: shapefile round trip with .prj; replacing a file is atomic") {
    test::TempDir dir;
    using T = io::FieldSpec::Type;
    Polygon p;
    p.outer() = {
        {570000, 160000}, {570000, 161000}, {571000, 161000}, {571000, 160000}, {570000, 160000}};
    const MultiPolygon shape{p};
    for (int round = 0; round < 2; ++round) {
        auto w = io::VectorWriter::create(
            dir.file("out.shp"), "wards",
            {{"ward_code", T::Text}, {"count", T::Integer}, {"rate", T::Real}}, true, "EPSG:27700");
        REQUIRE(w);
        CHECK(w.value()->add({std::string("E1"), std::int64_t(41 + round), 2.5}, &shape));
        CHECK(w.value()->add({std::string("E2"), std::int64_t(7), std::monostate{}}, &shape));
        CHECK(w.value()->commit());
    }
    CHECK(std::filesystem::exists(dir.file("out.prj")));
    CHECK(test::readFile(dir.file("out.prj")).find("British_National_Grid") != std::string::npos);
    for (const auto& e : std::filesystem::directory_iterator(dir.path()))
        CHECK(e.path().filename().string().find("tmp") == std::string::npos); // no leftovers
    GDALAllRegister();
    std::unique_ptr<GDALDataset> ds(GDALDataset::Open(dir.file("out.shp").c_str(), GDAL_OF_VECTOR));
    REQUIRE(ds);
    OGRLayer* layer = ds->GetLayer(0);
    CHECK(layer->GetFeatureCount() == 2);
    std::unique_ptr<OGRFeature> f(layer->GetNextFeature());
    CHECK(std::string(f->GetFieldAsString("ward_code")) == "E1");
    CHECK(f->GetFieldAsInteger("count") == 42);
    CHECK(OGR_G_Area(OGRGeometry::ToHandle(f->GetGeometryRef())) ==
          doctest::Approx(1e6)); // shapefiles read back single parts as Polygon
    std::unique_ptr<OGRFeature> g(layer->GetNextFeature());
    CHECK_FALSE(g->IsFieldSetAndNotNull(g->GetFieldIndex("rate")));

    auto bad = io::VectorWriter::create(dir.file("out.xlsx"), "x", {}, false, "EPSG:27700");
    REQUIRE_FALSE(bad);
    CHECK(bad.error().find("unsupported output format") != std::string::npos);
    auto nofolder = io::VectorWriter::create(dir.file("missing/out.csv"), "x", {}, false, "");
    CHECK_FALSE(nofolder);
}
