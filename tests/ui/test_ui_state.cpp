// The map's UI state without a window: period clamping and play, analysis parameters from the
// shown layers, ward statistics for the choropleth, and the settings file round trip.
#include "test_support.hpp"
#include "ui/map_ui_state.hpp"
#include "ui/settings_file.hpp"

#include <doctest/doctest.h>

using namespace sw;

namespace {
// A session with two months of incidents in no wards (enough for the period logic).
void loadTwoMonths(Session& s, const test::TempDir& dir) {
    LoadRequest r;
    r.incident_paths = {test::writeFile(dir.file("pts.csv"),
                                        "Month,Easting,Northing,Crime type\n"
                                        "2022-01,570100,160100,Drugs\n"
                                        "2022-02,570200,160200,Anti-social behaviour\n"
                                        "2022-03,570300,160300,Drugs\n")};
    REQUIRE(s.load(r));
}
} // namespace

TEST_CASE("period: clamped to the data, play steps a window and wraps") {
    test::TempDir dir;
    Session s;
    loadTwoMonths(s, dir);
    ui::MapUiState u;
    ui::clampPeriod(u, s);
    CHECK(u.from == makeMonth(2022, 1));
    CHECK(u.to == makeMonth(2022, 3));
    u.to = u.from; // a one-month window
    u.playing = true;
    u.play_seconds_per_month = 1;
    u.last_step_s = 0;
    CHECK_FALSE(ui::advancePlay(u, s, 0.5));
    CHECK(ui::advancePlay(u, s, 1.0));
    CHECK(u.from == makeMonth(2022, 2));
    CHECK(ui::advancePlay(u, s, 2.0));
    CHECK(ui::advancePlay(u, s, 3.0)); // past the last month: back to the first
    CHECK(u.from == makeMonth(2022, 1));
    CHECK(u.to == makeMonth(2022, 1));
}

TEST_CASE("analysis parameters follow the shown layers, weights and settings") {
    test::TempDir dir;
    Session s;
    loadTwoMonths(s, dir);
    for (auto& l : s.layers())
        l.visible = l.key == "asb" || l.key == "drugs";
    ui::MapUiState u;
    u.layer_weights.assign(s.layers().size(), 1.0f);
    u.layer_weights[4] = 3.0f; // drugs
    u.radius_m = 400;
    u.cell_m = 0;
    const auto p = ui::analysisParams(u, s);
    REQUIRE(p.hotspots.selection.layers.size() == 2);
    CHECK(p.hotspots.selection.layers[0].key == "asb");
    CHECK(p.hotspots.selection.layer_weights == std::vector<double>{1.0, 3.0});
    CHECK(p.hotspots.kde.radius_m == 400);
    CHECK(p.hotspots.kde.cell_size_m > 0); // the suggested size from the incidents' box
}

TEST_CASE("ward statistics for the choropleth") {
    WardProfile prof;
    WardRow a, b;
    a.ward = 1;
    a.count = 10;
    a.change = -2;
    a.layer_counts = {4, 6};
    b.ward = 0;
    b.count = 3;
    b.rate_per_1000 = 1.5;
    b.layer_counts = {1, 2};
    prof.rows = {a, b};
    ui::ChoroplethState c;
    auto v = ui::wardStatValues(prof, 3, c);
    CHECK(v[0] == 3.0);
    CHECK(v[1] == 10.0);
    CHECK_FALSE(v[2]); // a ward with no row
    c.stat = ui::WardStat::Rate;
    v = ui::wardStatValues(prof, 3, c);
    CHECK(v[0] == 1.5);
    CHECK_FALSE(v[1]); // no population
    c.stat = ui::WardStat::Change;
    CHECK(ui::wardStatValues(prof, 3, c)[1] == -2.0);
    c.stat = ui::WardStat::Layer;
    c.layer = 1;
    CHECK(ui::wardStatValues(prof, 3, c)[1] == 6.0);
}

TEST_CASE("settings survive a round trip through the file; a bad file changes nothing") {
    test::TempDir dir;
    Session s;
    ui::MapUiState u;
    u.radius_m = 333;
    u.kernel = KernelShape::Epanechnikov;
    u.units = DensityUnits::Raw;
    u.threshold.mode = HotspotThreshold::Mode::MeanPlusSd;
    u.threshold.amount = 2.5;
    u.density.ramp = Ramp::Magma;
    u.choropleth.on = true;
    u.choropleth.stat = ui::WardStat::Rate;
    u.choropleth.method = BreakMethod::Quantiles;
    s.layers()[1].visible = false;
    s.layers()[2].colour = {1, 2, 3, 255};
    std::vector<LayerDrawStyle> styles(s.layers().size());
    for (auto& st : styles)
        st.size_px = 7;
    const std::string path = dir.file("settings.ini");
    const std::vector<std::string> recent{"/data/wards.geojson", "/data/crime"};
    REQUIRE(ui::saveSettings(path, u, s, styles, &recent));

    Session s2;
    ui::MapUiState v;
    std::vector<LayerDrawStyle> styles2;
    std::vector<std::string> recent2;
    ui::loadSettings(path, v, s2, styles2, &recent2);
    CHECK(recent2 == recent);
    CHECK(v.radius_m == 333);
    CHECK(v.kernel == KernelShape::Epanechnikov);
    CHECK(v.units == DensityUnits::Raw);
    CHECK(v.threshold.mode == HotspotThreshold::Mode::MeanPlusSd);
    CHECK(v.threshold.amount == 2.5);
    CHECK(v.density.ramp == Ramp::Magma);
    CHECK(v.choropleth.on);
    CHECK(v.choropleth.stat == ui::WardStat::Rate);
    CHECK(v.choropleth.method == BreakMethod::Quantiles);
    CHECK_FALSE(s2.layers()[1].visible);
    CHECK(s2.layers()[2].colour == Rgba{1, 2, 3, 255});
    REQUIRE(styles2.size() == s2.layers().size());
    CHECK(styles2[0].size_px == 7);

    test::writeFile(dir.file("bad.ini"), "radius_m=banana\nkernel=wobbly\n\x01\x02\n");
    ui::MapUiState w;
    ui::loadSettings(dir.file("bad.ini"), w, s2, styles2);
    CHECK(w.radius_m == ui::MapUiState{}.radius_m);
    CHECK(w.kernel == KernelShape::Quartic);
}
