// Incident reading from real files the test writes: police.uk CSV quirks, partner CSVs,
// GDAL vector points, archives, large files across read blocks, and bad input.
#include "io/incident_reader.hpp"
#include "io/input_files.hpp"
#include "io/zip_writer.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <map>

using namespace sw;

namespace {
std::map<std::string, std::uint64_t> reasons(const FileReport& r) {
    std::map<std::string, std::uint64_t> m;
    for (const auto& x : r.rejected.reasons())
        m[x.reason] = x.count;
    return m;
}

std::string policeRows() {
    std::string s = test::kPoliceHeader;
    s += "abc123,2022-01,Kent Police,Kent Police,0.521000,51.380000,On or near High "
         "Street,E01016000,Medway 001A,Drugs,Under investigation,\r\n";
    s += ",2022-01,Kent Police,Kent Police,0.522000,51.381000,On or near Park "
         "Road,E01016000,Medway 001A,Anti-social behaviour,,\r\n";
    s += "def456,2022-01,Kent Police,Kent Police,,,No Location,,,Burglary,Under investigation,\r\n";
    s += "ghi789,2022-01,Kent Police,Kent Police,0.523000,51.382000,\"On or near Rose, "
         "Lane\",E01016001,Medway 001B,Robbery,Under investigation,Suspect had a knife\r\n";
    return s;
}
} // namespace

TEST_CASE("police.uk CSV exactly as published") {
    test::TempDir dir;
    const auto path = test::writeFile(dir.file("2022-01-kent-street.csv"), policeRows());
    auto f = io::readIncidentFile(path, {});
    REQUIRE(f.report.error.empty());
    CHECK(f.report.format == "police.uk street-level CSV");
    CHECK(f.source_crs == "EPSG:4326");
    CHECK(f.report.rows_read == 4);
    CHECK(f.report.rows_kept == 3);
    CHECK(reasons(f.report)["no coordinates"] == 1);
    CHECK(f.report.rejected.reasons()[0].first_lines == std::vector<std::uint64_t>{4});
    const auto& t = f.table;
    REQUIRE(t.size() == 3);
    CHECK(t.crime_type.at(1) == "Anti-social behaviour");
    CHECK(t.text[*t.textColumn("Crime ID")].at(1).empty());
    CHECK(t.text[*t.textColumn("Location")].at(2) == "On or near Rose, Lane");
    CHECK(t.text[*t.textColumn("Context")].at(2) == "Suspect had a knife");
    CHECK(t.line == std::vector<std::uint32_t>{2, 3, 5});
}

TEST_CASE("large files parse the same across read blocks and thread counts") {
    test::TempDir dir;
    std::string s = test::kPoliceHeader;
    const int n = 150000; // ~25 MB: more than one 16 MB read block
    for (int i = 0; i < n; ++i) {
        if (i % 1000 == 7) {
            s += "id,2022-02,Kent Police,Kent Police,,,No Location,,,Drugs,,\r\n";
            continue;
        }
        char row[400];
        std::snprintf(row, sizeof row,
                      "%064d,2022-02,Kent Police,Kent Police,%.6f,%.6f,\"On or near Street %d, "
                      "Chatham\",E0101%04d,Medway %03d,Drugs,Under investigation,\r\n",
                      i, 0.5 + (i % 500) * 1e-4, 51.3 + (i % 300) * 1e-4, i % 97, i % 9999,
                      i % 100);
        s += row;
    }
    const auto path = test::writeFile(dir.file("big.csv"), s);
    io::IncidentReadOptions one, two;
    one.threads = 1;
    two.threads = 2;
    auto a = io::readIncidentFile(path, one);
    auto b = io::readIncidentFile(path, two);
    REQUIRE(a.report.error.empty());
    CHECK(a.report.rows_read == n);
    CHECK(a.report.rows_kept == n - n / 1000);
    CHECK(a.table.x == b.table.x);
    CHECK(a.table.line == b.table.line);
    CHECK(a.table.line.back() == n + 1);
    CHECK(a.report.rejected.reasons()[0].first_lines.front() == 9); // row i=7 is line 9
    CHECK(a.report.rejected.reasons()[0].first_lines == b.report.rejected.reasons()[0].first_lines);
    const auto loc = *a.table.textColumn("Location");
    CHECK(a.table.text[loc].at(a.table.size() - 1) ==
          "On or near Street " + std::to_string((n - 1) % 97) + ", Chatham");
}

TEST_CASE("partner CSV with easting/northing and dates") {
    test::TempDir dir;
    const auto path = test::writeFile(dir.file("partner.csv"),
                                      "Ref;Date;Easting;Northing;Offence;Notes\n"
                                      "1;15/03/2022;570500;160500;Robbery;bladed article\n"
                                      "2;16/03/2022;571500;160500;Burglary;\n");
    auto f = io::readIncidentFile(path, {});
    REQUIRE(f.report.error.empty());
    CHECK(f.source_crs == "EPSG:27700");
    REQUIRE(f.table.size() == 2);
    CHECK(f.table.x[1] == 571500);
    CHECK(f.table.month[0] == makeMonth(2022, 3));
    CHECK(f.table.crime_type.at(0) == "Robbery");
    CHECK_FALSE(f.report.warnings.empty()); // says how the columns were read
}

TEST_CASE("GDAL vector points (GeoJSON) load with attributes") {
    test::TempDir dir;
    const auto path =
        test::writeFile(dir.file("points.geojson"), R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"month":"2022-04","category":"Drugs"},"geometry":{"type":"Point","coordinates":[0.52,51.38]}},
{"type":"Feature","properties":{"month":"2022-04","category":"Robbery"},"geometry":{"type":"LineString","coordinates":[[0,0],[1,1]]}},
{"type":"Feature","properties":{"month":"2022-05","category":"Robbery"},"geometry":null}]})");
    auto f = io::readIncidentFile(path, {});
    REQUIRE(f.report.error.empty());
    CHECK(f.report.rows_read == 3);
    REQUIRE(f.table.size() == 1);
    CHECK(f.table.crime_type.at(0) == "Drugs");
    CHECK(f.table.x[0] == doctest::Approx(0.52));
    CHECK(reasons(f.report)["not a point geometry"] == 1);
    CHECK(reasons(f.report)["no geometry"] == 1);
}

TEST_CASE("folders and zip archives expand to their data files") {
    test::TempDir dir;
    std::filesystem::create_directories(dir.file("months"));
    test::writeFile(dir.file("months/2022-02.csv"), policeRows());
    test::writeFile(dir.file("months/2022-01.csv"), policeRows());
    test::writeFile(dir.file("months/readme.txt"), "not data");
    auto files = io::expandIncidentInputs({dir.file("months")});
    REQUIRE(files);
    REQUIRE(files.value().size() == 2);
    CHECK(files.value()[0].find("2022-01.csv") != std::string::npos);

    auto z = io::ZipWriter::create(dir.file("police.zip"));
    REQUIRE(z);
    CHECK(z.value().add("2022-01-kent-street.csv", policeRows()));
    CHECK(z.value().close());
    auto zipped = io::expandIncidentInputs({dir.file("police.zip")});
    REQUIRE(zipped);
    REQUIRE(zipped.value().size() == 1);
    auto f = io::readIncidentFile(zipped.value()[0], {});
    CHECK(f.report.error.empty());
    CHECK(f.table.size() == 3);

    auto missing = io::expandIncidentInputs({dir.file("nope.csv")});
    REQUIRE_FALSE(missing);
    CHECK(missing.error().find("nope.csv: no such file") != std::string::npos);
}

TEST_CASE("bad input gives one clear line naming the file") {
    test::TempDir dir;
    auto empty = io::readIncidentFile(test::writeFile(dir.file("empty.csv"), ""), {});
    CHECK(empty.report.error == dir.file("empty.csv") + ": the file is empty");

    auto header_only =
        io::readIncidentFile(test::writeFile(dir.file("header.csv"), test::kPoliceHeader), {});
    CHECK(header_only.report.error.empty());
    CHECK(header_only.table.empty());
    REQUIRE(header_only.report.warnings.size() == 1);
    CHECK(header_only.report.warnings[0].find("header but no data rows") != std::string::npos);

    auto no_coords =
        io::readIncidentFile(test::writeFile(dir.file("names.csv"), "name,address\nA,B\n"), {});
    CHECK(no_coords.report.error.find(dir.file("names.csv") +
                                      ": line 1: no usable coordinate columns") == 0);

    auto garbage =
        io::readIncidentFile(test::writeFile(dir.file("data.xyz"), "\x01\x02garbage"), {});
    CHECK(garbage.report.error.find(dir.file("data.xyz") + ": not a readable vector file") == 0);

    auto nan = io::readIncidentFile(
        test::writeFile(
            dir.file("nan.csv"),
            "Month,Longitude,Latitude\n2022-01,NaN,51\n2022-01,0.5,inf\n2022-01,0.5,51.3\n"),
        {});
    CHECK(nan.table.size() == 1);
    CHECK(reasons(nan.report)["coordinate not finite (NaN or infinity)"] == 2);
}
