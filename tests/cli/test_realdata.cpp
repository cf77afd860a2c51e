// Optional: loads the real Medway wards and Kent police.uk files from ../shared/realdata and
// checks the load report against GDAL's own CSV driver. Skips (exit 77) when absent.
#include "cli_runner.hpp"

#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "core/csv_records.hpp"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <unistd.h>

namespace fs = std::filesystem;
using sw::test::quote;
using sw::test::run;

namespace {
const fs::path kReal = STREETWEEK_REALDATA;

// A whole-number field of `info --json`'s object (the run must have printed one).
std::uint64_t jsonNumber(const sw::test::RunResult& r, const std::string& key) {
    const auto j = sw::test::jsonOf(r);
    REQUIRE(!j.is_discarded());
    REQUIRE(j.contains(key));
    return j[key].get<std::uint64_t>();
}

// The sum of a field over every incident file `info --json` reports, or of one rejection
// reason's count.
std::uint64_t sumOverFiles(const sw::test::RunResult& r, const std::string& key,
                           const std::string& reason = "") {
    const auto j = sw::test::jsonOf(r);
    REQUIRE(!j.is_discarded());
    std::uint64_t sum = 0;
    for (const auto& f : j["incident_files"]) {
        if (reason.empty())
            sum += f[key].get<std::uint64_t>();
        else
            for (const auto& why : f["reasons"])
                if (why["reason"] == reason)
                    sum += why[key].get<std::uint64_t>();
    }
    return sum;
}
} // namespace

TEST_CASE("real Medway wards and Kent street-level files") {
    const std::string wards = (kReal / "boundaries" / "medway_wards_2013_E06000035.json").string();
    const std::string crime = (kReal / "crime").string();
    const auto r = run("info --json --wards " + quote(wards) + " --incidents " + quote(crime));
    INFO(r.output.substr(0, 3000));
    REQUIRE(r.code == 0);
    CHECK(jsonNumber(r, "ward_count") == 22);
    CHECK(sw::test::jsonOf(r)["working_crs"] == "EPSG:27700");

    // Reference: GDAL's CSV driver counts rows and rows without a longitude.
    GDALAllRegister();
    std::uint64_t rows = 0, no_coords = 0, months = 0;
    for (const auto& e : fs::directory_iterator(crime)) {
        if (e.path().extension() != ".csv")
            continue;
        ++months; // one street-level file a month
        std::unique_ptr<GDALDataset> ds(GDALDataset::Open(e.path().c_str(), GDAL_OF_VECTOR));
        REQUIRE(ds);
        for (auto& f : *ds->GetLayer(0)) {
            ++rows;
            if (std::string(f->GetFieldAsString("Longitude")).empty())
                ++no_coords;
        }
    }
    const std::uint64_t kept = jsonNumber(r, "incidents");
    CHECK(kept == rows - no_coords);
    CHECK(sumOverFiles(r, "count", "no coordinates") == no_coords);
    // About 2,500-2,900 a month of Kent's incidents fall in Medway's wards.
    const std::uint64_t in_medway = kept - jsonNumber(r, "outside_wards");
    CHECK(in_medway > months * 2300);
    CHECK(in_medway < months * 3300);
}

namespace {

// The rows of police.uk files whose point lies in a ward, as a copy "cut to the district"
// would hold them: the same lines, in BNG through OGR/PROJ and GEOS point-in-polygon.
std::string cutToWards(const std::vector<std::string>& files, const std::string& wards_path) {
    std::unique_ptr<GDALDataset> w(GDALDataset::Open(wards_path.c_str(), GDAL_OF_VECTOR));
    REQUIRE(w);
    OGRSpatialReference bng, wgs;
    bng.importFromEPSG(27700);
    wgs.importFromEPSG(4326);
    wgs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    std::unique_ptr<OGRCoordinateTransformation> t(OGRCreateCoordinateTransformation(&wgs, &bng));
    std::vector<std::unique_ptr<OGRGeometry>> polys;
    for (auto& f : *w->GetLayer(0)) {
        polys.emplace_back(f->GetGeometryRef()->clone());
        polys.back()->transform(t.get());
    }
    std::string out;
    for (const auto& path : files) {
        std::ifstream in(path, std::ios::binary);
        std::string line;
        bool header = true;
        while (std::getline(in, line)) {
            if (header) {
                if (out.empty())
                    out = line + "\n";
                header = false;
                continue;
            }
            sw::CsvRecordReader r(line);
            std::vector<std::string_view> f;
            if (!r.next(f) || f.size() < 6 || f[4].empty() || f[5].empty())
                continue;
            OGRPoint p(std::stod(std::string(f[4])), std::stod(std::string(f[5])));
            p.transform(t.get());
            for (const auto& poly : polys)
                if (p.Within(poly.get())) {
                    out += line + "\n";
                    break;
                }
        }
    }
    return out;
}

} // namespace

TEST_CASE("a force-wide police.uk file and its copy cut to Medway give the same hotspots") {
    const std::string wards =
        (kReal / "boundaries" / "medway_wards_2023_E06000035.geojson").string();
    std::vector<std::string> files;
    for (const char* m : {"2025-01", "2025-02", "2025-03"})
        files.push_back((kReal / "crime" / (std::string(m) + "-kent-street.csv")).string());
    GDALAllRegister();
    const fs::path dir =
        fs::temp_directory_path() / ("streetweek-real-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const std::string cut = (dir / "medway-cut.csv").string();
    {
        std::ofstream o(cut, std::ios::binary);
        o << cutToWards(files, wards);
    }
    std::string force;
    for (const auto& f : files)
        force += " " + quote(f);
    for (const std::string cmd : {"hotspots --radius arcgis",
                                  "hotspots --radius scott --edge-correct", "gistar --cell 200"}) {
        const auto a = run(cmd + " --wards " + quote(wards) + " --incidents" + force + " --out " +
                           quote((dir / "a.gpkg").string()));
        const auto b = run(cmd + " --wards " + quote(wards) + " --incidents " + quote(cut) +
                           " --out " + quote((dir / "b.gpkg").string()));
        INFO(cmd, "\n", a.output.substr(0, 3000), "\n", b.output.substr(0, 3000));
        REQUIRE(a.code == 0);
        REQUIRE(b.code == 0);
        auto figures = [](const std::string& out) {
            std::string keep;
            std::istringstream in(out);
            for (std::string line; std::getline(in, line);)
                if (line.find("radius") != std::string::npos ||
                    line.find("hotspots from") != std::string::npos ||
                    line.find("Hot spots:") != std::string::npos || line.rfind(" ", 0) == 0)
                    keep += line + "\n";
            return keep;
        };
        CHECK(figures(a.output) == figures(b.output));
        CHECK(a.output.find("outside the study area (the loaded wards) left out") !=
              std::string::npos);
    }
    fs::remove_all(dir);
}

TEST_CASE("a police.uk download as it comes: two months, outcomes and stop and search beside") {
    const fs::path dir =
        fs::temp_directory_path() / ("streetweek-dl-" + std::to_string(::getpid()));
    std::uint64_t street_rows = 0;
    for (const char* m : {"2025-01", "2025-02"}) {
        fs::create_directories(dir / m);
        const std::string month(m);
        fs::copy_file(kReal / "crime" / (month + "-kent-street.csv"),
                      dir / m / (month + "-kent-street.csv"));
        fs::copy_file(kReal / "fixtures" / "2023-02-kent-outcomes.first-rows.csv",
                      dir / m / (month + "-kent-outcomes.csv"));
        fs::copy_file(kReal / "fixtures" / "2024-01-kent-stop-and-search.first-rows.csv",
                      dir / m / (month + "-kent-stop-and-search.csv"));
        std::ifstream in(kReal / "crime" / (month + "-kent-street.csv"));
        for (std::string line; std::getline(in, line);)
            ++street_rows;
        --street_rows; // the header
    }
    const auto r = run("info --json --incidents " + quote(dir.string()));
    INFO(r.output.substr(0, 3000));
    REQUIRE(r.code == 0);
    CHECK(sumOverFiles(r, "read") ==
          street_rows); // outcomes and searches are not read as incidents
    const auto text = run("info --incidents " + quote(dir.string()));
    CHECK(text.output.find("(police.uk outcomes CSV): skipped") != std::string::npos);
    CHECK(text.output.find("(police.uk stop and search CSV): skipped") != std::string::npos);
    CHECK(text.output.find("Forces: Kent Police") != std::string::npos);
    const auto with = run("info --json --stop-and-search --incidents " + quote(dir.string()));
    CHECK(jsonNumber(with, "incidents") == jsonNumber(r, "incidents") + 2 * 3);
    fs::remove_all(dir);
}

TEST_CASE("the bundled sample is what the real files give: cut by ward, census by lookup") {
    const std::string wards =
        (kReal / "boundaries" / "medway_wards_2023_E06000035.geojson").string();
    const fs::path dir =
        fs::temp_directory_path() / ("streetweek-cut-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    std::string months;
    for (int m = 1; m <= 12; ++m) {
        char name[32];
        std::snprintf(name, sizeof name, "2025-%02d-kent-street.csv", m);
        months += " " + quote((kReal / "crime" / name).string());
    }
    const auto cut = run("cut --quiet --wards " + quote(wards) + " --incidents" + months +
                         " --out " + quote((dir / "c.csv").string()));
    INFO(cut.output.substr(0, 2000));
    REQUIRE(cut.code == 0);
    const auto bundled =
        run("info --json --wards " + quote(STREETWEEK_GEODATA "/medway_wards_2023.geojson") +
            " --incidents " + quote(STREETWEEK_GEODATA "/medway_street_2025.zip"));
    const auto again = run("info --json --wards " + quote(wards) + " --incidents " +
                           quote((dir / "c.csv").string()));
    CHECK(jsonNumber(again, "incidents") == jsonNumber(bundled, "incidents"));
    CHECK(jsonNumber(bundled, "incidents") == 30496);
    const auto prof =
        run("wards --wards " + quote(wards) + " --incidents " + quote((dir / "c.csv").string()) +
            " --population " +
            quote((kReal / "population" / "lsoa_global_number_residents_2021.csv").string()) +
            " --lookup " +
            quote((kReal / "lookups" / "LSOA21_to_WD23_to_LAD23_best_fit_lookup_EW.csv").string()) +
            " --out " + quote((dir / "p.csv").string()));
    REQUIRE(prof.code == 0);
    std::ifstream ours(STREETWEEK_GEODATA "/medway_ward_population_2021.csv");
    std::uint64_t bundled_total = 0;
    std::string line;
    std::getline(ours, line);
    while (std::getline(ours, line))
        bundled_total += std::stoull(line.substr(line.rfind(',') + 1));
    CHECK(bundled_total == 279787);
    std::ifstream fresh(dir / "p.csv");
    const std::string text((std::istreambuf_iterator<char>(fresh)), {});
    sw::CsvRecordReader r(text);
    std::vector<std::string_view> f;
    r.next(f);
    std::uint64_t total = 0;
    while (r.next(f))
        total += std::stoull(std::string(f[3])); // population
    CHECK(total == bundled_total);
    fs::remove_all(dir);
}

int main(int argc, char** argv) {
    if (!fs::exists(kReal / "crime")) {
        std::cout << "SKIP: " << kReal << " is absent (real data is optional)\n";
        return 77;
    }
    doctest::Context ctx(argc, argv);
    return ctx.run();
}
