// Partner extracts beside police.uk files: each source keeps its own months (no data is never
// 0), options follow the file they describe, and a layer named twice is one layer.
#include "cli_runner.hpp"
#include "csv_rows.hpp"
#include "police_rows.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <map>

using namespace sw;
using test::quote;
using test::readCsv;
using test::run;

namespace {
// Wards West and East; police.uk ASB in both wards every month of 2025; a council noise log,
// with its own column names and a date a row, for January to June only.
struct Sources {
    test::TempDir dir;
    std::string wards, police, council;
    Sources() {
        wards = test::writeFile(dir.file("wards.geojson"), test::twoSquareWardsGeoJson());
        std::string csv = test::kPoliceHeader;
        for (int mo = 1; mo <= 12; ++mo) {
            char month[8];
            std::snprintf(month, sizeof month, "2025-%02d", mo);
            csv += test::policeRowAt(570500, 160500, month, "Anti-social behaviour");
            csv += test::policeRowAt(571500, 160500, month, "Anti-social behaviour");
        }
        police = test::writeFile(dir.file("2025-kent-street.csv"), csv);
        std::string log = "Ref,E,N,Logged,What\n";
        for (int mo = 1; mo <= 6; ++mo)
            for (int k = 0; k < 3; ++k)
                log += "C" + std::to_string(mo * 10 + k) + ",570" + std::to_string(200 + 100 * k) +
                       ",160400,2025-0" + std::to_string(mo) + "-1" + std::to_string(k) +
                       ",Noise nuisance\n";
        council = test::writeFile(dir.file("council_noise.csv"), log);
    }
    // The council file with the options that describe it after it.
    std::string load(const std::string& council_options = "") const {
        return "--quiet --wards " + quote(wards) + " --incidents " + quote(police) +
               " --incidents " + quote(council) +
               " --x-field E --y-field N --month-field Logged --type-field What " + council_options;
    }
};

} // namespace

TEST_CASE("each source keeps its own months: a partner's layer outside them is no data") {
    Sources s;
    const auto info = run("info " + s.load());
    INFO(info.output);
    REQUIRE(info.code == 0);
    CHECK(info.output.find("police.uk street-level crime (public): 2025-01..2025-12, 24 rows") !=
          std::string::npos);
    CHECK(info.output.find("council_noise.csv (not public): 2025-01..2025-06, 18 rows") !=
          std::string::npos);

    const std::string layers =
        " --layer-rule 'Noise: types=Noise nuisance' --layer Noise --layer asb";
    const std::string csv = s.dir.file("late.csv");
    const auto w =
        run("wards " + s.load() + layers + " --from 2025-07 --to 2025-12 --out " + quote(csv));
    INFO(w.output);
    REQUIRE(w.code == 0);
    CHECK(w.output.find("layer 'Noise': no data for 2025-07..2025-12") != std::string::npos);
    CHECK(w.output.find("the count is partial: council_noise.csv has no data for "
                        "2025-07..2025-12") != std::string::npos);
    const auto rows = readCsv(csv);
    REQUIRE(rows.size() == 2);
    for (const auto& r : rows) {
        CHECK(r.at("noise").empty()); // no data: blank, not 0
        CHECK(r.at("asb") == "6");
        CHECK(r.at("change").empty()); // a partial period is not compared
    }
    // GeoPackage: NULL, not 0.
    const std::string gpkg = s.dir.file("late.gpkg");
    REQUIRE(run("wards " + s.load() + layers + " --from 2025-07 --to 2025-12 --out " + quote(gpkg))
                .code == 0);
    GDALAllRegister();
    std::unique_ptr<GDALDataset> ds(GDALDataset::Open(gpkg.c_str(), GDAL_OF_VECTOR));
    REQUIRE(ds);
    for (auto& f : *ds->GetLayer(0)) {
        CHECK(f->IsFieldNull(f->GetFieldIndex("noise")));
        CHECK(f->GetFieldAsInteger("asb") == 6);
    }

    // The first half: every source covers it, and the council's rows count.
    const auto early = run("wards " + s.load() + layers + " --from 2025-01 --to 2025-06 --out " +
                           quote(s.dir.file("early.csv")));
    REQUIRE(early.code == 0);
    std::map<std::string, std::string> noise;
    for (const auto& r : readCsv(s.dir.file("early.csv")))
        noise[r.at("ward_name")] = r.at("noise");
    CHECK(noise["West"] == "18");
    CHECK(noise["East"] == "0");

    // Declared to cover up to September (an empty quarter is a real zero): 0 in July-September.
    const auto declared =
        run("wards " + s.load("--covers 2025-01..2025-09") + layers +
            " --from 2025-07 --to 2025-09 --out " + quote(s.dir.file("declared.csv")));
    INFO(declared.output);
    REQUIRE(declared.code == 0);
    for (const auto& r : readCsv(s.dir.file("declared.csv")))
        CHECK(r.at("noise") == "0");
    CHECK(run("info " + s.load("--covers 2025-01..2025-09"))
              .output.find("declared to cover 2025-01..2025-09") != std::string::npos);
}

TEST_CASE("source options follow their file; misplaced or wrong ones are usage errors") {
    Sources s;
    // Without its column options the council file cannot be read: they were its own.
    const auto bare = run("info --quiet --wards " + quote(s.wards) + " --incidents " +
                          quote(s.police) + " --incidents " + quote(s.council));
    CHECK(bare.code != 0);
    CHECK(bare.output.find("council_noise.csv") != std::string::npos);
    // Named sources, and public by the user's word.
    const auto named = run(
        "info " + s.load("--source-name 'Council noise log' --public-source " + quote(s.council)));
    INFO(named.output);
    REQUIRE(named.code == 0);
    CHECK(named.output.find("Council noise log (public): 2025-01..2025-06, 18 rows") !=
          std::string::npos);
    const auto early = run("info --covers 2025-01..2025-06 " + s.load());
    CHECK(early.code == 2);
    CHECK(early.output.find("--covers describes a source: give it after the --incidents path") !=
          std::string::npos);
    const auto twice = run("info " + s.load("--x-field E"));
    CHECK(twice.code == 2);
    CHECK(twice.output.find("--x-field given twice for the --incidents path") != std::string::npos);
    const auto bad_span = run("info " + s.load("--covers 2025-06..2025-01"));
    CHECK(bad_span.code == 2);
    const auto unknown = run("info " + s.load("--public-source other.csv"));
    CHECK(unknown.code == 2);
    CHECK(unknown.output.find("--public-source other.csv: names no --incidents path") !=
          std::string::npos);
}

TEST_CASE("a layer named by a rule and by --layer is one layer; like keys get their own fields") {
    Sources s;
    const std::string gpkg = s.dir.file("one.gpkg");
    const auto r = run("wards " + s.load() +
                       " --layer-rule 'Noise: types=Noise nuisance' --layer Noise --from 2025-01 "
                       "--to 2025-06 --out " +
                       quote(gpkg));
    INFO(r.output);
    REQUIRE(r.code == 0); // was: GDAL's "field 'noise' already exists"
    const std::string two = s.dir.file("two.gpkg");
    const auto k = run("wards " + s.load() +
                       " --layer-rule 'Knife crime: types=Noise nuisance' --layer-rule "
                       "'knife-crime: types=Anti-social behaviour' --from 2025-01 --to 2025-06 "
                       "--out " +
                       quote(two));
    INFO(k.output);
    REQUIRE(k.code == 0);
    GDALAllRegister();
    std::unique_ptr<GDALDataset> ds(GDALDataset::Open(two.c_str(), GDAL_OF_VECTOR));
    REQUIRE(ds);
    OGRFeatureDefn* defn = ds->GetLayer(0)->GetLayerDefn();
    CHECK(defn->GetFieldIndex("knife_crim") >= 0); // keys are cut to 10 characters
    CHECK(defn->GetFieldIndex("knife_cr_2") >= 0);
}

TEST_CASE("the report, hotspots and the after-action check follow each layer's own sources") {
    Sources s;
    const std::string layers = " --layer-rule 'Noise: types=Noise nuisance' --layer Noise";
    const std::string html = s.dir.file("board.html");
    const auto r = run("report " + s.load() + layers +
                       " --layer asb --from 2025-04 --to 2025-09 --out " + quote(html));
    INFO(r.output);
    REQUIRE(r.code == 0);
    const std::string page = test::readFile(html);
    CHECK(page.find("(partial)") != std::string::npos);
    CHECK(page.find("council_noise.csv has no data for 2025-07..2025-09") != std::string::npos);
    // A period none of the layer's sources covers: said, not a report of zeros.
    const auto none = run("report " + s.load() + layers + " --from 2025-07 --to 2025-12 --out " +
                          quote(s.dir.file("none.html")));
    CHECK(none.code == 2);
    CHECK(none.output.find("no data for 2025-07..2025-12 from the sources of the layers") !=
          std::string::npos);
    const auto h = run("hotspots " + s.load() + layers + " --radius 300 --from 2025-04 --to " +
                       "2025-09 --out " + quote(s.dir.file("h.gpkg")));
    INFO(h.output);
    CHECK(h.output.find("layer 'Noise': council_noise.csv has no data for 2025-07..2025-09") !=
          std::string::npos);
}
