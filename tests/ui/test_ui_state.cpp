// The map's UI state without a window: period clamping and play, analysis parameters from the
// shown layers, ward statistics for the choropleth, and the settings file round trip.
#include "test_support.hpp"
#include "ui/data_panel.hpp"
#include "ui/map_presentation.hpp"
#include "ui/map_ui_state.hpp"
#include "ui/settings_file.hpp"
#include "ui/ward_chart.hpp"

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

TEST_CASE("period: new data starts inside its own months, at its latest run of months") {
    test::TempDir dir;
    Session s;
    LoadRequest r;
    r.incident_paths = {test::writeFile(dir.file("gap.csv"), "Month,Easting,Northing,Crime type\n"
                                                             "2022-01,570100,160100,Drugs\n"
                                                             "2022-02,570100,160100,Drugs\n"
                                                             "2025-01,570200,160200,Drugs\n"
                                                             "2025-02,570200,160200,Drugs\n"
                                                             "2025-03,570300,160300,Drugs\n")};
    REQUIRE(s.load(r));
    ui::MapUiState u;
    ui::clampPeriod(u, s);
    CHECK(u.from == makeMonth(2025, 1)); // not across the 35 months without data
    CHECK(u.to == makeMonth(2025, 3));
    u.from = makeMonth(2022, 1);
    u.to = makeMonth(2022, 2);
    ui::clampPeriod(u, s); // a chosen period inside the data stays
    CHECK(u.from == makeMonth(2022, 1));
    // After the bundled sample's 2022-2023, loading 2022 and 2025 files: the period moves to
    // the new data's own latest months, not the old period that still lies in its range.
    u.from = makeMonth(2022, 1);
    u.to = makeMonth(2023, 12);
    ui::clampPeriod(u, s, true);
    CHECK(u.from == makeMonth(2025, 1));
    CHECK(u.to == makeMonth(2025, 3));
}

TEST_CASE(
    "points: the legend's and the Layers panel's counts are the period's, in the study area") {
    test::TempDir dir;
    Session s;
    LoadRequest r;
    r.wards_path = test::writeFile(dir.file("wards.geojson"), test::twoSquareWardsGeoJson());
    r.incident_paths = {test::writeFile(dir.file("pts.csv"),
                                        "Month,Easting,Northing,Crime type\n"
                                        "2022-01,570100,160100,Drugs\n"
                                        "2022-02,570200,160200,Drugs\n"
                                        "2022-02,590000,160200,Drugs\n" // outside
                                        "2022-03,571300,160300,Drugs\n")};
    REQUIRE(s.load(r));
    const MapGeometry g = buildMapGeometry(s.wards(), s.incidents(), s.layers());
    ui::MapUiState u;
    u.from = makeMonth(2022, 2);
    u.to = makeMonth(2022, 3);
    MapCamera cam;
    cam.setViewport(800, 600);
    cam.fit(s.wards().bounds());
    std::vector<LayerDrawStyle> styles;
    std::vector<std::size_t> counts;
    ui::updatePointStyles(styles, counts, s, g, u, cam);
    REQUIRE(counts.size() == s.layers().size());
    CHECK(counts[0] == 2); // All crime: February and March inside, not the one outside
    CHECK(styles[0].outside.count == 1);
    CHECK(styles[0].outside_opacity > 0);
    u.show_outside = false;
    ui::updatePointStyles(styles, counts, s, g, u, cam);
    CHECK(styles[0].outside_opacity == 0);
    CHECK(g.layer_counts[0] == 4); // the Layers panel's total: all loaded
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
    u.kde.radius_m = 400;
    u.kde.cell_size_m = 0;
    const auto p = ui::analysisParams(u, s);
    REQUIRE(p.hotspots.density.selection.layers.size() == 2);
    CHECK(p.hotspots.density.selection.layers[0].key == "asb");
    CHECK(p.hotspots.density.selection.layer_weights == std::vector<double>{1.0, 3.0});
    CHECK(p.hotspots.density.kde.radius_m == 400);
    CHECK(p.hotspots.density.kde.cell_size_m > 0); // the suggested size from the incidents' box
    CHECK_FALSE(p.gistar);                         // Gi* is computed only while shown
    u.gistar_visible = true;
    u.gistar.distance_m = 300;
    const auto q = ui::analysisParams(u, s);
    REQUIRE(q.gistar);
    CHECK(q.gistar->distance_m == 300);
    CHECK(q.gistar->fdr);
    CHECK_FALSE(q == p);
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
    u.kde.radius_m = 333;
    u.kde.kernel = KernelShape::Epanechnikov;
    u.kde.units = DensityUnits::Raw;
    u.threshold.mode = HotspotThreshold::Mode::MeanPlusSd;
    u.threshold.amount = 2.5;
    u.density.ramp = Ramp::Magma;
    u.choropleth.on = true;
    u.choropleth.stat = ui::WardStat::Rate;
    u.choropleth.method = BreakMethod::Quantiles;
    u.gistar_visible = true;
    u.gistar.cell_size_m = 150;
    u.gistar.fdr = false;
    u.basemap = {0.45f, false};
    s.layers()[1].visible = false;
    s.layers()[2].colour = {1, 2, 3, 255};
    for (auto& l : s.layers())
        l.point_size_px = 7;
    s.layers()[3].point_opacity = 0.4f;
    const std::string path = dir.file("settings.ini");
    const std::vector<std::string> recent{"/data/wards.geojson", "/data/crime"};
    REQUIRE(ui::saveSettings(path, u, s, &recent));

    Session s2;
    ui::MapUiState v;
    std::vector<LayerDrawStyle> styles2;
    std::vector<std::string> recent2;
    ui::loadSettings(path, v, s2, styles2, &recent2);
    CHECK(recent2 == recent);
    CHECK(v.kde.radius_m == 333);
    CHECK(v.kde.kernel == KernelShape::Epanechnikov);
    CHECK(v.kde.units == DensityUnits::Raw);
    CHECK(v.threshold.mode == HotspotThreshold::Mode::MeanPlusSd);
    CHECK(v.threshold.amount == 2.5);
    CHECK(v.density.ramp == Ramp::Magma);
    CHECK(v.basemap.opacity == doctest::Approx(0.45));
    CHECK_FALSE(v.basemap.greyscale);
    CHECK(v.choropleth.on);
    CHECK(v.choropleth.stat == ui::WardStat::Rate);
    CHECK(v.choropleth.method == BreakMethod::Quantiles);
    CHECK(v.gistar_visible);
    CHECK(v.gistar.cell_size_m == 150);
    CHECK_FALSE(v.gistar.fdr);
    CHECK_FALSE(s2.layers()[1].visible);
    CHECK(s2.layers()[2].colour == Rgba{1, 2, 3, 255});
    REQUIRE(styles2.size() == s2.layers().size());
    CHECK(styles2[0].size_px == 7);
    CHECK(s2.layers()[3].point_opacity == doctest::Approx(0.4f));
    CHECK(styles2[3].opacity == doctest::Approx(0.4f));
    // The rules themselves persist: an edited and an added layer come back.
    s.layers()[2].text_terms = {"machete"};
    LayerRule extra;
    extra.name = "Night ASB";
    extra.key = "night";
    extra.crime_types = {"Anti-social behaviour"};
    extra.colour = {9, 8, 7, 255};
    s.layers().push_back(extra);
    REQUIRE(ui::saveSettings(path, u, s, &recent));
    Session s3;
    ui::loadSettings(path, v, s3, styles2);
    REQUIRE(s3.layers().size() == s.layers().size());
    CHECK(s3.layers()[2].text_terms == std::vector<std::string>{"machete"});
    CHECK(s3.layers().back().name == "Night ASB");
    CHECK(s3.layers().back().crime_types == std::vector<std::string>{"Anti-social behaviour"});
    CHECK(s3.layers().back().colour == Rgba{9, 8, 7, 255});
    CHECK(styles2.size() == s3.layers().size());

    test::writeFile(dir.file("bad.ini"), "radius_m=banana\nkernel=wobbly\n\x01\x02\n");
    ui::MapUiState w;
    ui::loadSettings(dir.file("bad.ini"), w, s2, styles2);
    CHECK(w.kde.radius_m == ui::MapUiState{}.kde.radius_m);
    CHECK(w.kde.kernel == KernelShape::Quartic);
}

TEST_CASE("layer rule editor: preview counts, apply, add with a unique key, delete") {
    test::TempDir dir;
    Session s;
    LoadRequest r;
    r.incident_paths = {test::writeFile(dir.file("pts.csv"),
                                        "Month,Easting,Northing,Crime type,Context\n"
                                        "2022-01,570100,160100,Drugs,\n"
                                        "2022-02,570200,160200,Anti-social behaviour,youths\n"
                                        "2022-02,570250,160200,Anti-social behaviour,\n"
                                        "2022-03,570300,160300,Robbery,knife seen\n"
                                        "2022-03,570310,160300,Burglary,bladed article\n")};
    REQUIRE(s.load(r));

    const auto types = ui::crimeTypeCounts(s.incidents());
    REQUIRE(types.size() == 4);
    CHECK(types[0].type == "Anti-social behaviour");
    CHECK(types[0].count == 2);

    // Edit the Weapons layer: its terms find the robbery only ("bladed" dropped).
    std::size_t weapons = 0;
    while (s.layers()[weapons].key != "weapons")
        ++weapons;
    ui::LayerDraft d = ui::draftFor(s.layers(), weapons);
    CHECK(d.name == "Weapons");
    CHECK(d.terms == "knife, knives, blade, bladed");
    ui::refreshPreview(d, s.layers(), s.incidents());
    CHECK(d.preview_count == 2);
    d.terms = "knife";
    ui::refreshPreview(d, s.layers(), s.incidents());
    CHECK(d.preview_count == 1);
    REQUIRE(ui::applyDraft(d, s.layers()));
    CHECK(s.layers()[weapons].text_terms == std::vector<std::string>{"knife"});
    CHECK(s.layers()[weapons].key == "weapons");
    CHECK(ui::countMatches(s.layers()[weapons], s.incidents()) == 1);

    // A rule matching nothing says so; a duplicate name is refused.
    ui::LayerDraft n = ui::draftFor(s.layers(), s.layers().size());
    n.name = "Weapons";
    ui::refreshPreview(n, s.layers(), s.incidents());
    CHECK(n.preview_message.find("already called") != std::string::npos);
    CHECK_FALSE(ui::applyDraft(n, s.layers()));
    n.name = "Shoplifting";
    n.crime_types = {"Shoplifting"};
    ui::refreshPreview(n, s.layers(), s.incidents());
    CHECK(n.preview_count == 0);
    CHECK(n.preview_message.find("matches nothing") != std::string::npos);
    CHECK(n.preview_message.find("not in the data: Shoplifting") != std::string::npos);

    // A new layer: types and terms combined with AND; key unique.
    const std::size_t before = s.layers().size();
    n.name = "Drugs"; // taken
    n.name = "Drugs and youths";
    n.crime_types = {"Anti-social behaviour"};
    n.terms = "youths";
    n.combine_and = true;
    ui::refreshPreview(n, s.layers(), s.incidents());
    CHECK(n.preview_count == 1);
    REQUIRE(ui::applyDraft(n, s.layers()));
    REQUIRE(s.layers().size() == before + 1);
    CHECK(s.layers().back().key == "drugs_and");
    n = ui::draftFor(s.layers(), s.layers().size());
    n.name = "Drugs and youth zone";
    REQUIRE(ui::applyDraft(n, s.layers()));
    CHECK(s.layers().back().key == "drugs_and2");

    std::vector<float> weights(s.layers().size(), 1.0f);
    weights[weapons] = 3;
    ui::removeLayer(s.layers(), weights, weapons);
    CHECK(s.layers().size() == before + 1);
    CHECK(weights.size() == s.layers().size());
    for (const auto& l : s.layers())
        CHECK(l.key != "weapons");
    for (float w : weights)
        CHECK(w == 1.0f);
}

TEST_CASE("ward chart: the y axis ends on the round number at or above the largest count") {
    CHECK(ui::chartCeiling(0) == 1);
    CHECK(ui::chartCeiling(1) == 1);
    CHECK(ui::chartCeiling(3) == 5);
    CHECK(ui::chartCeiling(7) == 10);
    CHECK(ui::chartCeiling(10) == 10);
    CHECK(ui::chartCeiling(11) == 20);
    CHECK(ui::chartCeiling(460) == 500);
    CHECK(ui::chartCeiling(1823) == 2000);
}

TEST_CASE("a saved map image's title names the district, the layers, the period and when") {
    test::TempDir dir;
    Session s;
    LoadRequest r;
    r.wards_path = test::writeFile(dir.file("kent_wards.geojson"), test::twoSquareWardsGeoJson());
    r.incident_paths = {test::writeFile(dir.file("pts.csv"),
                                        "Month,Easting,Northing,Crime type\n"
                                        "2025-07,570100,160100,Drugs\n"
                                        "2025-08,571200,160200,Anti-social behaviour\n")};
    REQUIRE(s.load(r));
    ui::MapUiState state;
    state.from = makeMonth(2025, 7);
    state.to = makeMonth(2025, 8);
    for (auto& l : s.layers())
        l.visible = l.key == "asb";
    // No LADnnNM field: the ward file's name stands for the district.
    CHECK(ui::imageTitle(s, state, "2026-12-02 15:04 UTC") ==
          "kent_wards: Anti-social behaviour, 2025-07 to 2025-08 (made 2026-12-02 15:04 UTC)");
    CHECK(ui::mapTitle(s, state) == "Anti-social behaviour, 2025-07 to 2025-08");
}

TEST_CASE("Data panel: each incidents path keeps its source's settings into the load request") {
    LoadRequest given;
    given.wards_path = "w.geojson";
    given.incident_paths = {"kent.zip", "asb.csv"};
    SourceOptions asb;
    asb.path = "asb.csv";
    asb.name = "Council ASB log";
    asb.columns = CsvColumnOptions{"E", "N", "Logged", "What", "", false};
    asb.covers = MonthSpan{*parseMonth("2025-01"), *parseMonth("2025-06")};
    given.sources = {asb};
    given.postcodes_path = "nspl.csv";
    given.mask_m = 300;
    given.mask_min_rows = 8;

    ui::DataPanelState s;
    ui::setFromRequest(s, given);
    REQUIRE(s.drafts.size() == 2);
    CHECK(s.drafts[1].name == "Council ASB log");
    CHECK(s.drafts[1].covers == "2025-01..2025-06");
    CHECK(s.drafts[1].month == "Logged");
    CHECK(s.drafts[0].name.empty());

    auto r = ui::requestFromPanel(s);
    REQUIRE(r);
    CHECK(r.value().incident_paths == given.incident_paths);
    CHECK(r.value().postcodes_path == "nspl.csv");
    CHECK(r.value().mask_m == 300);
    CHECK(r.value().mask_min_rows == 8);
    REQUIRE(r.value().sources.size() == 1); // kent.zip says nothing: all detected
    const SourceOptions& o = r.value().sources[0];
    CHECK(o.path == "asb.csv");
    CHECK(o.name == "Council ASB log");
    REQUIRE(o.columns);
    CHECK(o.columns->x == "E");
    CHECK(o.columns->type == "What");
    REQUIRE(o.covers);
    CHECK(formatMonth(o.covers->last) == "2025-06");

    // The user marks the log public and mistypes its months: Load is refused, saying why.
    s.drafts[1].is_public = true;
    s.drafts[1].covers = "2025-13..2025-06";
    auto bad = ui::requestFromPanel(s);
    REQUIRE_FALSE(bad);
    CHECK(bad.error().find("asb.csv: months covered '2025-13..2025-06'") == 0);
    s.drafts[1].covers.clear();
    auto ok = ui::requestFromPanel(s);
    REQUIRE(ok);
    CHECK(ok.value().sources[0].is_public);
    CHECK_FALSE(ok.value().sources[0].covers);
}
