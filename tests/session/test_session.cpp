// The load action end to end on files the test writes, with known ward counts.
#include "geo/crs_transform.hpp"
#include "session/district_cut.hpp"
#include "session/live_analysis.hpp"
#include "session/sample_writer.hpp"
#include "session/session.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <cstdio>
#include <thread>

using namespace sw;

namespace {
// A police.uk row at a BNG position (converted to WGS84 lon/lat as police.uk publishes).
std::string rowAt(double e, double n, const char* month, const char* type, bool swap = false) {
    auto t = geo::CrsTransform::create("EPSG:27700", "EPSG:4326");
    double lon = e, lat = n;
    t.value().transform(&lon, &lat, 1);
    if (swap)
        std::swap(lon, lat);
    char buf[300];
    std::snprintf(buf, sizeof buf,
                  "x,%s,Kent Police,Kent Police,%.6f,%.6f,On or near Here,E01,Medway 001A,%s,,\r\n",
                  month, lon, lat, type);
    return buf;
}

LoadRequest request(const test::TempDir& dir) {
    LoadRequest r;
    r.exact_locations = true; // synthetic points: the tests check exact geometry
    r.wards_path = test::writeFile(dir.file("wards.geojson"), test::twoSquareWardsGeoJson());
    r.incident_paths = {dir.file("incidents.csv")};
    return r;
}
} // namespace

TEST_CASE("load: project, assign wards, count outside, choose BNG") {
    test::TempDir dir;
    std::string csv = test::kPoliceHeader;
    csv += rowAt(570100, 160100, "2022-01", "Drugs");
    csv += rowAt(570900, 160900, "2022-01", "Anti-social behaviour");
    csv += rowAt(570500, 160500, "2022-02", "Drugs");
    csv += rowAt(571500, 160500, "2022-02", "Robbery");
    csv += rowAt(571990, 160010, "2022-02", "Robbery");
    csv += rowAt(575000, 165000, "2022-02", "Robbery"); // outside both wards
    test::writeFile(dir.file("incidents.csv"), csv);
    Session s;
    REQUIRE(s.load(request(dir)));
    CHECK(s.data().working_crs == "EPSG:27700");
    CHECK(s.wards().size() == 2);
    CHECK(s.wards().wards[0].area_km2 == doctest::Approx(1.0));
    REQUIRE(s.incidents().size() == 6);
    CHECK(s.incidents().ward == std::vector<std::int32_t>{0, 0, 0, 1, 1, kOutsideWards});
    CHECK(s.report().outside_wards == 1);
    CHECK(std::abs(s.incidents().x[0] - 570100) < 1.0); // round trip through 6-decimal lon/lat
    auto prof = s.wardProfile({});
    REQUIRE(prof);
    CHECK(prof.value().rows[0].name == "West");
    CHECK(prof.value().rows[0].count == 3);
    CHECK(prof.value().rows[1].count == 2);
}

TEST_CASE("swapped longitude/latitude is warned about") {
    test::TempDir dir;
    std::string csv = test::kPoliceHeader;
    for (int i = 0; i < 20; ++i)
        csv += rowAt(570100 + i * 10, 160100, "2022-01", "Drugs", true);
    test::writeFile(dir.file("incidents.csv"), csv);
    Session s;
    REQUIRE(s.load(request(dir)));
    REQUIRE(s.report().warnings.size() == 1);
    CHECK(s.report().warnings[0].find("longitude and latitude look swapped") != std::string::npos);
    CHECK(s.report().outside_wards == 20);
}

TEST_CASE("an invalid ward is repaired and reported; a failed load keeps the old data") {
    test::TempDir dir;
    test::writeFile(dir.file("incidents.csv"),
                    std::string(test::kPoliceHeader) + rowAt(570100, 160100, "2022-01", "Drugs"));
    test::writeFile(
        dir.file("bowtie.geojson"),
        R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::27700"}},"features":[
{"type":"Feature","properties":{"code":"E1","name":"Bow tie"},"geometry":{"type":"Polygon","coordinates":[[[570000,160000],[571000,161000],[571000,160000],[570000,161000],[570000,160000]]]}}]})");
    LoadRequest r = request(dir);
    r.wards_path = dir.file("bowtie.geojson");
    Session s;
    REQUIRE(s.load(r));
    REQUIRE(s.report().ward_repairs.size() == 1);
    CHECK(s.report().ward_repairs[0].find(
              "feature 1 (Bow tie): invalid polygon (Self-intersection") != std::string::npos);
    CHECK(s.wards().wards[0].area_km2 == doctest::Approx(0.5));

    LoadRequest bad = r;
    bad.incident_paths = {dir.file("absent.csv")};
    auto st = s.load(bad);
    REQUIRE_FALSE(st);
    CHECK(st.error().find("absent.csv: no such file") != std::string::npos);
    CHECK(s.wards().wards[0].name == "Bow tie"); // unchanged
    CHECK(s.incidents().size() == 1);
}

TEST_CASE("the synthetic sample: 22 named wards, ~4,000 incidents a month, deterministic") {
    test::TempDir a, b;
    SampleParams p;
    p.months = 3;
    auto out = writeSyntheticSample(p, a.path().string(), false);
    REQUIRE(out);
    CHECK(out.value().rows > 3 * 3500);
    CHECK(out.value().rows < 3 * 4500);
    REQUIRE(writeSyntheticSample(p, b.path().string(), false));
    const std::string f = "incidents/2022-02-synthetic-medway-street.csv";
    CHECK(test::readFile(a.file(f)) == test::readFile(b.file(f)));
    CHECK(test::readFile(a.file("SYNTHETIC_README.txt")).find("NOT REAL CRIME DATA") !=
          std::string::npos);

    LoadRequest r;

    r.exact_locations = true; // synthetic points: the tests check exact geometry
    r.wards_path = out.value().wards_path;
    r.incident_paths = {out.value().incidents_path};
    r.population_path = out.value().population_path;
    Session s;
    REQUIRE(s.load(r));
    CHECK(s.synthetic());
    REQUIRE(s.wards().size() == 22);
    for (const auto& w : s.wards().wards)
        CHECK(w.area_km2 > 1.0);
    CHECK(s.wards().areaKm2() == doctest::Approx(185).epsilon(0.15));
    CHECK(s.wards().find("Chatham Central") >= 0);
    std::size_t types = 0;
    for (const auto& v : s.incidents().crime_type.values())
        types += v.empty() ? 0 : 1;
    CHECK(types == 14);
    // Nearly everything lands in a ward; ~1% of rows have no location and are rejected.
    CHECK(s.report().outside_wards * 100 < s.incidents().size());
    std::uint64_t no_coords = 0;
    for (const auto& f2 : s.report().incidents)
        for (const auto& reason : f2.rejected.reasons())
            no_coords += reason.reason == "no coordinates" ? reason.count : 0;
    CHECK(no_coords > 0);
    CHECK(no_coords * 50 < out.value().rows);
    // Chatham Central is a designed hotspot: it out-ranks a quiet rural ward.
    auto prof = s.wardProfile({});
    REQUIRE(prof);
    int chatham_rank = 0, cuxton_rank = 0;
    for (const auto& row : prof.value().rows) {
        if (row.name == "Chatham Central")
            chatham_rank = row.rank;
        if (row.name == "Cuxton and Halling")
            cuxton_rank = row.rank;
        CHECK(row.population.has_value());
    }
    CHECK(chatham_rank < cuxton_rank);
}

TEST_CASE("live analysis: debounced, recomputes on a new period, latest request wins") {
    test::TempDir dir;
    std::string csv = test::kPoliceHeader;
    for (int i = 0; i < 20; ++i)
        csv += rowAt(570300 + i, 160300, "2022-01", "Drugs");
    for (int i = 0; i < 5; ++i)
        csv += rowAt(571600 + i, 160600, "2022-02", "Drugs");
    test::writeFile(dir.file("incidents.csv"), csv);
    Session s;
    REQUIRE(s.load(request(dir)));

    MapAnalysisParams p;
    p.hotspots.density.kde.radius_m = 100;
    p.hotspots.density.kde.cell_size_m = 10;
    p.hotspots.density.kde.units = DensityUnits::Density;
    p.hotspots.threshold.mode = HotspotThreshold::Mode::TopPercent;
    p.hotspots.threshold.amount = 2;
    // Direct: the density integrates to the incidents, the profile counts them per ward.
    auto direct = runMapAnalysis(s, p);
    REQUIRE(direct);
    const Grid& g = direct.value().hotspots.density.grid;
    CHECK(g.sum() * 1e-4 == doctest::Approx(25).epsilon(1e-3));
    REQUIRE(direct.value().profile);
    CHECK(direct.value().profile->rows[0].count == 20);
    CHECK(direct.value().hotspots.hotspots.size() == 2);
    CHECK(direct.value().bandwidths.size() == 2);
    CHECK_FALSE(direct.value().gistar);

    // Gi* on the map's selection: the cluster of 20 is a 99% hot spot, a far corner is not.
    MapAnalysisParams gp = p;
    gp.gistar = GiStarParams{};
    gp.gistar->cell_size_m = 100;
    CHECK_FALSE(gp == p);
    auto with_gi = runMapAnalysis(s, gp);
    REQUIRE(with_gi);
    REQUIRE(with_gi.value().gistar);
    const GiStarResult& gi = *with_gi.value().gistar;
    CHECK(gi.n == 200); // two 1 km wards in 100 m cells
    CHECK(gi.distance_m == 250);
    // The cluster lies on a cell corner (570300, 160300 after the lon/lat round trip): its 20
    // incidents fall around it, most in the cells east of it.
    const auto above = cellIndex(gi.counts, 570305, 160305);
    const auto below = cellIndex(gi.counts, 570305, 160295);
    const auto corner = cellIndex(gi.counts, 571950, 160050);
    REQUIRE(above >= 0);
    REQUIRE(below >= 0);
    REQUIRE(corner >= 0);
    const auto a = static_cast<std::size_t>(above), b = static_cast<std::size_t>(below);
    double around = 0;
    for (double dx : {-5.0, 5.0})
        for (double dy : {-5.0, 5.0})
            around += gi.counts.values[static_cast<std::size_t>(
                cellIndex(gi.counts, 570300 + dx, 160300 + dy))];
    CHECK(around == 20);
    CHECK(gi.counts.values[a] + gi.counts.values[b] >= 18);
    CHECK(gi.counts.sum() == 25);
    CHECK(gi.bin[a] == 3);
    CHECK(gi.bin[b] == 3);
    CHECK(gi.bin[static_cast<std::size_t>(corner)] <= 0);

    LiveAnalysis live;
    live.request(p, 0.0);
    CHECK_FALSE(live.poll(s, 0.01)); // still inside the debounce interval: nothing started
    CHECK(live.running());
    auto waitResult = [&](double now) {
        for (int i = 0; i < 2000; ++i) {
            if (live.poll(s, now))
                return true;
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
        return false;
    };
    REQUIRE(waitResult(1.0));
    CHECK(live.result()->hotspots.incidents == 25);
    CHECK(live.generation() == 1);
    // Two quick changes: only the last one is computed.
    MapAnalysisParams feb = p;
    feb.hotspots.density.selection.from = feb.hotspots.density.selection.to = makeMonth(2022, 2);
    MapAnalysisParams jan = p;
    jan.hotspots.density.selection.from = jan.hotspots.density.selection.to = makeMonth(2022, 1);
    live.request(feb, 2.0);
    live.request(jan, 2.02);
    CHECK_FALSE(live.poll(s, 2.03));
    REQUIRE(waitResult(2.3));
    CHECK(live.result()->hotspots.incidents == 20);
    CHECK(live.generation() == 2); // the cancelled February job installed nothing
    CHECK(live.result()->profile->total_in_period == 20);
    live.request(jan, 3.0); // unchanged: no new work
    CHECK_FALSE(live.running());
    live.stop();
}

TEST_CASE("context layers: points, lines and polygon rings projected to the working CRS") {
    test::TempDir dir;
    test::writeFile(dir.file("incidents.csv"),
                    std::string(test::kPoliceHeader) + rowAt(570500, 160500, "2022-01", "Drugs"));
    Session s;
    CHECK_FALSE(s.addContextLayer(dir.file("none.geojson"))); // nothing loaded yet: no CRS
    REQUIRE(s.load(request(dir)));
    // A CCTV point, a road, a school polygon in lon/lat, and a feature with no geometry.
    auto t = geo::CrsTransform::create("EPSG:27700", "EPSG:4326");
    double lon = 570400, lat = 160600;
    t.value().transform(&lon, &lat, 1);
    char json[2000];
    std::snprintf(json, sizeof json,
                  R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"name":"cam 1"},"geometry":{"type":"Point","coordinates":[%.8f,%.8f]}},
{"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[0.50,51.35],[0.52,51.36],[0.54,51.36]]}},
{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[0.50,51.38],[0.51,51.38],[0.51,51.39],[0.50,51.38]]]}},
{"type":"Feature","properties":{},"geometry":null}
]})",
                  lon, lat);
    const std::string path = test::writeFile(dir.file("context.geojson"), json);
    REQUIRE(s.addContextLayer(path));
    REQUIRE(s.contextLayers().size() == 1);
    const ContextLayer& c = s.contextLayers()[0];
    CHECK(c.name == "context.geojson");
    REQUIRE(c.points.size() == 1);
    CHECK(c.points[0].x() == doctest::Approx(570400).epsilon(1e-7));
    CHECK(c.points[0].y() == doctest::Approx(160600).epsilon(1e-7));
    REQUIRE(c.lines.size() == 2);
    CHECK(c.lines[0].size() == 3);
    CHECK(c.lines[1].size() == 4);     // the polygon's ring
    CHECK(c.lines[0][0].x() > 500000); // in metres now
    CHECK(c.report.rows_read == 4);
    CHECK(c.report.rows_kept == 3);
    REQUIRE(c.report.rejected.reasons().size() == 1);
    CHECK(c.report.rejected.reasons()[0].reason == "no geometry");

    // A file that is not vector data leaves the layers as they were.
    test::writeFile(dir.file("notes.txt"), "not a map\n");
    const auto bad = s.addContextLayer(dir.file("notes.txt"));
    REQUIRE_FALSE(bad);
    CHECK(bad.error().find("notes.txt") != std::string::npos);
    CHECK(s.contextLayers().size() == 1);
    s.removeContextLayer(0);
    CHECK(s.contextLayers().empty());
}

TEST_CASE(
    "cut: whole records (a quoted field's line breaks too), decoded as the loader read them") {
    test::TempDir dir;
    std::string inside = rowAt(570100, 160100, "2022-01", "Drugs");
    // A quoted Context field with a line break in it: the record spans two physical lines.
    inside.replace(inside.size() - 2, 2, "\"two\nlines\"\r\n");
    const std::string csv = std::string(test::kPoliceHeader) +
                            rowAt(575000, 165000, "2022-01", "Robbery") + inside +
                            rowAt(571500, 160500, "2022-02", "Robbery");
    SUBCASE("UTF-8 with a multi-line record") {
        test::writeFile(dir.file("incidents.csv"), csv);
    }
    SUBCASE("UTF-16LE with a byte order mark") {
        std::string u16 = "\xFF\xFE";
        for (char c : csv) {
            u16.push_back(c);
            u16.push_back('\0');
        }
        test::writeFile(dir.file("incidents.csv"), u16);
    }
    Session s;
    REQUIRE(s.load(request(dir)));
    REQUIRE(s.incidents().size() == 3);
    auto cut = cutToStudyArea(s);
    REQUIRE(cut);
    CHECK(cut.value().rows == 2);
    CHECK(cut.value().csv.find("\"two\nlines\"\r\n") != std::string::npos);
    const std::string& out = cut.value().csv;
    CHECK(out.find("2022-02") != std::string::npos);    // the East row
    CHECK(out.find("Robbery") == out.rfind("Robbery")); // and not the one outside
    // The cut file loads to the same two incidents.
    test::writeFile(dir.file("incidents.csv"), cut.value().csv);
    Session again;
    REQUIRE(again.load(request(dir)));
    CHECK(again.incidents().size() == 2);
    CHECK(again.report().outside_wards == 0);
}

TEST_CASE("loading several files: one progress bar over all their bytes") {
    test::TempDir dir;
    std::string a = test::kPoliceHeader, b = test::kPoliceHeader;
    for (int i = 0; i < 50; ++i)
        a += rowAt(570100 + i, 160100, "2022-01", "Drugs");
    for (int i = 0; i < 150; ++i)
        b += rowAt(571100 + i, 160100, "2022-02", "Drugs");
    test::writeFile(dir.file("a.csv"), a);
    test::writeFile(dir.file("b.csv"), b);
    LoadRequest r = request(dir);
    r.incident_paths = {dir.file("a.csv"), dir.file("b.csv")};
    Progress progress;
    auto data = loadData(r, &progress);
    REQUIRE(data);
    CHECK(data.value().incidents.size() == 200);
    CHECK(progress.total() == a.size() + b.size()); // not the last file's size alone
    CHECK(progress.fraction() == doctest::Approx(1.0));
}
