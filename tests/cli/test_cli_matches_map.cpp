// The CLI and the map give the same numbers: the same KDE, hotspot and Gi* request run through
// `streetweek kde/hotspots/gistar` and through the live map analysis (the MapUiState the
// panels edit -> analysisParams -> runMapAnalysis) gives bit-identical grids (as Float32, the
// GeoTIFF's type), the same hotspot table and the same Gi* classes.
#include "cli_runner.hpp"
#include "session/live_analysis.hpp"
#include "test_support.hpp"
#include "ui/map_ui_state.hpp"

#include <doctest/doctest.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <cstdio>
#include <memory>

using namespace sw;
using test::quote;
using test::run;

namespace {

struct Fixture {
    test::TempDir dir;
    std::string wards, incidents;
    Fixture() {
        wards = test::writeFile(dir.file("wards.geojson"), test::twoSquareWardsGeoJson());
        std::string csv = "Month,Easting,Northing,Crime type\n";
        char line[120];
        for (int i = 0; i < 240; ++i) {
            // A cluster in West (ASB), a looser one in East (Drugs), background of both.
            const double e = i < 80    ? 570300 + (i * 7) % 60
                             : i < 150 ? 571600 + (i * 13) % 150
                                       : 570000 + (i * 97) % 2000;
            const double n = i < 80 ? 160400 + (i * 11) % 50 : 160000 + (i * 61) % 1000;
            const char* type = i < 80 || (i >= 150 && i % 2) ? "Anti-social behaviour" : "Drugs";
            std::snprintf(line, sizeof line, "2022-0%d,%.1f,%.1f,%s\n", 1 + i % 3, e, n, type);
            csv += line;
        }
        incidents = test::writeFile(dir.file("pts.csv"), csv);
    }
    std::string load() const {
        return "--wards " + quote(wards) + " --incidents " + quote(incidents) +
               " --exact-locations"; // synthetic points: exact geometry is what is compared
    }
};

// The map's state for the same request as the CLI options below.
MapAnalysis mapAnalysis(const Fixture& fx) {
    Session s;
    LoadRequest r;
    r.exact_locations = true;
    r.wards_path = fx.wards;
    r.incident_paths = {fx.incidents};
    REQUIRE(s.load(r));
    ui::MapUiState u;
    for (auto& l : s.layers())
        l.visible = l.key == "asb" || l.key == "drugs";
    u.layer_weights.assign(s.layers().size(), 1.0f);
    for (std::size_t i = 0; i < s.layers().size(); ++i)
        if (s.layers()[i].key == "drugs")
            u.layer_weights[i] = 3.0f;
    u.from = makeMonth(2022, 1);
    u.to = makeMonth(2022, 2);
    u.kde.radius_m = 150;
    u.kde.cell_size_m = 0; // the suggested size, as the CLI without --cell
    u.threshold.mode = HotspotThreshold::Mode::TopPercent;
    u.threshold.amount = 4;
    u.gistar_visible = true;
    u.gistar.cell_size_m = 50;
    auto a = runMapAnalysis(s, ui::analysisParams(u, s));
    REQUIRE(a);
    return std::move(a.value());
}

const char* kSelection = " --layer asb --layer drugs --layer-weight drugs=3 --from 2022-01 "
                         "--to 2022-02";

} // namespace

TEST_CASE("kde, hotspots and gistar on the command line equal the live map analysis") {
    Fixture fx;
    const MapAnalysis map = mapAnalysis(fx);
    GDALAllRegister();

    SUBCASE("KDE: every cell bit-identical") {
        const std::string tif = fx.dir.file("d.tif");
        const auto r = run("kde " + fx.load() + kSelection + " --radius 150 --out " + quote(tif));
        INFO(r.output);
        REQUIRE(r.code == 0);
        std::unique_ptr<GDALDataset> ds(GDALDataset::Open(tif.c_str(), GDAL_OF_RASTER));
        REQUIRE(ds);
        const Grid& g = map.hotspots.density.grid;
        REQUIRE(static_cast<std::size_t>(ds->GetRasterXSize()) == g.cols);
        REQUIRE(static_cast<std::size_t>(ds->GetRasterYSize()) == g.rows);
        double gt[6];
        ds->GetGeoTransform(gt);
        CHECK(gt[0] == g.xmin);
        CHECK(gt[3] == g.ymax);
        CHECK(gt[1] == g.cell);
        std::vector<float> v(g.cols * g.rows);
        REQUIRE(ds->GetRasterBand(1)->RasterIO(GF_Read, 0, 0, static_cast<int>(g.cols),
                                               static_cast<int>(g.rows), v.data(),
                                               static_cast<int>(g.cols), static_cast<int>(g.rows),
                                               GDT_Float32, 0, 0) == CE_None);
        std::size_t differ = 0, nonzero = 0;
        for (std::size_t i = 0; i < v.size(); ++i) {
            const float expected = g.values[i] == 0 ? -9999.0f : static_cast<float>(g.values[i]);
            differ += v[i] != expected;
            nonzero += g.values[i] != 0;
        }
        CHECK(nonzero > 1000);
        CHECK(differ == 0);
    }

    SUBCASE("hotspots: the same table") {
        const std::string out = fx.dir.file("h.gpkg");
        const auto r = run("hotspots " + fx.load() + kSelection +
                           " --radius 150 --threshold top:4% --out " + quote(out));
        INFO(r.output);
        REQUIRE(r.code == 0);
        std::unique_ptr<GDALDataset> ds(GDALDataset::Open(out.c_str(), GDAL_OF_VECTOR));
        REQUIRE(ds);
        OGRLayer* layer = ds->GetLayer(0);
        const auto& hot = map.hotspots.hotspots;
        REQUIRE(hot.size() >= 2);
        REQUIRE(layer->GetFeatureCount() == static_cast<GIntBig>(hot.size()));
        std::size_t i = 0;
        for (auto& f : *layer) {
            const auto& h = hot[i++];
            CHECK(f->GetFieldAsInteger("rank") == h.stats.rank);
            CHECK(f->GetFieldAsInteger64("incidents") == h.stats.incidents);
            CHECK(f->GetFieldAsInteger64("asb") == h.stats.per_layer[0]);
            CHECK(f->GetFieldAsInteger64("drugs") == h.stats.per_layer[1]);
            CHECK(f->GetFieldAsDouble("area_km2") == std::round(h.stats.area_km2 * 1e4) / 1e4);
            CHECK(f->GetFieldAsDouble("pai") == std::round(h.stats.pai * 1e3) / 1e3);
            std::string wards;
            for (const auto& w : h.wards)
                wards += (wards.empty() ? "" : "; ") + w;
            CHECK(std::string(f->GetFieldAsString("wards")) == wards);
        }
    }

    SUBCASE("Gi*: the same class in every study cell") {
        const std::string out = fx.dir.file("g.gpkg");
        const auto r = run("gistar " + fx.load() + kSelection + " --cell 50 --out " + quote(out));
        INFO(r.output);
        REQUIRE(r.code == 0);
        REQUIRE(map.gistar);
        const GiStarResult& gi = *map.gistar;
        std::unique_ptr<GDALDataset> ds(GDALDataset::Open(out.c_str(), GDAL_OF_VECTOR));
        REQUIRE(ds);
        OGRLayer* layer = ds->GetLayer(0);
        REQUIRE(layer->GetFeatureCount() == static_cast<GIntBig>(gi.n));
        std::size_t differ = 0, hot = 0;
        for (auto& f : *layer) {
            OGREnvelope env;
            f->GetGeometryRef()->getEnvelope(&env);
            const auto cell =
                cellIndex(gi.counts, (env.MinX + env.MaxX) / 2, (env.MinY + env.MaxY) / 2);
            REQUIRE(cell >= 0);
            const auto c = static_cast<std::size_t>(cell);
            differ += f->GetFieldAsInteger("gi_bin") != gi.bin[c];
            differ += f->GetFieldAsDouble("count") != gi.counts.values[c];
            hot += gi.bin[c] == 3;
        }
        CHECK(hot > 0);
        CHECK(differ == 0);
    }
}
