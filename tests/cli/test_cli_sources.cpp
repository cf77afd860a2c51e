// Partner extracts beside police.uk files: each source keeps its own months (no data is never
// 0), options follow the file they describe, and a layer named twice is one layer.
#include "cli_runner.hpp"
#include "csv_rows.hpp"
#include "police_rows.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <filesystem>
#include <map>
#include <optional>
#include <set>

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

namespace {
// A council log at seven places in Medway, at least 1.5 km apart, three rows at each (repeat
// complaints from one address); BNG easting/northing.
const std::vector<std::pair<double, double>> kCouncilPlaces = {
    {575800, 167700}, {577500, 168500}, {574200, 168200}, {573000, 169800},
    {581000, 165800}, {578000, 172000}, {577000, 163500}};

std::string councilLog() {
    std::string log = "Ref,Easting,Northing,Date,Category,Location\n";
    int ref = 0;
    for (const auto& [e, n] : kCouncilPlaces)
        for (int k = 0; k < 3; ++k)
            log += "C" + std::to_string(++ref) + "," + std::to_string(static_cast<int>(e)) + "," +
                   std::to_string(static_cast<int>(n)) + ",2025-0" + std::to_string(7 + k) +
                   "-15,Noise nuisance,12 Home Street\n";
    return log;
}

double nearestPlace(double e, double n) {
    double best = 1e18;
    for (const auto& [pe, pn] : kCouncilPlaces)
        best = std::min(best, std::hypot(e - pe, n - pn));
    return best;
}
} // namespace

TEST_CASE("a partner's rows leave the program only at protected places, unless exact is asked") {
    test::TempDir dir;
    ::setenv("XDG_CONFIG_HOME", dir.path().c_str(), 1); // the masking key goes here
    const std::string geo = STREETWEEK_GEODATA;
    const std::string log = test::writeFile(dir.file("council_noise.csv"), councilLog());
    const std::string load = "--quiet --wards " + quote(geo + "/medway_wards_2023.geojson") +
                             " --incidents " + quote(geo + "/medway_street_2025.zip") +
                             " --incidents " + quote(log) + " --source-name 'Council noise log'";
    const auto info = run("info " + load);
    INFO(info.output);
    REQUIRE(info.code == 0);
    CHECK(
        info.output.find("Locations: 21 rows of sources that are not public moved 250 to 500 m") !=
        std::string::npos);
    CHECK(std::filesystem::exists(dir.file("streetweek/location-mask.key")));

    const std::string plan = dir.file("plan.gpkg");
    REQUIRE(run("suggest " + load + " --from 2025-07 --to 2025-09 --weeks 2 --out " + quote(plan))
                .code == 0);
    // The plan reloads its partner source as it was described (name, protection).
    const std::string pack = dir.file("pack");
    const auto e = run("export --quiet --plan " + quote(plan) +
                       " --format gpkg --include-points --out " + quote(pack));
    INFO(e.output);
    REQUIRE(e.code == 0);
    // The audit: every point of the council's in the pack is 250 to 500 m from the nearest of
    // the council's true places, rows of one address stay together, and no address text left.
    GDALAllRegister();
    std::size_t council_points = 0;
    const auto councilPoints = [&](const std::string& folder) {
        std::set<std::pair<long, long>> places;
        for (const auto& f : std::filesystem::directory_iterator(folder)) {
            if (f.path().extension() != ".gpkg")
                continue;
            std::unique_ptr<GDALDataset> ds(GDALDataset::Open(f.path().c_str(), GDAL_OF_VECTOR));
            REQUIRE(ds);
            for (int li = 0; li < ds->GetLayerCount(); ++li) {
                OGRLayer* layer = ds->GetLayer(li);
                if (layer->GetLayerDefn()->GetFieldIndex("source") < 0)
                    continue;
                for (auto& feat : *layer) {
                    if (std::string(feat->GetFieldAsString("source")) != "Council noise log")
                        continue;
                    const OGRPoint* pt = feat->GetGeometryRef()->toPoint();
                    const double d = nearestPlace(pt->getX(), pt->getY());
                    CHECK(d >= 249.0);
                    CHECK(d <= 501.0);
                    CHECK(std::string(feat->GetFieldAsString("location")).empty());
                    CHECK(std::string(feat->GetFieldAsString("placed")).find("protected") == 0);
                    places.insert({std::lround(pt->getX()), std::lround(pt->getY())});
                    ++council_points;
                }
            }
        }
        return places;
    };
    const auto places = councilPoints(pack);
    CHECK(council_points == 21);
    CHECK(places.size() == 7); // three complaints from one home: one point, not a ring around it
    const std::string readme = test::readFile(pack + "/README.txt");
    CHECK(readme.find("Protected locations: rows of Council noise log (not public data) were "
                      "moved 250 to 500 m") != std::string::npos);
    CHECK(readme.find("police.uk's published (already anonymised) location only") ==
          std::string::npos);

    // The same places in every run (the key is kept), so exports cannot be averaged.
    const auto again = run("export --quiet --plan " + quote(plan) +
                           " --format gpkg --include-points --out " + quote(dir.file("pack2")));
    REQUIRE(again.code == 0);
    CHECK(councilPoints(dir.file("pack2")) == places);

    // --exact-locations: the places as given, and the README says so in plain words.
    const std::string exact_plan = dir.file("exact.gpkg");
    REQUIRE(run("suggest " + load +
                " --exact-locations --from 2025-07 --to 2025-09 --weeks 2 "
                "--out " +
                quote(exact_plan))
                .code == 0);
    const auto ex = run("export --quiet --plan " + quote(exact_plan) +
                        " --format gpkg --include-points --out " + quote(dir.file("exact")));
    REQUIRE(ex.code == 0);
    CHECK(test::readFile(dir.file("exact/README.txt")).find("WARNING: exact locations") !=
          std::string::npos);
    ::unsetenv("XDG_CONFIG_HOME");
}

namespace {
// Whether the GeoTIFF opened, and the centre of its highest cell above zero (none: no surface).
std::pair<bool, std::optional<std::pair<double, double>>> peakOf(const std::string& tif) {
    GDALAllRegister();
    std::unique_ptr<GDALDataset> ds(GDALDataset::Open(tif.c_str(), GDAL_OF_RASTER));
    if (!ds)
        return {false, std::nullopt};
    double gt[6];
    ds->GetGeoTransform(gt);
    const int w = ds->GetRasterXSize(), h = ds->GetRasterYSize();
    std::vector<float> v(static_cast<std::size_t>(w) * h);
    if (ds->GetRasterBand(1)->RasterIO(GF_Read, 0, 0, w, h, v.data(), w, h, GDT_Float32, 0, 0) !=
        CE_None)
        return {false, std::nullopt};
    const float nodata = static_cast<float>(ds->GetRasterBand(1)->GetNoDataValue());
    std::optional<std::size_t> best;
    for (std::size_t i = 0; i < v.size(); ++i)
        if (v[i] != nodata && v[i] > 0 && (!best || v[i] > v[*best]))
            best = i;
    if (!best)
        return {true, std::nullopt};
    return {true, std::make_pair(gt[0] + (static_cast<double>(*best % w) + 0.5) * gt[1],
                                 gt[3] + (static_cast<double>(*best / w) + 0.5) * gt[5])};
}
} // namespace

TEST_CASE("one partner incident in an empty square cannot be found from the density surface") {
    test::TempDir dir;
    ::setenv("XDG_CONFIG_HOME", dir.path().c_str(), 1);
    const std::string wards = test::writeFile(dir.file("w.geojson"), test::twoSquareWardsGeoJson());
    std::string csv = test::kPoliceHeader; // police.uk's rows in the East ward only
    for (int k = 0; k < 20; ++k)
        csv += test::policeRowAt(571300 + 20.0 * k, 160700, "2025-03", "Anti-social behaviour");
    const std::string police = test::writeFile(dir.file("2025-03-kent-street.csv"), csv);
    const double te = 570400, tn = 160450; // the one council row, alone in the West ward
    const std::string log = test::writeFile(
        dir.file("log.csv"), "Easting,Northing,Date,Category\n570400,160450,2025-03-09,Noise\n");
    const std::string tif = dir.file("noise.tif");
    const std::string noise = " --layer-rule 'Noise: types=Noise' --layer Noise --radius 150 "
                              "--cell 10 --out ";
    // By default a cell that fewer than 5 moved rows reach shows nothing of them: one row leaves
    // no surface at all, and the command says why.
    const auto held = run("kde --quiet --wards " + quote(wards) + " --incidents " + quote(police) +
                          " --incidents " + quote(log) + noise + quote(tif));
    CHECK(held.code != 0);
    CHECK(held.output.find("protected locations") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(tif));
    // With the rule off (--mask-min-rows 1) the moved point shows, never nearer than the ring.
    const auto k = run("kde --quiet --wards " + quote(wards) + " --incidents " + quote(police) +
                       " --incidents " + quote(log) + " --mask-min-rows 1" + noise + quote(tif));
    INFO(k.output);
    REQUIRE(k.code == 0);
    const auto masked = peakOf(tif);
    REQUIRE(masked.first);
    if (masked.second) // nothing at all is fine too: the moved point fell off the grid
        CHECK(std::hypot(masked.second->first - te, masked.second->second - tn) >=
              250.0 - 10.0); // within a cell of the ring
    // With --exact-locations the peak is on it (the surface says what the flag means).
    const auto e = run("kde --quiet --wards " + quote(wards) + " --incidents " + quote(police) +
                       " --incidents " + quote(log) +
                       " --exact-locations --layer-rule 'Noise: types=Noise' --layer Noise "
                       "--radius 150 --cell 10 --out " +
                       quote(dir.file("exact.tif")));
    REQUIRE(e.code == 0);
    const auto exact = peakOf(dir.file("exact.tif"));
    REQUIRE(exact.second);
    CHECK(std::hypot(exact.second->first - te, exact.second->second - tn) < 15.0);
    ::unsetenv("XDG_CONFIG_HOME");
}

TEST_CASE("five partner incidents at one address show on the density surface, moved together") {
    test::TempDir dir;
    ::setenv("XDG_CONFIG_HOME", dir.path().c_str(), 1);
    const std::string wards = test::writeFile(dir.file("w.geojson"), test::twoSquareWardsGeoJson());
    std::string csv = test::kPoliceHeader;
    for (int k = 0; k < 20; ++k)
        csv += test::policeRowAt(571300 + 20.0 * k, 160700, "2025-03", "Anti-social behaviour");
    const std::string police = test::writeFile(dir.file("2025-03-kent-street.csv"), csv);
    const double te = 570400, tn = 160450;
    std::string log = "Easting,Northing,Date,Category\n";
    for (int k = 0; k < 5; ++k)
        log += "570400,160450,2025-03-0" + std::to_string(k + 1) + ",Noise\n";
    const std::string log_path = test::writeFile(dir.file("log.csv"), log);
    const std::string tif = dir.file("noise.tif");
    const auto k = run("kde --quiet --wards " + quote(wards) + " --incidents " + quote(police) +
                       " --incidents " + quote(log_path) +
                       " --layer-rule 'Noise: types=Noise' --layer Noise --radius 150 --cell 10 "
                       "--out " +
                       quote(tif));
    INFO(k.output);
    REQUIRE(k.code == 0);
    const auto peak = peakOf(tif);
    REQUIRE(peak.first);
    REQUIRE(peak.second);
    const double d = std::hypot(peak.second->first - te, peak.second->second - tn);
    CHECK(d >= 250.0 - 10.0);
    CHECK(d <= 500.0 + 10.0);
    ::unsetenv("XDG_CONFIG_HOME");
}

TEST_CASE("a sources file declares every source once, and the load follows it") {
    Sources s;
    // Paths relative to the sources file's folder; the council's columns and months its own.
    const std::string sources =
        test::writeFile(s.dir.file("sources.txt"),
                        "# police.uk and the council\n[police.uk]\npath = 2025-kent-street.csv\n\n"
                        "[Council noise log]\npath = council_noise.csv\nx-field = E\ny-field = N\n"
                        "month-field = Logged\ntype-field = What\ncovers = 2025-01..2025-09\n");
    const auto info =
        run("info --quiet --wards " + quote(s.wards) + " --sources " + quote(sources));
    INFO(info.output);
    REQUIRE(info.code == 0);
    CHECK(info.output.find("police.uk (public): 2025-01..2025-12, 24 rows") != std::string::npos);
    CHECK(info.output.find("Council noise log (not public): 2025-01..2025-09, 18 rows") !=
          std::string::npos);
    // The same as the options after each path.
    const auto same = run("info " + s.load("--covers 2025-01..2025-09"));
    REQUIRE(same.code == 0);
    CHECK(same.output.find("18 rows") != std::string::npos);
    // A mistake names the file and line, and nothing loads.
    const std::string bad =
        test::writeFile(s.dir.file("bad.txt"), "[Council]\npath = council_noise.csv\nx = E\n");
    const auto b = run("info --quiet --wards " + quote(s.wards) + " --sources " + quote(bad));
    CHECK(b.code != 0);
    CHECK(b.output.find(bad + " line 3: unknown key 'x'") != std::string::npos);
}

TEST_CASE("a plan made with relative paths keeps each source's settings when opened elsewhere") {
    Sources s;
    ::setenv("XDG_CONFIG_HOME", s.dir.path().c_str(), 1);
    const auto made = test::runShell(
        "cd " + quote(s.dir.path()) + " && " + STREETWEEK_BIN +
        " suggest --quiet --wards wards.geojson --incidents 2025-kent-street.csv --incidents "
        "council_noise.csv --x-field E --y-field N --month-field Logged --type-field What "
        "--source-name 'Council noise log' --covers 2025-01..2025-06 --weeks 1 --from 2025-01 "
        "--to 2025-06 --out p.gpkg");
    INFO(made.output);
    REQUIRE(made.code == 0);
    const std::string pack = s.dir.file("pack");
    const auto e =
        test::runShell("cd / && " + std::string(STREETWEEK_BIN) + " export --quiet --plan " +
                       quote(s.dir.file("p.gpkg")) + " --out " + quote(pack));
    INFO(e.output);
    REQUIRE(e.code == 0);
    const std::string readme = test::readFile(pack + "/README.txt");
    CHECK(readme.find("rows of Council noise log (not public data) were moved") !=
          std::string::npos);
    // Its credit is the partner's, not police.uk's.
    CHECK(readme.find("Partner data, not published: Council noise log (locations moved 250 to "
                      "500 m).") != std::string::npos);
    ::unsetenv("XDG_CONFIG_HOME");
}

TEST_CASE("a hold-out check on months a layer's partner source lacks says it is partial") {
    Sources s;
    ::setenv("XDG_CONFIG_HOME", s.dir.path().c_str(), 1);
    const std::string layers =
        " --layer-rule 'Noise: types=Noise nuisance' --layer Noise --layer asb";
    const std::string plan = s.dir.file("p.gpkg");
    REQUIRE(run("suggest " + s.load() + layers + " --from 2025-01 --to 2025-03 --weeks 1 --out " +
                quote(plan))
                .code == 0);
    const auto later =
        run("evaluate --quiet --plan " + quote(plan) + " --from 2025-07 --to 2025-09");
    INFO(later.output);
    REQUIRE(later.code == 0);
    CHECK(later.output.find("Hold-out check on 2025-07..2025-09 (partial") != std::string::npos);
    CHECK(later.output.find("council_noise.csv has no data for 2025-07..2025-09") !=
          std::string::npos);
    CHECK(later.output.find("matches no incidents") == std::string::npos);
    const auto j = test::jsonOf(
        run("evaluate --quiet --json --plan " + quote(plan) + " --from 2025-04 --to 2025-06"));
    REQUIRE_FALSE(j.is_discarded());
    CHECK(j["partial"] == false);
    ::unsetenv("XDG_CONFIG_HOME");
}

TEST_CASE("a US-ordered extract is read with --date-order mdy, and refused with a hint without") {
    Sources s;
    const std::string us =
        test::writeFile(s.dir.file("us.csv"), "E,N,Logged,What\n570300,160400,03/04/2025,Noise\n"
                                              "570300,160400,03/14/2025 22:10,Noise\n");
    const std::string base = "info --quiet --wards " + quote(s.wards) + " --incidents " +
                             quote(s.police) + " --incidents " + quote(us) +
                             " --x-field E --y-field N --month-field Logged --type-field What";
    const auto uk = run(base);
    INFO(uk.output);
    REQUIRE(uk.code == 0);
    CHECK(uk.output.find(
              "date not day/month/year (month/day/year? give --date-order mdy): 1 (line 3)") !=
          std::string::npos);
    CHECK(uk.output.find("us.csv (not public): 2025-04, 1 row; dated by day") != std::string::npos);
    const auto m = run(base + " --date-order mdy");
    INFO(m.output);
    REQUIRE(m.code == 0);
    CHECK(m.output.find("us.csv (not public): 2025-03, 2 rows") != std::string::npos);
    // The same in a sources file.
    const std::string file = test::writeFile(
        s.dir.file("s.txt"), "[US log]\npath = us.csv\nx-field = E\ny-field = N\n"
                             "month-field = Logged\ntype-field = What\ndate-order = mdy\n");
    const auto f = run("info --quiet --wards " + quote(s.wards) + " --sources " + quote(file));
    INFO(f.output);
    REQUIRE(f.code == 0);
    CHECK(f.output.find("US log (not public): 2025-03, 2 rows") != std::string::npos);
    CHECK(run(base + " --date-order ymd").output.find("--date-order must be dmy") !=
          std::string::npos);
}

TEST_CASE("a period in days selects a dated source by day and police.uk by whole months") {
    Sources s;
    ::setenv("XDG_CONFIG_HOME", s.dir.path().c_str(), 1);
    // Council rows are on days 10, 11 and 12 of each month: 2025-03-11..2025-04-10 holds three.
    const std::string out = " --radius 300 --cell 50 --out " + quote(s.dir.file("d.tif"));
    const auto noise =
        run("kde " + s.load("--exact-locations") +
            " --layer-rule 'Noise: types=Noise nuisance' --layer Noise --from 2025-03-11 "
            "--to 2025-04-10" +
            out);
    INFO(noise.output);
    REQUIRE(noise.code == 0);
    CHECK(noise.output.find("Incidents: 3 ") != std::string::npos);
    CHECK(noise.output.find("period 2025-03-11..2025-04-10") != std::string::npos);
    // Every crime: the three council rows and police.uk's four of March and April, said so.
    const auto all =
        run("kde " + s.load("--exact-locations") + " --from 2025-03-11 --to 2025-04-10" + out);
    INFO(all.output);
    REQUIRE(all.code == 0);
    CHECK(all.output.find("Incidents: 7 ") != std::string::npos);
    CHECK(all.output.find("police.uk street-level crime (months only) read by whole months "
                          "2025-03..2025-04 (4 rows)") != std::string::npos);
    // Commands that work on whole months say so rather than drop the days.
    const auto sug = run("suggest " + s.load() + " --weeks 1 --from 2025-03-11 --out " +
                         quote(s.dir.file("p.gpkg")));
    INFO(sug.output);
    CHECK(sug.code != 0);
    CHECK(sug.output.find("works on whole months") != std::string::npos);
    const auto bad = run("kde " + s.load() + " --from 2025-02-30" + out);
    CHECK(bad.code != 0);
    CHECK(bad.output.find("must be YYYY-MM or YYYY-MM-DD") != std::string::npos);
    ::unsetenv("XDG_CONFIG_HOME");
}

TEST_CASE("after --weeks compares a dated extract day by day, and months where a source has none") {
    Sources s;
    ::setenv("XDG_CONFIG_HOME", s.dir.path().c_str(), 1);
    const std::string layers = " --layer-rule 'Noise: types=Noise nuisance' --layer Noise";
    // A plan of one area, worked (done) in the week of 2025-03-17.
    const auto workedPlan = [&](const std::string& name, const std::string& layer_options) {
        const std::string path = s.dir.file(name);
        REQUIRE(run("suggest " + s.load() + layer_options +
                    " --from 2025-01 --to 2025-06 --weeks 1 --out " + quote(path))
                    .code == 0);
        REQUIRE(run("plan --quiet --plan " + quote(path) +
                    " --set A1:week=2025-03-17 --set A1:status=done --schedule-only")
                    .code == 0);
        return path;
    };
    const std::string plan = workedPlan("plan.gpkg", layers);
    const auto r = run("after --quiet --plan " + quote(plan) + " --area A1 --weeks 4 --json");
    INFO(r.output);
    REQUIRE(r.code == 0);
    CHECK(r.output.find("council_noise.csv dated by day: compared over 4 weeks before "
                        "(2025-02-17 to 2025-03-16) and after (2025-03-24 to 2025-04-20)") !=
          std::string::npos);
    const auto j = test::jsonOf(r);
    REQUIRE(!j.is_discarded());
    // By hand: the log's rows fall on the 10th to 12th of each month, so March's three are in
    // the weeks before and April's three in the weeks after; every zone together holds them.
    double before = 0, after = 0;
    for (const char* zone : {"target", "buffer", "control", "left_out"}) {
        before += j[zone][0].get<double>();
        after += j[zone][1].get<double>();
    }
    CHECK(before == 3);
    CHECK(after == 3);
    // The layers of both sources: police.uk's months, the log's days, and the output says so.
    const std::string both = workedPlan("both.gpkg", layers + " --layer asb");
    const auto m = run("after --quiet --plan " + quote(both) + " --area A1 --weeks 4");
    INFO(m.output);
    REQUIRE(m.code == 0);
    CHECK(m.output.find("police.uk street-level crime give months only: read as 1 month") !=
          std::string::npos);
    CHECK(m.output.find("council_noise.csv dated by day") != std::string::npos);
    ::unsetenv("XDG_CONFIG_HOME");
}

TEST_CASE("an extract with postcodes and no coordinates is placed through a postcode file") {
    test::TempDir dir;
    ::setenv("XDG_CONFIG_HOME", dir.path().c_str(), 1);
    const std::string wards = test::writeFile(dir.file("w.geojson"), test::twoSquareWardsGeoJson());
    // NSPL's columns (a terminated postcode, one without a grid reference) and Code-Point Open
    // as OS publishes it (no header line).
    const std::string nspl = test::writeFile(
        dir.file("nspl.csv"), "pcd,pcd2,pcds,dointr,doterm,oseast1m,osnrth1m,lat,long\n"
                              "ME4 4TZ,ME4  4TZ,ME4 4TZ,198001,,570500,160500,51.3,0.5\n"
                              "ME7 1AA,ME7  1AA,ME7 1AA,198001,201505,571500,160500,51.3,0.5\n"
                              "ZZ9 9ZZ,,ZZ9 9ZZ,198001,,,,99.999999,0.000000\n");
    const std::string codepoint = test::writeFile(
        dir.file("codepoint.csv"), "\"ME4 4TZ\",10,570500,160500,\"E92000001\",\"\"\n"
                                   "\"ME7 1AA\",10,571500,160500,\"E92000001\",\"\"\n");
    const std::string log = test::writeFile(
        dir.file("log.csv"), "Ref,Postcode,Date,Category\n1,ME4 4TZ,2025-03-01,Noise\n"
                             "2,me44tz,2025-03-02,Noise\n3, ME4  4TZ ,2025-03-03,Noise\n"
                             "4,ME7 1AA,2025-03-04,Noise\n5,ME9 9XX,2025-03-05,Noise\n"
                             "6,,2025-03-06,Noise\n");
    const auto bare = run("info --quiet --wards " + quote(wards) + " --incidents " + quote(log));
    CHECK(bare.code != 0);
    CHECK(bare.output.find("give a postcode file to place the rows (--postcodes FILE") !=
          std::string::npos);
    for (const std::string& file : {nspl, codepoint}) {
        const std::string csv = dir.file("w.csv");
        const auto r = run("wards --quiet --wards " + quote(wards) + " --incidents " + quote(log) +
                           " --postcodes " + quote(file) + " --out " + quote(csv));
        INFO(r.output);
        REQUIRE(r.code == 0);
        std::map<std::string, std::string> count;
        for (const auto& row : readCsv(csv))
            count[row.at("ward_name")] = row.at("count");
        CHECK(count["West"] == "3"); // ME4 4TZ in three spellings
        CHECK(count["East"] == "1"); // ME7 1AA
        CHECK(r.output.find("postcode not in the postcode file: 1 (line 6)") != std::string::npos);
        CHECK(r.output.find("'ME9 9XX' (line 6)") != std::string::npos);
        CHECK(r.output.find("no postcode: 1 (line 7)") != std::string::npos);
        CHECK(r.output.find("within a few hundred metres") != std::string::npos);
        if (file == nspl) {
            CHECK(r.output.find("1 of 4 rows have a terminated postcode") != std::string::npos);
        }
    }
    const auto info = run("info --quiet --wards " + quote(wards) + " --incidents " + quote(log) +
                          " --postcodes " + quote(nspl));
    CHECK(info.output.find("(ONS Postcode Directory or NSPL): 3 postcodes read, 2 kept") !=
          std::string::npos);
    CHECK(info.output.find("no grid reference: 1 (line 4)") != std::string::npos);
    CHECK(run("info --quiet --wards " + quote(wards) + " --incidents " + quote(log) +
              " --postcodes " + quote(codepoint))
              .output.find("(OS Code-Point Open)") != std::string::npos);
    ::unsetenv("XDG_CONFIG_HOME");
}
