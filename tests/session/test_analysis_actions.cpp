// The analysis actions on data the tests write: defaults resolved from the study area with the
// lines that explain them, bad requests told apart from failures, known densities, hotspots,
// Gi* and emerging patterns; and the load action itself (loadData) without a session.
#include "session/analysis_actions.hpp"
#include "session/data_loader.hpp"
#include "session/session.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <cstdio>

using namespace sw;

namespace {

// Incidents as easting/northing rows (exact BNG positions, no lon/lat rounding).
std::string csvOf(const std::vector<std::tuple<double, double, const char*, const char*>>& rows) {
    std::string csv = "Month,Easting,Northing,Crime type\n";
    char line[160];
    for (const auto& [e, n, month, type] : rows) {
        std::snprintf(line, sizeof line, "%s,%.1f,%.1f,%s\n", month, e, n, type);
        csv += line;
    }
    return csv;
}

// Two 1 km wards; 30 Drugs incidents in a tight cluster in West, 12 Robbery ones in East.
struct TwoClusters {
    test::TempDir dir;
    Session session;
    TwoClusters() {
        std::vector<std::tuple<double, double, const char*, const char*>> rows;
        for (int i = 0; i < 30; ++i)
            rows.emplace_back(570250 + i % 5, 160500, "2022-01", "Drugs");
        for (int i = 0; i < 12; ++i)
            rows.emplace_back(571700 + i % 3, 160300, "2022-02", "Robbery");
        LoadRequest r;
        r.exact_locations = true; // synthetic points: the tests check exact geometry
        r.wards_path = test::writeFile(dir.file("wards.geojson"), test::twoSquareWardsGeoJson());
        r.incident_paths = {test::writeFile(dir.file("pts.csv"), csvOf(rows))};
        REQUIRE(session.load(r));
    }
};

} // namespace

TEST_CASE("resolveKde: the suggested cell, the study extent on whole cells, the rule's radius") {
    TwoClusters fx;
    KdeParams k;
    k.cell_size_m = 0;
    k.radius_m = 100;
    auto r = resolveKde(fx.session, k, BandwidthRule::Fixed, {});
    REQUIRE(r);
    // The study area is 2 km x 1 km: shorter side / 150 = 6.7 m, rounded to 5 m.
    CHECK(r.value().kde.cell_size_m == 5);
    CHECK(r.value().cell_note.find("cell 5 m") != std::string::npos);
    CHECK(r.value().radius_note.empty());
    CHECK(boxWidth(r.value().extent) == doctest::Approx(2000));
    CHECK(r.value().extent.min_corner().x() == doctest::Approx(570000));
    REQUIRE(r.value().kde.extent);

    // A named rule works from the selected incidents and says what it chose.
    auto sel = selectIncidents(fx.session, {});
    REQUIRE(sel);
    auto arcgis = resolveKde(fx.session, k, BandwidthRule::ArcGis, sel.value().points);
    REQUIRE(arcgis);
    CHECK(arcgis.value().kde.radius_m == std::round(arcgisDefaultRadius(sel.value().points)));
    CHECK(arcgis.value().radius_note.rfind("ArcGIS default radius: ", 0) == 0);
    auto none = resolveKde(fx.session, k, BandwidthRule::Scott, {});
    REQUIRE_FALSE(none);
    CHECK_FALSE(none.badRequest()); // the data cannot support it: a failure, not a usage error
    CHECK(none.error().find("needs incidents") != std::string::npos);

    // Parameters that cannot work are a bad request.
    k.cell_size_m = 0.001;
    auto huge = resolveKde(fx.session, k, BandwidthRule::Fixed, {});
    REQUIRE_FALSE(huge);
    CHECK(huge.badRequest());
    CHECK(huge.error().find("over the limit") != std::string::npos);
}

TEST_CASE("resolveGiStar: cell and distance defaults, extent on whole cells") {
    TwoClusters fx;
    auto r = resolveGiStar(fx.session, GiStarParams{});
    REQUIRE(r);
    CHECK(r.value().gi.cell_size_m == 5);
    CHECK(r.value().gi.distance_m == 12.5);
    GiStarParams given;
    given.cell_size_m = 100;
    auto g = resolveGiStar(fx.session, given);
    REQUIRE(g);
    CHECK(g.value().gi.distance_m == 250);
    CHECK(boxWidth(g.value().extent) == doctest::Approx(2000));
    Session empty;
    auto nothing = resolveGiStar(empty, GiStarParams{});
    REQUIRE_FALSE(nothing);
    CHECK(nothing.badRequest());
}

TEST_CASE("densitySurface: mass balance, selection by layer, edge correction, dual surfaces") {
    TwoClusters fx;
    KdeRequest req;
    req.kde.radius_m = 100;
    req.kde.cell_size_m = 10;
    auto all = densitySurface(fx.session, req);
    REQUIRE(all);
    const Grid& g = all.value().density.grid;
    CHECK(all.value().incidents == 42);
    // Every kernel lies inside the grid: sum x cell area = 42 incidents (to the cells' sampling).
    CHECK(g.sum() * 1e-4 == doctest::Approx(42).epsilon(1e-3));

    req.selection.layers = {*fx.session.findLayer("drugs")};
    auto drugs = densitySurface(fx.session, req);
    REQUIRE(drugs);
    CHECK(drugs.value().incidents == 30);
    CHECK(drugs.value().density.grid.sum() * 1e-4 == doctest::Approx(30).epsilon(1e-3));

    // Edge correction raises cells by the share of their kernel that falls outside the wards;
    // the clusters lie well inside, so their peak stays and the total grows only at the edges.
    req.kde.edge_correct = true;
    auto edge = densitySurface(fx.session, req);
    REQUIRE(edge);
    CHECK(edge.value().density.grid.max() == doctest::Approx(drugs.value().density.grid.max()));
    Session no_wards;
    LoadRequest only_points;
    only_points.exact_locations = true; // synthetic points: the tests check exact geometry
    only_points.incident_paths = {fx.dir.file("pts.csv")};
    REQUIRE(no_wards.load(only_points));
    auto refused = densitySurface(no_wards, req);
    REQUIRE_FALSE(refused);
    CHECK(refused.badRequest());
    CHECK(refused.error().find("--edge-correct needs --wards") != std::string::npos);

    // January's drugs against February's: the difference is the whole January surface.
    req.kde.edge_correct = false;
    req.selection.layers.clear();
    req.selection.from = req.selection.to = makeMonth(2022, 1);
    DualKdeRequest dual;
    dual.compare.from = dual.compare.to = makeMonth(2022, 2);
    dual.label = "period 2022-02..2022-02";
    auto diff = densitySurface(fx.session, req, dual);
    REQUIRE(diff);
    CHECK(diff.value().compare_incidents == 12);
    CHECK(diff.value().dual_note == "difference against period 2022-02..2022-02 (12 incidents)");
    CHECK(diff.value().density.grid.max() == doctest::Approx(drugs.value().density.grid.max()));
    CHECK(diff.value().density.grid.min() < 0);
}

TEST_CASE("findHotspots: two clusters, ranked, with counts, PAI and wards") {
    TwoClusters fx;
    HotspotRequest req;
    req.density.kde.radius_m = 100;
    req.density.kde.cell_size_m = 10;
    req.density.kde.units = DensityUnits::Raw;
    req.threshold.mode = HotspotThreshold::Mode::Value;
    req.threshold.amount = 5;
    auto r = findHotspots(fx.session, req);
    REQUIRE(r);
    REQUIRE(r.value().hotspots.size() == 2);
    const Hotspot& first = r.value().hotspots[0];
    CHECK(first.stats.rank == 1);
    CHECK(first.stats.incidents == 30);
    CHECK(first.wards == std::vector<std::string>{"West"});
    CHECK(first.stats.pai ==
          doctest::Approx((30.0 / 42.0) / (first.stats.area_km2 / 2.0)).epsilon(1e-9));
    CHECK(r.value().hotspots[1].wards == std::vector<std::string>{"East"});
    CHECK(r.value().study_area_km2 == doctest::Approx(2.0));
    CHECK(r.value().resolved.kde.cell_size_m == 10);

    req.threshold.amount = -1;
    auto bad = findHotspots(fx.session, req);
    REQUIRE_FALSE(bad);
    CHECK(bad.badRequest());
}

TEST_CASE("giStarHotspots and emergingHotspots on the session") {
    TwoClusters fx;
    GiStarRequest gi;
    gi.gi.cell_size_m = 50;
    gi.gi.distance_m = 75;
    auto spots = giStarHotspots(fx.session, gi);
    REQUIRE(spots);
    const GiStarResult& r = spots.value().result;
    CHECK(r.n == 40 * 20);
    const auto at = cellIndex(r.counts, 570252, 160500);
    REQUIRE(at >= 0);
    CHECK(r.counts.values[static_cast<std::size_t>(at)] == 30);
    CHECK(r.bin[static_cast<std::size_t>(at)] == 3);
    const auto bins = giBinCounts(r);
    CHECK(bins[6] >= 1);
    int total = 0;
    for (int b : bins)
        total += b;
    CHECK(total == 800);

    // Two months are no trend: the minimum is 10.
    EmergingRequest em;
    em.emerging.gi = gi.gi;
    auto two_months = emergingHotspots(fx.session, em);
    REQUIRE_FALSE(two_months);
    CHECK(two_months.badRequest());
    CHECK(two_months.error().find("at least 10 consecutive months") != std::string::npos);
}

TEST_CASE("radiusSuggestions: ArcGIS and Scott, named and explained; none without incidents") {
    WeightedPoints p;
    for (int i = 0; i < 50; ++i) {
        p.x.push_back(1000 + (i * 37) % 500);
        p.y.push_back(2000 + (i * 53) % 500);
    }
    const auto s = radiusSuggestions(p, KernelShape::Quartic);
    REQUIRE(s.size() == 2);
    CHECK(s[0].name == "ArcGIS default");
    CHECK(s[0].radius_m == std::round(arcgisDefaultRadius(p)));
    CHECK(s[1].radius_m == std::round(scottRadius(p, KernelShape::Quartic)));
    CHECK_FALSE(s[1].explanation.empty());
    CHECK(radiusSuggestions({}, KernelShape::Quartic).empty());
}

TEST_CASE("loadData: the report names files, counts and the CRS; a missing file fails") {
    test::TempDir dir;
    LoadRequest r;
    r.exact_locations = true; // synthetic points: the tests check exact geometry
    r.wards_path = test::writeFile(dir.file("wards.geojson"), test::twoSquareWardsGeoJson());
    r.incident_paths = {
        test::writeFile(dir.file("pts.csv"), csvOf({{570500, 160500, "2022-01", "Drugs"},
                                                    {571500, 160500, "2022-01", "Drugs"},
                                                    {590000, 160500, "2022-01", "Drugs"}}))};
    auto d = loadData(r);
    REQUIRE(d);
    CHECK(d.value().working_crs == "EPSG:27700");
    CHECK(d.value().report.incidents_kept == 3);
    CHECK(d.value().report.outside_wards == 1);
    CHECK(d.value().incidents.ward == std::vector<std::int32_t>{0, 1, kOutsideWards});
    bool named = false;
    for (const auto& line : d.value().report.lines())
        named = named || line.find("pts.csv (CSV): 3 rows read, 3 kept") != std::string::npos;
    CHECK(named);

    r.incident_paths.push_back(dir.file("absent.csv"));
    auto missing = loadData(r);
    REQUIRE_FALSE(missing);
    CHECK(missing.error().find("absent.csv: no such file") != std::string::npos);
    LoadRequest nothing;
    nothing.exact_locations = true; // synthetic points: the tests check exact geometry
    CHECK_FALSE(loadData(nothing));
}
