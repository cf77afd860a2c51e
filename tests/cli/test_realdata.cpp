// Optional: loads the real Medway wards and Kent police.uk files from ../shared/realdata and
// checks the load report against GDAL's own CSV driver. Skips (exit 77) when absent.
#include "cli_runner.hpp"

#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <filesystem>
#include <iostream>
#include <regex>

namespace fs = std::filesystem;
using sw::test::quote;
using sw::test::run;

namespace {
const fs::path kReal = STREETWEEK_REALDATA;

std::uint64_t jsonNumber(const std::string& json, const std::string& key) {
    std::smatch m;
    if (!std::regex_search(json, m, std::regex("\"" + key + "\": ([0-9]+)")))
        return 0;
    return std::stoull(m[1]);
}
} // namespace

TEST_CASE("real Medway wards and Kent street-level files") {
    const std::string wards = (kReal / "boundaries" / "medway_wards_2013_E06000035.json").string();
    const std::string crime = (kReal / "crime").string();
    const auto r = run("info --json --wards " + quote(wards) + " --incidents " + quote(crime));
    INFO(r.output.substr(0, 3000));
    REQUIRE(r.code == 0);
    CHECK(r.output.find("\"ward_count\": 22") != std::string::npos);
    CHECK(r.output.find("\"working_crs\": \"EPSG:27700\"") != std::string::npos);

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
    const std::uint64_t kept = jsonNumber(r.output, "incidents");
    CHECK(kept == rows - no_coords);
    CHECK(r.output.find("\"reason\": \"no coordinates\"") != std::string::npos);
    std::uint64_t reported_no_coords = 0;
    std::smatch m;
    std::string rest = r.output;
    const std::regex re("\"reason\": \"no coordinates\", \"count\": ([0-9]+)");
    while (std::regex_search(rest, m, re)) {
        reported_no_coords += std::stoull(m[1]);
        rest = m.suffix();
    }
    CHECK(reported_no_coords == no_coords);
    // About 2,500-2,900 a month of Kent's incidents fall in Medway's wards.
    const std::uint64_t in_medway = kept - jsonNumber(r.output, "outside_wards");
    CHECK(in_medway > months * 2300);
    CHECK(in_medway < months * 3300);
}

int main(int argc, char** argv) {
    if (!fs::exists(kReal / "crime")) {
        std::cout << "SKIP: " << kReal << " is absent (real data is optional)\n";
        return 77;
    }
    doctest::Context ctx(argc, argv);
    return ctx.run();
}
