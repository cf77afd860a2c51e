// CLI integration: exit codes, messages, and ward counts through real output files.
#include "cli_runner.hpp"
#include "csv_rows.hpp"
#include "geo/crs_transform.hpp"
#include "police_rows.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <map>

using namespace sw;
using test::quote;
using test::readCsv;
using test::run;

namespace {
std::string rowAt(double e, double n, const char* month, const char* type) {
    return test::policeRowAt(e, n, month, type, "Here", 6);
}

// West: 3 incidents in 2022-02 (2 ASB), 1 in 2022-01; East: 1 in 2022-02, 2 in 2022-01;
// one outside; one row with no coordinates.
struct Fixture {
    test::TempDir dir;
    std::string wards, incidents, population;
    Fixture() {
        wards = test::writeFile(dir.file("wards.geojson"), test::twoSquareWardsGeoJson());
        std::string csv = test::kPoliceHeader;
        csv += rowAt(570100, 160100, "2022-02", "Anti-social behaviour");
        csv += rowAt(570200, 160200, "2022-02", "Anti-social behaviour");
        csv += rowAt(570300, 160300, "2022-02", "Drugs");
        csv += rowAt(570400, 160400, "2022-01", "Drugs");
        csv += rowAt(571500, 160500, "2022-02", "Robbery");
        csv += rowAt(571600, 160500, "2022-01", "Robbery");
        csv += rowAt(571700, 160500, "2022-01", "Robbery");
        csv += rowAt(580000, 170000, "2022-02", "Robbery");
        csv += "y,2022-02,Kent Police,Kent Police,,,No Location,,,Burglary,,\r\n";
        incidents = test::writeFile(dir.file("2022-kent-street.csv"), csv);
        population = test::writeFile(
            dir.file("pop.csv"), "ward_code,population\r\nE05000001,2000\r\nE05000002,4000\r\n");
    }
    std::string load() const {
        return "--wards " + quote(wards) + " --incidents " + quote(incidents);
    }
};

} // namespace

TEST_CASE("help and usage errors") {
    CHECK(run("--help").code == 0);
    for (const char* cmd : {"info", "wards", "sample", "gui"}) {
        const auto r = run(std::string(cmd) + " --help");
        CHECK(r.code == 0);
        CHECK(r.output.find("usage: streetweek") != std::string::npos);
    }
    CHECK(run("frobnicate").code == 2);
    const auto bad = run("wards --bogus 1");
    CHECK(bad.code == 2);
    CHECK(bad.output.find("unknown option '--bogus'") != std::string::npos);
    CHECK(run("wards --incidents x.csv --out y.csv").code == 2); // no --wards
    CHECK(run("info").code == 2);
    CHECK(run("sample --out /tmp/x --months zero").code == 2);
}

TEST_CASE("info reports what was read, kept and rejected") {
    Fixture fx;
    const auto r = run("info " + fx.load() + " --json");
    REQUIRE(r.code == 0);
    const auto j = test::jsonOf(r);
    INFO(r.output);
    REQUIRE(!j.is_discarded());
    CHECK(j["incidents"] == 8);
    CHECK(j["outside_wards"] == 1);
    REQUIRE(j["incident_files"].size() == 1);
    const auto& reasons = j["incident_files"][0]["reasons"];
    REQUIRE(reasons.size() == 1);
    CHECK(reasons[0]["reason"] == "no coordinates");
    CHECK(reasons[0]["count"] == 1);
    CHECK(reasons[0]["first_lines"] == nlohmann::json::array({10}));
    CHECK(j["working_crs"] == "EPSG:27700");
    const auto text = run("info " + fx.load());
    CHECK(text.code == 0);
    CHECK(text.output.find("9 rows read, 8 kept, 1 rejected") != std::string::npos);
}

TEST_CASE("missing or broken files fail with exit 1 and a message naming them") {
    Fixture fx;
    const auto missing =
        run("info --wards " + quote(fx.wards) + " --incidents " + quote(fx.dir.file("nope.csv")));
    CHECK(missing.code == 1);
    CHECK(missing.output.find("nope.csv: no such file") != std::string::npos);
    const auto empty =
        run("info --incidents " + quote(test::writeFile(fx.dir.file("empty.csv"), "")));
    CHECK(empty.code == 1);
    CHECK(empty.output.find("empty.csv: the file is empty") != std::string::npos);
    const auto bad_wards =
        run("info --wards " + quote(test::writeFile(fx.dir.file("w.geojson"), "{not json")) +
            " --incidents " + quote(fx.incidents));
    CHECK(bad_wards.code == 1);
    CHECK(bad_wards.output.find("w.geojson: not a readable vector file") != std::string::npos);
    const auto header_only =
        run("wards --wards " + quote(fx.wards) + " --incidents " +
            quote(test::writeFile(fx.dir.file("header.csv"), test::kPoliceHeader)) + " --out " +
            quote(fx.dir.file("p.csv")));
    CHECK(header_only.code == 1);
    CHECK(header_only.output.find("header.csv: the file has a header but no data rows") !=
          std::string::npos);
    CHECK(header_only.output.find("no incidents were loaded") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(fx.dir.file("p.csv")));
    const auto bad_crs = run("info " + fx.load() + " --crs EPSG:4326");
    CHECK(bad_crs.code == 1);
    CHECK(bad_crs.output.find("not a projected CRS") != std::string::npos);
}

TEST_CASE("wards: counts, layers, rate, rank and change to CSV") {
    Fixture fx;
    const std::string out = fx.dir.file("profile.csv");
    const auto r = run("wards " + fx.load() + " --population " + quote(fx.population) +
                       " --from 2022-02 --to 2022-02 --layer asb --layer-rule " +
                       quote("Robbery: types=Robbery") + " --out " + quote(out));
    INFO(r.output);
    REQUIRE(r.code == 0);
    const auto rows = readCsv(out);
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].at("ward_name") == "West");
    CHECK(rows[0].at("count") == "2"); // union of ASB and Robbery in West: the 2 ASB
    CHECK(rows[0].at("asb") == "2");
    CHECK(rows[0].at("robbery") == "0");
    CHECK(rows[0].at("rank") == "1");
    CHECK(rows[0].at("rate_1000") == "1");
    CHECK(rows[0].at("prev_count") == "0");
    CHECK(rows[0].at("change") == "2");
    CHECK(rows[1].at("ward_name") == "East");
    CHECK(rows[1].at("count") == "1");
    CHECK(rows[1].at("prev_count") == "2");
    CHECK(rows[1].at("change") == "-1");
    CHECK(rows[1].at("change_pct") == "-50");
    CHECK(rows[1].at("rate_1000") == "0.25");
    const std::string about = test::readFile(fx.dir.file("profile_about.txt"));
    CHECK(about.find("Period: 2022-02 to 2022-02") != std::string::npos);
    CHECK(about.find("types=Robbery") != std::string::npos);
    CHECK(about.find("police.uk") != std::string::npos);
}

TEST_CASE("wards: all incidents by default, and GeoPackage and Shapefile outputs") {
    Fixture fx;
    for (const char* name : {"profile.gpkg", "profile.shp"}) {
        const std::string out = fx.dir.file(name);
        const auto r = run("wards " + fx.load() + " --out " + quote(out));
        INFO(r.output);
        REQUIRE(r.code == 0);
        GDALAllRegister();
        std::unique_ptr<GDALDataset> ds(GDALDataset::Open(out.c_str(), GDAL_OF_VECTOR));
        REQUIRE(ds);
        OGRLayer* layer = ds->GetLayer(0);
        REQUIRE(layer->GetFeatureCount() == 2);
        CHECK(layer->GetSpatialRef() != nullptr);
        std::map<std::string, int> counts;
        for (auto& f : *layer)
            counts[f->GetFieldAsString("ward_name")] = f->GetFieldAsInteger("count");
        CHECK(counts["West"] == 4);
        CHECK(counts["East"] == 3);
    }
    CHECK(std::filesystem::exists(fx.dir.file("profile.prj")));
    const auto bad_ext = run("wards " + fx.load() + " --out " + quote(fx.dir.file("p.xlsx")));
    CHECK(bad_ext.code == 2);
    const auto bad_month =
        run("wards " + fx.load() + " --from March --out " + quote(fx.dir.file("p.csv")));
    CHECK(bad_month.code == 2);
    const auto unknown_layer =
        run("wards " + fx.load() + " --layer knives --out " + quote(fx.dir.file("p.csv")));
    CHECK(unknown_layer.code == 2);
    CHECK(unknown_layer.output.find("no layer named 'knives'") != std::string::npos);
}

TEST_CASE("the bundled sample loads: Medway's 24 wards, 2025's incidents, census population") {
    const auto r =
        run("info --json --wards " + quote(STREETWEEK_GEODATA "/medway_wards_2023.geojson") +
            " --incidents " + quote(STREETWEEK_GEODATA "/medway_street_2025.zip") +
            " --population " + quote(STREETWEEK_GEODATA "/medway_ward_population_2021.csv"));
    INFO(r.output.substr(0, 2000));
    REQUIRE(r.code == 0);
    const auto j = test::jsonOf(r);
    REQUIRE(!j.is_discarded());
    CHECK(j["synthetic"] == false);
    CHECK(j["ward_count"] == 24);
    CHECK(j["incidents"] == 30496);
    CHECK(j["outside_wards"] == 0);
    CHECK(j["first_month"] == "2025-01");
    CHECK(j["last_month"] == "2025-12");
    CHECK(j["population"]["read"] == 24);
    CHECK(j["population"]["kept"] == 24);
    CHECK(j["crime_types"]["Anti-social behaviour"] == 5482);
}

TEST_CASE("the synthetic generator still writes the scale-test sample") {
    test::TempDir dir;
    const auto w = run("sample --zip --out " + quote(dir.path().string()));
    REQUIRE(w.code == 0);
    const auto r =
        run("info --json --wards " + quote(dir.file("synthetic_medway_wards.geojson")) +
            " --incidents " + quote(dir.file("synthetic_medway_street_2022-01_2023-12.zip")));
    REQUIRE(r.code == 0);
    const auto j = test::jsonOf(r);
    REQUIRE(!j.is_discarded());
    CHECK(j["synthetic"] == true);
    CHECK(j["ward_count"] == 22);
}

TEST_CASE("kde: GeoTIFF with the extent's grid, nodata, CRS and the single-point peak") {
    test::TempDir dir;
    const std::string wards =
        test::writeFile(dir.file("wards.geojson"), test::twoSquareWardsGeoJson());
    const std::string pts = test::writeFile(
        dir.file("pts.csv"), "Month,Easting,Northing,Crime type\n2022-01,570505,160505,Drugs\n");
    const std::string out = dir.file("d.tif");
    const auto r =
        run("kde --wards " + quote(wards) + " --incidents " + quote(pts) + " --exact-locations" +
            " --radius 100 --cell 10 --units raw --extent 570000,160000,571005,161000 --out " +
            quote(out));
    INFO(r.output);
    REQUIRE(r.code == 0);
    GDALAllRegister();
    std::unique_ptr<GDALDataset> ds(GDALDataset::Open(out.c_str(), GDAL_OF_RASTER));
    REQUIRE(ds);
    CHECK(ds->GetRasterXSize() == 101); // ceil(1005 / 10)
    CHECK(ds->GetRasterYSize() == 100);
    double gt[6];
    ds->GetGeoTransform(gt);
    CHECK(gt[0] == 570000);
    CHECK(gt[3] == 161000);
    CHECK(gt[1] == 10);
    CHECK(std::string(ds->GetSpatialRef()->GetAuthorityCode(nullptr)) == "27700");
    GDALRasterBand* b = ds->GetRasterBand(1);
    int has_nodata = 0;
    CHECK(b->GetNoDataValue(&has_nodata) == -9999);
    CHECK(has_nodata);
    float v[3];
    // The point sits at the centre of column 50, row 49.
    CHECK(b->RasterIO(GF_Read, 49, 49, 3, 1, v, 3, 1, GDT_Float32, 0, 0) == CE_None);
    CHECK(v[1] == 1.0f);
    CHECK(v[0] == doctest::Approx(std::pow(1 - 0.01, 2)));
    float corner = 0;
    CHECK(b->RasterIO(GF_Read, 0, 0, 1, 1, &corner, 1, 1, GDT_Float32, 0, 0) == CE_None);
    CHECK(corner == -9999.0f); // no incident reaches it
    CHECK(std::string(ds->GetMetadataItem("STREETWEEK_KERNEL")) == "quartic");

    const auto bad = run("kde --incidents " + quote(pts) + " --exact-locations" +
                         " --radius -5 --out " + quote(dir.file("x.tif")));
    CHECK(bad.code == 2);
    CHECK(bad.output.find("--radius must be a positive number") != std::string::npos);
    const auto huge = run("kde --incidents " + quote(pts) + " --exact-locations" +
                          " --radius 100 --cell 0.01 --extent 0,0,100000,100000 --out " +
                          quote(dir.file("x.tif")));
    CHECK(huge.code == 2);
    CHECK(huge.output.find("over the limit") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir.file("x.tif")));
    const auto empty =
        run("kde --wards " + quote(wards) + " --incidents " + quote(pts) + " --exact-locations" +
            " --radius 100 --cell 10 --layer asb --out " + quote(dir.file("e.tif")));
    // Nothing selected is said, and is a failure, not an all-zero surface.
    CHECK(empty.code == 1);
    CHECK(empty.output.find("matches no incidents") != std::string::npos);
    CHECK(empty.output.find("all zero") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir.file("e.tif")));
}

TEST_CASE("hotspots: two clusters become two ranked polygons with counts, PAI and wards") {
    test::TempDir dir;
    const std::string wards =
        test::writeFile(dir.file("wards.geojson"), test::twoSquareWardsGeoJson());
    std::string csv = "Month,Easting,Northing,Crime type\n";
    for (int i = 0; i < 30; ++i)
        csv += "2022-01," + std::to_string(570250 + i % 5) + ",160500,Drugs\n"; // West
    for (int i = 0; i < 12; ++i)
        csv += "2022-01," + std::to_string(571700 + i % 3) + ",160300,Robbery\n"; // East
    const std::string pts = test::writeFile(dir.file("pts.csv"), csv);
    const std::string out = dir.file("hot.gpkg");
    const auto r = run(
        "hotspots --wards " + quote(wards) + " --incidents " + quote(pts) + " --exact-locations" +
        " --radius 100 --cell 10 --threshold value:5 --units raw --out " + quote(out));
    INFO(r.output);
    REQUIRE(r.code == 0);
    GDALAllRegister();
    std::unique_ptr<GDALDataset> ds(GDALDataset::Open(out.c_str(), GDAL_OF_VECTOR));
    REQUIRE(ds);
    OGRLayer* layer = ds->GetLayer(0);
    REQUIRE(layer->GetFeatureCount() == 2);
    std::unique_ptr<OGRFeature> first(layer->GetNextFeature());
    CHECK(first->GetFieldAsInteger("rank") == 1);
    CHECK(first->GetFieldAsInteger("incidents") == 30);
    CHECK(std::string(first->GetFieldAsString("wards")) == "West");
    const double area = OGR_G_Area(OGRGeometry::ToHandle(first->GetGeometryRef()));
    CHECK(first->GetFieldAsDouble("area_km2") == doctest::Approx(area / 1e6).epsilon(1e-3));
    // PAI = (30/42) / (area / 2 km^2)
    CHECK(first->GetFieldAsDouble("pai") ==
          doctest::Approx((30.0 / 42.0) / (area / 1e6 / 2.0)).epsilon(1e-3));
    std::unique_ptr<OGRFeature> second(layer->GetNextFeature());
    CHECK(second->GetFieldAsInteger("incidents") == 12);
    CHECK(std::string(second->GetFieldAsString("wards")) == "East");
    CHECK(run("hotspots --wards " + quote(wards) + " --incidents " + quote(pts) +
              " --exact-locations" + " --radius 100 --threshold top:200% --out " +
              quote(dir.file("h.gpkg")))
              .code == 2);
}

TEST_CASE("gistar: a dense cluster is a 99% hot spot; every study cell is written") {
    test::TempDir dir;
    const std::string wards =
        test::writeFile(dir.file("wards.geojson"), test::twoSquareWardsGeoJson());
    std::string csv = "Month,Easting,Northing,Crime type\n";
    for (int i = 0; i < 60; ++i)
        csv += "2022-01,570455,160455,Drugs\n"; // one cell in West
    for (int i = 0; i < 40; ++i)
        csv += "2022-01," + std::to_string(570005 + (i * 137) % 2000) + "," +
               std::to_string(160005 + (i * 71) % 1000) + ",Drugs\n";
    const std::string pts = test::writeFile(dir.file("pts.csv"), csv);
    const std::string out = dir.file("gi.gpkg");
    const auto r = run("gistar --wards " + quote(wards) + " --incidents " + quote(pts) +
                       " --exact-locations" + " --cell 50 --distance 125 --out " + quote(out));
    INFO(r.output);
    REQUIRE(r.code == 0);
    GDALAllRegister();
    std::unique_ptr<GDALDataset> ds(GDALDataset::Open(out.c_str(), GDAL_OF_VECTOR));
    REQUIRE(ds);
    OGRLayer* layer = ds->GetLayer(0);
    CHECK(layer->GetFeatureCount() == 40 * 20); // 2 km x 1 km of 50 m cells
    int hot = 0, cold = 0;
    double total = 0;
    for (auto& f : *layer) {
        total += f->GetFieldAsDouble("count");
        if (f->GetFieldAsInteger("gi_bin") == 3) {
            ++hot;
            CHECK(f->GetFieldAsDouble("gi_z") > 2.58);
        }
        if (f->GetFieldAsInteger("gi_bin") < 0)
            ++cold;
    }
    CHECK(total == 100);
    CHECK(hot >= 1);
    CHECK(cold == 0);
}

namespace {
float readCell(const std::string& tif, int col, int row) {
    GDALAllRegister();
    std::unique_ptr<GDALDataset> ds(GDALDataset::Open(tif.c_str(), GDAL_OF_RASTER));
    REQUIRE(ds);
    float v = 0;
    REQUIRE(ds->GetRasterBand(1)->RasterIO(GF_Read, col, row, 1, 1, &v, 1, 1, GDT_Float32, 0, 0) ==
            CE_None);
    return v;
}
} // namespace

TEST_CASE("kde: edge correction, dual surfaces and named bandwidth rules") {
    test::TempDir dir;
    const std::string wards =
        test::writeFile(dir.file("wards.geojson"), test::twoSquareWardsGeoJson());
    // Two incidents in February and one in January at the West ward's western edge.
    const std::string pts =
        test::writeFile(dir.file("pts.csv"), "Month,Easting,Northing,Crime type\n"
                                             "2022-02,570005,160505,Drugs\n"
                                             "2022-02,570005,160505,Drugs\n"
                                             "2022-01,570005,160505,Drugs\n");
    const std::string base = "kde --wards " + quote(wards) + " --incidents " + quote(pts) +
                             " --exact-locations" +
                             " --radius 100 --cell 10 --extent 570000,160000,572000,161000";
    // Cell (0, 49) is centred on the incidents, 5 m inside the study area's edge.
    const auto plain = run(base + " --units density --out " + quote(dir.file("p.tif")));
    REQUIRE(plain.code == 0);
    const auto edge =
        run(base + " --units density --edge-correct --out " + quote(dir.file("e.tif")));
    INFO(edge.output);
    REQUIRE(edge.code == 0);
    CHECK(edge.output.find("Edge-corrected") != std::string::npos);
    const double ratio = readCell(dir.file("e.tif"), 0, 49) / readCell(dir.file("p.tif"), 0, 49);
    CHECK(ratio > 1.7); // a little over half the kernel's mass lies inside the wards
    CHECK(ratio < 2.0);
    CHECK(readCell(dir.file("e.tif"), 30, 49) == -9999.0f); // still nothing out of reach

    const auto diff = run(base +
                          " --units raw --from 2022-02 --to 2022-02 --dual difference "
                          "--compare-from 2022-01 --compare-to 2022-01 --out " +
                          quote(dir.file("d.tif")));
    INFO(diff.output);
    REQUIRE(diff.code == 0);
    CHECK(diff.output.find("Dual KDE: difference") != std::string::npos);
    CHECK(readCell(dir.file("d.tif"), 0, 49) == 1.0f); // 2 - 1 at the peak
    CHECK(readCell(dir.file("d.tif"), 100, 49) == -9999.0f);
    const auto ratio_run = run(base +
                               " --units raw --from 2022-02 --to 2022-02 --dual ratio "
                               "--compare-from 2022-01 --compare-to 2022-01 --out " +
                               quote(dir.file("r.tif")));
    REQUIRE(ratio_run.code == 0);
    CHECK(readCell(dir.file("r.tif"), 3, 49) == doctest::Approx(2.0)); // 2 / 1 everywhere in reach
    CHECK(run(base + " --dual ratio --out " + quote(dir.file("x.tif"))).code == 2);
    CHECK(run(base + " --dual sideways --compare-from 2022-01 --out " + quote(dir.file("x.tif")))
              .code == 2);

    for (const char* rule : {"arcgis", "scott", "cv"}) {
        const auto r = run("kde --wards " + quote(wards) + " --incidents " +
                           quote(dir.file("pts.csv")) + " --exact-locations" + " --radius " + rule +
                           " --cell 10 --out " + quote(dir.file("b.tif")));
        INFO(std::string(rule), r.output);
        // Three incidents at one place have no spread: each rule says so rather than guess.
        CHECK(r.code != 0);
        CHECK(r.output.find("radius") != std::string::npos);
    }
    std::string spread = "Month,Easting,Northing,Crime type\n";
    for (int i = 0; i < 60; ++i)
        spread += "2022-01," + std::to_string(570100 + (i * 37) % 800) + "," +
                  std::to_string(160100 + (i * 53) % 800) + ",Drugs\n";
    test::writeFile(dir.file("spread.csv"), spread);
    for (const char* rule : {"arcgis", "scott", "cv"}) {
        const auto r =
            run("kde --wards " + quote(wards) + " --incidents " + quote(dir.file("spread.csv")) +
                " --radius " + rule + " --cell 10 --out " + quote(dir.file("b.tif")));
        INFO(std::string(rule), r.output);
        REQUIRE(r.code == 0);
        const auto at = r.output.find("radius: ");
        REQUIRE(at != std::string::npos);
        const double radius = std::stod(r.output.substr(at + 8));
        CHECK(radius > 20);
        CHECK(radius < 2000);
        std::unique_ptr<GDALDataset> ds(
            GDALDataset::Open(dir.file("b.tif").c_str(), GDAL_OF_RASTER));
        REQUIRE(ds);
        CHECK(std::stod(ds->GetMetadataItem("STREETWEEK_RADIUS_M")) == radius);
    }
}

TEST_CASE("emerging: a steady cluster is persistent and one that appears last month is new") {
    test::TempDir dir;
    const std::string wards =
        test::writeFile(dir.file("wards.geojson"), test::twoSquareWardsGeoJson());
    std::string csv = "Month,Easting,Northing,Crime type\n";
    for (int m = 1; m <= 10; ++m) {
        char month[8];
        std::snprintf(month, sizeof month, "2022-%02d", m);
        for (int i = 0; i < 40; ++i) // background across both wards
            csv += std::string(month) + "," + std::to_string(570025 + (i * 137 + m * 50) % 2000) +
                   "," + std::to_string(160025 + (i * 71 + m * 30) % 1000) + ",Drugs\n";
        for (int i = 0; i < 25; ++i)
            csv += std::string(month) + ",570455,160455,Drugs\n"; // West, every month
        if (m == 10)
            for (int i = 0; i < 25; ++i)
                csv += std::string(month) + ",571555,160555,Drugs\n"; // East, the last month
    }
    const std::string pts = test::writeFile(dir.file("pts.csv"), csv);
    const std::string out = dir.file("em.gpkg");
    const auto r = run("emerging --wards " + quote(wards) + " --incidents " + quote(pts) +
                       " --exact-locations" + " --cell 50 --distance 75 --out " + quote(out));
    INFO(r.output);
    REQUIRE(r.code == 0);
    CHECK(r.output.find("10 months (2022-01..2022-10") != std::string::npos);
    // It says what it is: streetweek's own classification, not ArcGIS's tool.
    CHECK(r.output.find("Emerging hot spots (streetweek's own classification, not ArcGIS's)") !=
          std::string::npos);
    CHECK(run("emerging --help").output.find("this is not that tool") != std::string::npos);
    GDALAllRegister();
    std::unique_ptr<GDALDataset> ds(GDALDataset::Open(out.c_str(), GDAL_OF_VECTOR));
    REQUIRE(ds);
    OGRLayer* layer = ds->GetLayer(0);
    CHECK(layer->GetFeatureCount() == 40 * 20);
    auto patternAt = [&](double x, double y) {
        layer->SetSpatialFilterRect(x, y, x, y);
        layer->ResetReading();
        std::unique_ptr<OGRFeature> f(layer->GetNextFeature());
        layer->SetSpatialFilter(nullptr);
        return f ? std::string(f->GetFieldAsString("pattern")) : std::string("(no cell)");
    };
    CHECK(patternAt(570455, 160455) == "persistent");
    CHECK(patternAt(571555, 160555) == "new");
    CHECK(patternAt(571955, 160955) == "none");
    CHECK(run("emerging --wards " + quote(wards) + " --incidents " + quote(pts) +
              " --exact-locations" + " --confidence 80 --out " + quote(dir.file("x.gpkg")))
              .code == 2);
    CHECK(run("emerging --wards " + quote(wards) + " --incidents " + quote(pts) +
              " --exact-locations" + " --from 2022-03 --to 2022-03 --out " +
              quote(dir.file("x.gpkg")))
              .code == 2); // one month is no trend
}

namespace {
// The figures of an analysis's output, without the paths and timings that differ between runs.
std::string figures(const std::string& output) {
    std::string out;
    std::size_t start = 0;
    while (start < output.size()) {
        const auto end = output.find('\n', start);
        const std::string line = output.substr(start, end - start);
        start = end == std::string::npos ? output.size() : end + 1;
        if (line.find("Wrote") == std::string::npos &&
            line.find("Computed in") == std::string::npos &&
            line.find("outside the study area") == std::string::npos &&
            line.find("read as easting/northing") == std::string::npos)
            out += line + "\n";
    }
    return out;
}
} // namespace

TEST_CASE(
    "the study area decides what counts: a force-wide file equals its copy cut to the wards") {
    test::TempDir dir;
    const std::string wards =
        test::writeFile(dir.file("wards.geojson"), test::twoSquareWardsGeoJson());
    // Inside: two clusters and a scatter. Outside: a much bigger "rest of the force", far off,
    // which would dominate every share, bandwidth rule and threshold if it counted.
    std::string inside = "Month,Easting,Northing,Crime type\n", force = inside;
    char line[120];
    for (int i = 0; i < 200; ++i) {
        const double e = i < 60    ? 570300 + (i * 7) % 80
                         : i < 100 ? 571500 + (i * 13) % 120
                                   : 570010 + (i * 97) % 1980;
        const double n = i < 100 ? 160400 + (i * 11) % 90 : 160010 + (i * 61) % 980;
        std::snprintf(line, sizeof line, "2022-0%d,%.1f,%.1f,%s\n", 1 + i % 3, e, n,
                      i % 4 ? "Anti-social behaviour" : "Drugs");
        inside += line;
        force += line;
    }
    for (int i = 0; i < 3000; ++i) {
        std::snprintf(line, sizeof line, "2022-0%d,%.1f,%.1f,Drugs\n", 1 + i % 3,
                      540000.0 + (i * 131) % 30000, 130000.0 + (i * 71) % 40000);
        force += line;
    }
    const std::string a = test::writeFile(dir.file("district.csv"), inside);
    const std::string b = test::writeFile(dir.file("force.csv"), force);
    const std::string w = " --wards " + quote(wards) + " --incidents ";
    for (const std::string cmd :
         {"hotspots --radius arcgis --threshold top:5%", "hotspots --radius scott --cell 20",
          "kde --radius cv --cell 20", "gistar --cell 50", "wards --layer asb"}) {
        const std::string ext = cmd.rfind("kde", 0) == 0     ? ".tif"
                                : cmd.rfind("wards", 0) == 0 ? ".csv"
                                                             : ".gpkg";
        const auto cut = run(cmd + w + quote(a) + " --out " + quote(dir.file("a" + ext)));
        const auto whole = run(cmd + w + quote(b) + " --out " + quote(dir.file("b" + ext)));
        INFO(cmd, "\n", cut.output, "\n", whole.output);
        REQUIRE(cut.code == 0);
        REQUIRE(whole.code == 0);
        CHECK(figures(cut.output) == figures(whole.output));
        if (cmd.rfind("wards", 0) != 0)
            CHECK(whole.output.find("3000 incidents outside the study area (the loaded wards) "
                                    "left out") != std::string::npos);
    }
    CHECK(test::readFile(dir.file("a.csv")) == test::readFile(dir.file("b.csv")));
    const auto info = run("info" + w + quote(b));
    CHECK(info.output.find("3000 outside the study area (the wards), left out of every analysis") !=
          std::string::npos);
}

TEST_CASE("missing months are not zero: blank changes, refused trends, periods outside the data") {
    test::TempDir dir;
    const std::string wards =
        test::writeFile(dir.file("wards.geojson"), test::twoSquareWardsGeoJson());
    // 2022-07..2022-11 and 2024-01..2024-04: nothing in between.
    std::string csv = "Month,Easting,Northing,Crime type\n";
    char line[120];
    for (int y : {2022, 2024})
        for (int m = 1; m <= 12; ++m) {
            if ((y == 2022 && (m < 7 || m > 11)) || (y == 2024 && m > 4))
                continue;
            for (int i = 0; i < 20; ++i) {
                std::snprintf(line, sizeof line, "%d-%02d,%d,%d,Drugs\n", y, m, 570100 + i * 40,
                              160100 + i * 37);
                csv += line;
            }
        }
    const std::string pts = test::writeFile(dir.file("pts.csv"), csv);
    const std::string load =
        " --wards " + quote(wards) + " --incidents " + quote(pts) + " --exact-locations";
    const auto prof =
        run("wards" + load + " --from 2024-01 --to 2024-02 --out " + quote(dir.file("p.csv")));
    INFO(prof.output);
    REQUIRE(prof.code == 0);
    const auto rows = readCsv(dir.file("p.csv"));
    REQUIRE(rows.size() == 2);
    for (const auto& r : rows) {
        CHECK(r.at("prev_count").empty()); // 2023-11..12 has no data: not zero
        CHECK(r.at("change").empty());
        CHECK(r.at("ly_count").empty()); // nor 2023-01..02
    }
    CHECK(prof.output.find("previous period (2023-11..2023-12: no data)") != std::string::npos);

    const auto em = run("emerging" + load + " --cell 100 --out " + quote(dir.file("e.gpkg")));
    CHECK(em.code == 1);
    CHECK(em.output.find("at least 10 consecutive months with data") != std::string::npos);
    CHECK(em.output.find("at most 5 (2022-07..2022-11)") != std::string::npos);

    const auto outside =
        run("wards" + load + " --from 2020-01 --to 2020-06 --out " + quote(dir.file("q.csv")));
    CHECK(outside.code == 1);
    CHECK(outside.output.find("2020-01..2020-06 has no data: the data covers 2022-07..2022-11, "
                              "2024-01..2024-04") != std::string::npos);
    const auto kde = run("kde" + load + " --from 2020-01 --to 2020-06 --radius 200 --out " +
                         quote(dir.file("k.tif")));
    CHECK(kde.code == 1);
    CHECK(kde.output.find("has no data") != std::string::npos);
    const auto partly = run("kde" + load + " --from 2024-03 --to 2024-08 --radius 200 --out " +
                            quote(dir.file("k.tif")));
    CHECK(partly.code == 0);
    CHECK(partly.output.find("note: no data for 2024-05..2024-08") != std::string::npos);
    const auto info = run("info" + load);
    CHECK(info.output.find("Months with data: 2022-07..2022-11, 2024-01..2024-04 (no data: "
                           "2022-12..2023-12)") != std::string::npos);
}

TEST_CASE("emerging hot spots use the longest run of months with data and say so") {
    test::TempDir dir;
    const std::string wards =
        test::writeFile(dir.file("wards.geojson"), test::twoSquareWardsGeoJson());
    std::string csv = "Month,Easting,Northing,Crime type\n";
    char line[120];
    for (int y : {2022, 2025})
        for (int m = 1; m <= (y == 2022 ? 6 : 12); ++m)
            for (int i = 0; i < 30; ++i) {
                std::snprintf(line, sizeof line, "%d-%02d,%d,%d,Drugs\n", y, m,
                              i < 15 ? 570450 : 570025 + (i * 137 + m * 50) % 2000,
                              i < 15 ? 160450 : 160025 + (i * 71 + m * 30) % 1000);
                csv += line;
            }
    const std::string pts = test::writeFile(dir.file("pts.csv"), csv);
    const auto r =
        run("emerging --wards " + quote(wards) + " --incidents " + quote(pts) +
            " --exact-locations" + " --cell 50 --distance 75 --out " + quote(dir.file("e.gpkg")));
    INFO(r.output);
    REQUIRE(r.code == 0);
    CHECK(r.output.find("12 months (2025-01..2025-12") != std::string::npos);
    CHECK(r.output.find("used 2025-01..2025-12, the longest run of consecutive months with data "
                        "in 2022-01..2025-12 (no data for 2022-07..2024-12)") != std::string::npos);
}

TEST_CASE("a police.uk download: street files load, outcomes and searches are skipped and said") {
    Fixture fx;
    test::TempDir dl;
    std::filesystem::create_directories(dl.file("2022-02"));
    test::writeFile(dl.file("2022-02/2022-02-kent-street.csv"), test::readFile(fx.incidents));
    std::string essex = test::readFile(fx.incidents);
    for (std::size_t p; (p = essex.find("Kent Police,Kent Police")) != std::string::npos;)
        essex.replace(p, 23, "Essex Police,Essex Police");
    test::writeFile(dl.file("2022-02/2022-02-essex-street.csv"), essex);
    test::writeFile(
        dl.file("2022-02/2022-02-kent-outcomes.csv"),
        "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA "
        "code,LSOA name,Outcome type\nabc,2022-02,Kent Police,Kent Police,0.52,51.38,On "
        "or near X,E01,Y,Unable to prosecute suspect\n");
    auto t = geo::CrsTransform::create("EPSG:27700", "EPSG:4326");
    double lon = 570500, lat = 160500; // inside West
    t.value().transform(&lon, &lat, 1);
    char where[64];
    std::snprintf(where, sizeof where, "%.6f,%.6f", lat, lon);
    test::writeFile(dl.file("2022-02/2022-02-kent-stop-and-search.csv"),
                    "Type,Date,Part of a policing operation,Policing operation,Latitude,Longitude,"
                    "Gender,Age range,Self-defined ethnicity,Officer-defined ethnicity,Legislation,"
                    "Object of search,Outcome,Outcome linked to object of search,Removal of more "
                    "than just outer clothing\nPerson search,2022-02-01T00:09:00+00:00,False,," +
                        std::string(where) +
                        ",Male,18-24,White,White,PACE,Controlled drugs,Arrest,True,False\n");
    const auto r =
        run("info --wards " + quote(fx.wards) + " --incidents " + quote(dl.path().string()));
    INFO(r.output);
    REQUIRE(r.code == 0);
    CHECK(r.output.find("2022-02-kent-outcomes.csv (police.uk outcomes CSV): skipped") !=
          std::string::npos);
    CHECK(r.output.find("(police.uk stop and search CSV): skipped") != std::string::npos);
    CHECK(r.output.find("Forces: Essex Police (8), Kent Police (8)") != std::string::npos);
    CHECK(r.output.find("Total: 16 incidents kept") != std::string::npos);

    // With --stop-and-search the search is a record of its own: its layer counts it, crimes don't.
    const auto prof =
        run("wards --wards " + quote(fx.wards) + " --incidents " + quote(dl.path().string()) +
            " --stop-and-search --layer all --layer 'Stop and search' --out " +
            quote(dl.file("p.csv")));
    INFO(prof.output);
    REQUIRE(prof.code == 0);
    const auto rows = readCsv(dl.file("p.csv"));
    long long all = 0, searches = 0;
    for (const auto& row : rows) {
        all += std::stoll(row.at("all"));
        searches += std::stoll(row.at("stop_srch"));
    }
    CHECK(all == 14); // 7 inside the wards in each force's copy of the street file
    CHECK(searches == 1);
}

TEST_CASE("outputs partners open without fixing: CSV numbers, .csvt, RFC 7946 GeoJSON, integers") {
    Fixture fx;
    const auto r = run("wards " + fx.load() + " --population " + quote(fx.population) + " --out " +
                       quote(fx.dir.file("p.csv")));
    REQUIRE(r.code == 0);
    const std::string csv = test::readFile(fx.dir.file("p.csv"));
    CHECK(csv.find("\"") == std::string::npos); // nothing quoted: no field needs it
    CHECK(test::readFile(fx.dir.file("p.csvt")).rfind("String,String,Integer", 0) == 0);
    const auto g = run("hotspots " + fx.load() + " --radius 300 --cell 20 --threshold top:10% " +
                       "--out " + quote(fx.dir.file("h.geojson")));
    INFO(g.output);
    REQUIRE(g.code == 0);
    const std::string json = test::readFile(fx.dir.file("h.geojson"));
    CHECK(json.find("\"crs\"") == std::string::npos);
    CHECK(json.find("[ 0.4") != std::string::npos); // longitude first, in degrees
    CHECK(json.find(", 51.") != std::string::npos);
    const auto bng = run("hotspots " + fx.load() + " --radius 300 --cell 20 --threshold top:10% " +
                         "--geojson-bng --out " + quote(fx.dir.file("b.geojson")));
    REQUIRE(bng.code == 0);
    CHECK(test::readFile(fx.dir.file("b.geojson")).find("EPSG::27700") != std::string::npos);
    const auto gpkg = run("wards " + fx.load() + " --population " + quote(fx.population) +
                          " --out " + quote(fx.dir.file("p.gpkg")));
    REQUIRE(gpkg.code == 0);
    GDALAllRegister();
    std::unique_ptr<GDALDataset> ds(
        GDALDataset::Open(fx.dir.file("p.gpkg").c_str(), GDAL_OF_VECTOR));
    REQUIRE(ds);
    OGRFeatureDefn* defn = ds->GetLayer(0)->GetLayerDefn();
    CHECK(defn->GetFieldDefn(defn->GetFieldIndex("population"))->GetType() == OFTInteger);
    CHECK(defn->GetFieldDefn(defn->GetFieldIndex("count"))->GetType() == OFTInteger);
}

TEST_CASE("an output that is a folder is refused first; stale temporary files are cleared") {
    Fixture fx;
    std::filesystem::create_directories(fx.dir.file("out.csv"));
    const auto r = run("wards " + fx.load() + " --out " + quote(fx.dir.file("out.csv")));
    CHECK(r.code == 2);
    CHECK(r.output.find("is a folder") != std::string::npos);
    // What a run killed mid-write left (a pid that no longer runs) goes on the next write.
    std::filesystem::create_directories(fx.dir.file(".streetweek-tmp-999999999-x.gpkg"));
    test::writeFile(fx.dir.file(".streetweek-tmp-999999998-d.tif"), "half");
    REQUIRE(run("wards " + fx.load() + " --out " + quote(fx.dir.file("p.gpkg"))).code == 0);
    CHECK_FALSE(std::filesystem::exists(fx.dir.file(".streetweek-tmp-999999999-x.gpkg")));
    CHECK_FALSE(std::filesystem::exists(fx.dir.file(".streetweek-tmp-999999998-d.tif")));
}

TEST_CASE("bad population rows and repeated ward codes are said, not absorbed") {
    Fixture fx;
    const std::string pop = test::writeFile(fx.dir.file("pop2.csv"),
                                            "ward_code,population\nE05000001,2000\nE05000001,999\n"
                                            "E05000002,0\nE05000003,-5\nE05000002,lots\n");
    const auto r = run("wards " + fx.load() + " --population " + quote(pop) + " --out " +
                       quote(fx.dir.file("p.csv")));
    INFO(r.output);
    REQUIRE(r.code == 0);
    CHECK(r.output.find("code given before, on line 2 (the first is kept): 1 (line 3)") !=
          std::string::npos);
    CHECK(r.output.find("population is zero") != std::string::npos);
    CHECK(r.output.find("population is not a number: 1 (line 6)") != std::string::npos);
    const auto rows = readCsv(fx.dir.file("p.csv"));
    for (const auto& row : rows)
        if (row.at("ward_code") == "E05000001")
            CHECK(row.at("population") == "2000");

    std::string twice = test::twoSquareWardsGeoJson();
    const std::string west = twice.substr(twice.find("{\"type\":\"Feature\""),
                                          twice.find("},\n{\"type\":\"Feature\"") -
                                              twice.find("{\"type\":\"Feature\"") + 1);
    twice.insert(twice.rfind("]}"), ",\n" + west);
    const std::string dup = test::writeFile(fx.dir.file("dup.geojson"), twice);
    const auto d = run("hotspots --wards " + quote(dup) + " --incidents " + quote(fx.incidents) +
                       " --radius 300 --cell 20 --out " + quote(fx.dir.file("h.gpkg")));
    INFO(d.output);
    REQUIRE(d.code == 0);
    CHECK(d.output.find("same ward code E05000001 as feature 1 (West): merged") !=
          std::string::npos);
    CHECK(d.output.find("study area 2.00 km^2") != std::string::npos); // not 3
}

TEST_CASE("an LSOA population and incidents placed by LSOA code, through a lookup") {
    Fixture fx; // its rows carry LSOA code E01 (and one row none)
    const std::string lookup =
        test::writeFile(fx.dir.file("lookup.csv"),
                        "\xEF\xBB\xBFLSOA21CD,LSOA21NM,WD23CD,WD23NM\n"
                        "E01,Medway 001A,E05000002,East\nE02,Medway 002A,E05000001,West\n"
                        "E03,Elsewhere 001A,E05999999,Elsewhere\n");
    const std::string pop = test::writeFile(fx.dir.file("lsoa_pop.csv"),
                                            "name,LSOA21CD,Population\nMedway 001A,E01,1500\n"
                                            "Medway 002A,E02,2500\nElsewhere,E03,900\n"
                                            ",\"A note, not data\",\n");
    const auto r = run("wards " + fx.load() + " --population " + quote(pop) + " --lookup " +
                       quote(lookup) + " --assign-by lsoa --out " + quote(fx.dir.file("p.csv")));
    INFO(r.output);
    REQUIRE(r.code == 0);
    CHECK(r.output.find("placed in wards by their LSOA code") != std::string::npos);
    CHECK(r.output.find("1 areas lie in wards that are not loaded") != std::string::npos);
    CHECK(r.output.find("no area code or name (a note or footer row): 1 (line 5)") !=
          std::string::npos);
    for (const auto& row : readCsv(fx.dir.file("p.csv"))) {
        if (row.at("ward_name") == "East") {
            CHECK(row.at("count") == "8"); // every located row has LSOA E01 -> East
            CHECK(row.at("population") == "1500");
        } else {
            CHECK(row.at("count") == "0");
            CHECK(row.at("population") == "2500");
        }
    }
    CHECK(
        run("wards " + fx.load() + " --assign-by lsoa --out " + quote(fx.dir.file("q.csv"))).code ==
        2); // needs --lookup
}
