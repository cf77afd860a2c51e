// Map camera maths and map geometry building (no GL).
#include "render/map_camera.hpp"
#include "render/map_geometry.hpp"

#include <doctest/doctest.h>

using namespace sw;

TEST_CASE("world to screen and back") {
    MapCamera c;
    c.setViewport(800, 600);
    c.setCentre(Point(575000, 168000));
    c.setMetresPerPixel(5);
    const Point s = c.worldToScreen(Point(575000, 168000));
    CHECK(s.x() == doctest::Approx(400));
    CHECK(s.y() == doctest::Approx(300));
    const Point north = c.worldToScreen(Point(575000, 168500)); // 500 m north = 100 px up
    CHECK(north.y() == doctest::Approx(200));
    const Point back = c.screenToWorld(Point(123, 456));
    const Point again = c.worldToScreen(back);
    CHECK(again.x() == doctest::Approx(123));
    CHECK(again.y() == doctest::Approx(456));
}

TEST_CASE("zoom at the cursor keeps the world point under it fixed") {
    MapCamera c;
    c.setViewport(1000, 700);
    c.setCentre(Point(580000, 170000));
    c.setMetresPerPixel(20);
    const Point cursor(730, 210);
    const Point before = c.screenToWorld(cursor);
    c.zoomAt(cursor, 2.5);
    CHECK(c.metresPerPixel() == doctest::Approx(8));
    const Point after = c.screenToWorld(cursor);
    CHECK(after.x() == doctest::Approx(before.x()));
    CHECK(after.y() == doctest::Approx(before.y()));
    c.zoomAt(cursor, 1e-12); // clamped, never zero or negative
    CHECK(c.metresPerPixel() == MapCamera::kMaxMetresPerPixel);
}

TEST_CASE("fit shows the whole box; pan moves with the drag") {
    MapCamera c;
    c.setViewport(1000, 500);
    c.fit(Box(Point(570000, 160000), Point(590000, 178000)), 0.0);
    CHECK(c.metresPerPixel() == doctest::Approx(36)); // 18 km over 500 px
    const Box v = c.visibleWorld();
    CHECK(bg::covered_by(Point(570000, 160000), v));
    CHECK(bg::covered_by(Point(590000, 178000), v));
    const Point before = c.centre();
    c.panPixels(10, 0); // drag right: the map moves right, the centre moves west
    CHECK(c.centre().x() == doctest::Approx(before.x() - 360));
}

TEST_CASE("the clip matrix maps the view centre to 0 and the right edge to 1") {
    MapCamera c;
    c.setViewport(200, 100);
    c.setCentre(Point(1000, 2000));
    c.setMetresPerPixel(2);
    const Point origin(900, 1900);
    const auto m = c.clipFromWorld(origin);
    auto clip = [&](double wx, double wy) {
        const double x = wx - origin.x(), y = wy - origin.y();
        return std::make_pair(m[0] * x + m[12], m[5] * y + m[13]);
    };
    CHECK(clip(1000, 2000).first == doctest::Approx(0));
    CHECK(clip(1000, 2000).second == doctest::Approx(0));
    CHECK(clip(1200, 2000).first == doctest::Approx(1)); // 100 px * 2 m to the right
    CHECK(clip(1000, 2100).second == doctest::Approx(1));
}

TEST_CASE("map geometry: triangles per ward, one point list per layer") {
    WardSet wards;
    Ward w;
    w.name = "Square";
    Polygon p;
    p.outer() = {{0, 0}, {0, 100}, {100, 100}, {100, 0}, {0, 0}};
    w.shape = MultiPolygon{p};
    bg::envelope(w.shape, w.bounds);
    wards.wards = {w};
    IncidentTable t;
    for (const char* type : {"Drugs", "Drugs", "Robbery"}) {
        t.x.push_back(50);
        t.y.push_back(50);
        t.month.push_back(makeMonth(2022, 1));
        t.ward.push_back(0);
        t.line.push_back(1);
        t.file.push_back(0);
        t.crime_type.push(type);
    }
    auto g = buildMapGeometry(wards, t, defaultLayers());
    CHECK(g.origin.x() == 50);
    CHECK(g.fill_vertices.size() == 2 * 3 * 6); // two triangles
    CHECK(g.outline_vertices.size() == 4 * 2 * 6);
    CHECK(g.layer_counts == std::vector<std::size_t>{3, 0, 0, 0, 2});
    CHECK(g.layer_points[4][0] == 0.0f); // relative to the origin
    REQUIRE(g.ward_label_anchors.size() == 1);
    CHECK(bg::within(g.ward_label_anchors[0], p));
    CHECK(g.ward_fill_first == std::vector<std::uint32_t>{0});
    CHECK(g.ward_fill_count == std::vector<std::uint32_t>{6});
    CHECK(g.layer_signature == layerSignatures(defaultLayers()));

    // An edited rule changes the signature (not a colour or visibility change) and the
    // rebuilt points follow the new rule.
    auto layers = defaultLayers();
    layers[0].colour = {1, 2, 3, 255};
    layers[0].visible = false;
    CHECK(layerSignatures(layers) == g.layer_signature);
    layers[4].crime_types = {"Robbery"};
    CHECK(layerSignatures(layers) != g.layer_signature);
    auto rebuilt = buildLayerPoints(t, layers, g.origin, true);
    CHECK(rebuilt.counts == std::vector<std::size_t>{3, 0, 0, 0, 1});
    CHECK(rebuilt.signature == layerSignatures(layers));
    setLayerPoints(g, std::move(rebuilt));
    CHECK(g.layer_counts[4] == 1);
    CHECK(g.layer_months[4].size() == 1);

    recolourWardFills(g, {Rgba{255, 0, 0, 255}}, 0.5f);
    for (std::size_t v = 0; v < 6; ++v) {
        CHECK(g.fill_vertices[v * 6 + 2] == 1.0f);
        CHECK(g.fill_vertices[v * 6 + 3] == 0.0f);
        CHECK(g.fill_vertices[v * 6 + 5] == 0.5f);
    }
}

TEST_CASE("points outside the study area follow those inside, each part in month order") {
    IncidentTable t;
    // month, ward (-1 outside): the buffer is inside Jan, inside Mar, then outside Jan, Feb.
    const std::pair<int, int> rows[] = {{3, 0}, {2, -1}, {1, 0}, {1, -1}};
    for (const auto& [m, w] : rows) {
        t.x.push_back(10.0 * m);
        t.y.push_back(0);
        t.month.push_back(makeMonth(2022, m));
        t.ward.push_back(w);
        t.line.push_back(1);
        t.file.push_back(0);
        t.crime_type.push("Drugs");
    }
    const std::vector<LayerRule> all = {defaultLayers()[0]};
    auto p = buildLayerPoints(t, all, Point(0, 0), true);
    REQUIRE(p.counts == std::vector<std::size_t>{4});
    CHECK(p.inside == std::vector<std::size_t>{2});
    CHECK(p.months[0] == std::vector<MonthIndex>{makeMonth(2022, 1), makeMonth(2022, 3),
                                                 makeMonth(2022, 1), makeMonth(2022, 2)});
    const auto in = monthRange(p.months[0], 0, 2, makeMonth(2022, 1), makeMonth(2022, 2));
    CHECK(in.first == 0);
    CHECK(in.count == 1);
    const auto out = monthRange(p.months[0], 2, 4, makeMonth(2022, 1), makeMonth(2022, 2));
    CHECK(out.first == 2);
    CHECK(out.count == 2);
    // Without wards there is no study area: every point counts as inside.
    CHECK(buildLayerPoints(t, all, Point(0, 0), false).inside == std::vector<std::size_t>{4});
}

TEST_CASE("point level of detail: about the budget on screen, every point when zoomed in") {
    CHECK(pointStride(50000, 1.0, 100000) == 1);
    CHECK(pointStride(1000000, 1.0, 100000) == 10);
    CHECK(pointStride(1000000, 0.05, 100000) == 1); // zoomed in: few on screen
    CHECK(pointStride(1000000, 0.5, 100000) == 5);
    CHECK(pointStride(1000000000, 1.0, 1000) == 255); // the attribute stride limit
    CHECK(pointStride(1000000, 1.0, 0) == 1);         // budget 0: every point
}

TEST_CASE("layer points are sorted by month so a period is one contiguous range") {
    WardSet wards;
    IncidentTable t;
    const int months[] = {3, 1, 2, 1, 3, 2};
    for (int i = 0; i < 6; ++i) {
        t.x.push_back(i);
        t.y.push_back(0);
        t.month.push_back(makeMonth(2022, months[i]));
        t.ward.push_back(-1);
        t.line.push_back(static_cast<std::uint32_t>(i + 2));
        t.file.push_back(0);
        t.crime_type.push("Drugs");
    }
    auto g = buildMapGeometry(wards, t, defaultLayers());
    const auto& m = g.layer_months[0];
    CHECK(std::is_sorted(m.begin(), m.end()));
    // Stable within a month: incidents 1 and 3 are January, in file order.
    CHECK(g.layer_points[0][0] - g.layer_points[0][2] == doctest::Approx(-2.0f));
    const auto feb = monthRange(m, makeMonth(2022, 2), makeMonth(2022, 2));
    CHECK(feb.first == 2);
    CHECK(feb.count == 2);
    const auto all = monthRange(m, kNoMonth, kNoMonth);
    CHECK(all.count == 6);
    const auto none = monthRange(m, makeMonth(2023, 1), makeMonth(2023, 5));
    CHECK(none.count == 0);
    const auto upto = monthRange(m, kNoMonth, makeMonth(2022, 1));
    CHECK(upto.count == 2);
}

TEST_CASE("context layers become line segments and markers relative to the origin") {
    ContextLayer c;
    c.lines = {{Point(10, 10), Point(20, 10), Point(20, 30)}, {Point(0, 0), Point(1, 1)}};
    c.points = {Point(5, 6)};
    const auto v = contextVertices(c, Point(10, 10));
    // Three segments (two from the first line, one from the second), two ends each.
    REQUIRE(v.segments.size() == 3 * 2 * 2);
    CHECK(v.segments[0] == 0.0f);
    CHECK(v.segments[2] == 10.0f);
    CHECK(v.segments[6] == 10.0f);
    CHECK(v.segments[7] == 20.0f);
    CHECK(v.points == std::vector<float>{-5.0f, -4.0f});
    CHECK(boxWidth(c.bounds()) == 20.0);
    CHECK(boxHeight(c.bounds()) == 30.0);
}
