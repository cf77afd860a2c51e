// The target-area tools without a window, driven by the input a person's clicks and keys give:
// a polygon from clicks (Enter and double-click close), circle and rectangle, Esc, a bow-tie
// repaired by GEOS, a sliver refused, select and move, vertex drag, add and remove vertices,
// Delete, and undo/redo through the plan document (over 100 steps).
#include "core/area_shape_edit.hpp"
#include "test_support.hpp"
#include "ui/area_tools.hpp"
#include "ui/plan_workspace.hpp"

#include <doctest/doctest.h>

#include <cmath>

using namespace sw;
using ui::AreaTool;
using ui::AreaToolInput;

namespace {

AreaToolInput click(double x, double y) {
    AreaToolInput in;
    in.mouse = Point(x, y);
    in.pressed = true;
    in.down = true;
    return in;
}
AreaToolInput release(double x, double y) {
    AreaToolInput in;
    in.mouse = Point(x, y);
    in.released = true;
    return in;
}
AreaToolInput key(void (*set)(AreaToolInput&)) {
    AreaToolInput in;
    set(in);
    return in;
}
AreaToolInput pick(AreaTool t) {
    AreaToolInput in;
    in.pick = t;
    return in;
}
// A click is a press then a release the next frame.
ui::AreaToolFrame clickAt(ui::AreaToolState& s, PlanDocument& doc, double x, double y) {
    auto f = ui::handleAreaTools(s, doc, click(x, y));
    ui::handleAreaTools(s, doc, release(x, y));
    return f;
}

} // namespace

TEST_CASE("polygon tool: clicked vertices, Enter closes; the area is selected and one undo step") {
    PlanDocument doc;
    ui::AreaToolState s;
    ui::handleAreaTools(s, doc, pick(AreaTool::Polygon));
    CHECK(s.tool == AreaTool::Polygon);
    CHECK(clickAt(s, doc, 0, 0).mouse_used); // a drawing click never pans the map
    clickAt(s, doc, 100, 0);
    clickAt(s, doc, 100, 50);
    AreaToolInput hover;
    hover.mouse = Point(0, 50);
    const auto preview = ui::handleAreaTools(s, doc, hover);
    REQUIRE(preview.draft);
    CHECK(shapeArea(*preview.draft) == doctest::Approx(5000)); // to the cursor: 100 x 50
    clickAt(s, doc, 0, 50);
    const auto f = ui::handleAreaTools(s, doc, key([](AreaToolInput& i) { i.enter = true; }));
    REQUIRE(f.created);
    REQUIRE(doc.areas().size() == 1);
    const TargetArea& a = doc.areas()[0];
    CHECK(a.id == "A1");
    CHECK(a.name == "Area A1"); // no namer: the id
    CHECK(a.shape_kind == AreaShape::Drawn);
    CHECK(shapeArea(a.shape) == doctest::Approx(5000));
    CHECK(s.selected == "A1");
    CHECK(s.tool == AreaTool::Select);
    CHECK(doc.undoSteps() == 1);
    CHECK(doc.dirty());
}

TEST_CASE("double-click closes a polygon without adding its vertex twice; a namer names it") {
    PlanDocument doc;
    ui::AreaToolState s;
    s.tool = AreaTool::Polygon;
    clickAt(s, doc, 0, 0);
    clickAt(s, doc, 200, 0);
    clickAt(s, doc, 200, 200);
    auto dbl = click(200, 200);
    dbl.double_clicked = true;
    const auto f = ui::handleAreaTools(
        s, doc, dbl, [](const TargetArea& a) { return "Near High Street (" + a.id + ")"; });
    REQUIRE(f.created);
    const TargetArea& a = doc.areas().at(0);
    CHECK(a.name == "Near High Street (A1)");
    CHECK(a.shape[0].outer().size() == 4); // a triangle, closed
    CHECK(shapeArea(a.shape) == doctest::Approx(20000));
}

TEST_CASE("circle (centre, then edge) and rectangle (two corners); Esc cancels a drawing") {
    PlanDocument doc;
    ui::AreaToolState s;
    ui::handleAreaTools(s, doc, pick(AreaTool::Circle));
    clickAt(s, doc, 1000, 1000);
    clickAt(s, doc, 1300, 1000);
    REQUIRE(doc.areas().size() == 1);
    const TargetArea& c = doc.areas()[0];
    CHECK(c.shape_kind == AreaShape::Circle);
    CHECK(c.radius_m == doctest::Approx(300));
    CHECK(shapeArea(c.shape) == doctest::Approx(M_PI * 300 * 300).epsilon(0.002));

    ui::handleAreaTools(s, doc, pick(AreaTool::Rectangle));
    clickAt(s, doc, 0, 0);
    ui::handleAreaTools(s, doc, key([](AreaToolInput& i) { i.escape = true; }));
    CHECK(s.draft.empty());
    CHECK(s.tool == AreaTool::Rectangle); // the first Esc drops the corner, the tool stays
    clickAt(s, doc, 0, 0);
    clickAt(s, doc, 400, -250);
    REQUIRE(doc.areas().size() == 2);
    CHECK(doc.areas()[1].shape_kind == AreaShape::Rectangle);
    CHECK(shapeArea(doc.areas()[1].shape) == doctest::Approx(100000));
    ui::handleAreaTools(s, doc, key([](AreaToolInput& i) { i.escape = true; }));
    CHECK(s.selected.empty()); // Select tool, no drawing: Esc clears the selection
}

TEST_CASE("a self-intersecting polygon is repaired with GEOS and the repair said; a sliver is "
          "refused") {
    PlanDocument doc;
    ui::AreaToolState s;
    s.tool = AreaTool::Polygon;
    // A bow-tie: (0,0) (100,100) (100,0) (0,100) crosses itself at (50,50).
    for (auto [x, y] : {std::pair{0, 0}, {100, 100}, {100, 0}, {0, 100}})
        clickAt(s, doc, x, y);
    ui::handleAreaTools(s, doc, key([](AreaToolInput& i) { i.enter = true; }));
    REQUIRE(doc.areas().size() == 1);
    CHECK(s.message.find("repaired") != std::string::npos);
    CHECK(s.message.find("Self-intersection") != std::string::npos);
    CHECK(shapeArea(doc.areas()[0].shape) == doctest::Approx(5000)); // two triangles of 2,500
    CHECK(bg::is_valid(doc.areas()[0].shape));

    s.tool = AreaTool::Polygon;
    for (auto [x, y] : {std::pair{0.0, 0.0}, {500.0, 0.0}, {500.0, 0.1}}) // 25 m2
        clickAt(s, doc, x, y);
    ui::handleAreaTools(s, doc, key([](AreaToolInput& i) { i.enter = true; }));
    CHECK(doc.areas().size() == 1);
    CHECK(s.message.find("smaller than 100 m2: not added") != std::string::npos);
    // Enter with two vertices says what is missing and keeps drawing.
    s.tool = AreaTool::Polygon;
    clickAt(s, doc, 0, 0);
    clickAt(s, doc, 300, 0);
    ui::handleAreaTools(s, doc, key([](AreaToolInput& i) { i.enter = true; }));
    CHECK(s.message.find("at least three vertices") != std::string::npos);
    CHECK(s.draft.size() == 2);
    CHECK(s.tool == AreaTool::Polygon);
}

TEST_CASE("select and drag moves an area; a handle reshapes it; each drag is one undo step") {
    PlanDocument doc;
    TargetArea sq;
    sq.shape = rectangleShape(Point(0, 0), Point(100, 100));
    doc.add(sq);
    ui::AreaToolState s;
    // Press inside, drag, release: moved by (50, 20), one step.
    CHECK(ui::handleAreaTools(s, doc, click(50, 50)).mouse_used);
    CHECK(s.selected == "A1");
    for (double t : {0.25, 0.5, 1.0}) {
        AreaToolInput drag;
        drag.mouse = Point(50 + 50 * t, 50 + 20 * t);
        drag.down = true;
        ui::handleAreaTools(s, doc, drag);
    }
    ui::handleAreaTools(s, doc, release(100, 70));
    Box b;
    bg::envelope(doc.areas()[0].shape, b);
    CHECK(b.min_corner().x() == doctest::Approx(50));
    CHECK(b.min_corner().y() == doctest::Approx(20));
    CHECK(doc.undoSteps() == 2); // the add and the whole drag
    // Drag the vertex at (150, 120) to (200, 200).
    ui::handleAreaTools(s, doc, click(151, 119));
    AreaToolInput drag;
    drag.mouse = Point(200, 200);
    drag.down = true;
    ui::handleAreaTools(s, doc, drag);
    ui::handleAreaTools(s, doc, release(200, 200));
    CHECK(doc.undoSteps() == 3);
    bool moved = false;
    for (const auto& v : doc.areas()[0].shape[0].outer())
        moved = moved || (v.x() == doctest::Approx(200) && v.y() == doctest::Approx(200));
    CHECK(moved);
    CHECK(doc.undo());
    bg::envelope(doc.areas()[0].shape, b);
    CHECK(b.max_corner().x() == doctest::Approx(150)); // back to the moved square
    // A press on empty map deselects and leaves the mouse to the map (pan).
    CHECK_FALSE(ui::handleAreaTools(s, doc, click(5000, 5000)).mouse_used);
    CHECK(s.selected.empty());
}

TEST_CASE("double-click on an edge adds a vertex, right-click removes one, Delete removes the "
          "area, undo brings each back") {
    PlanDocument doc;
    TargetArea sq;
    sq.shape = rectangleShape(Point(0, 0), Point(100, 100));
    doc.add(sq);
    ui::AreaToolState s;
    s.selected = "A1";
    auto dbl = click(50, 0.5);
    dbl.pick_m = 2;
    dbl.double_clicked = true;
    ui::handleAreaTools(s, doc, dbl);
    ui::handleAreaTools(s, doc, release(50, 0.5));
    CHECK(doc.areas()[0].shape[0].outer().size() == 6); // five vertices, closed
    AreaToolInput right;
    right.mouse = Point(100, 100);
    right.right_clicked = true;
    ui::handleAreaTools(s, doc, right);
    CHECK(doc.areas()[0].shape[0].outer().size() == 5);
    ui::handleAreaTools(s, doc, key([](AreaToolInput& i) { i.del = true; }));
    CHECK(doc.areas().empty());
    CHECK(s.selected.empty());
    ui::handleAreaTools(s, doc, key([](AreaToolInput& i) { i.undo = true; }));
    REQUIRE(doc.areas().size() == 1);
    CHECK(doc.areas()[0].shape[0].outer().size() == 5);
    ui::handleAreaTools(s, doc, key([](AreaToolInput& i) { i.redo = true; }));
    CHECK(doc.areas().empty());
}

TEST_CASE("undo and redo hold at least 100 steps") {
    PlanDocument doc;
    TargetArea a;
    a.shape = rectangleShape(Point(0, 0), Point(10, 10));
    doc.add(a);
    for (int i = 1; i <= 150; ++i) {
        TargetArea moved = movedArea(doc.areas()[0], 1, 0);
        moved.name = "step " + std::to_string(i);
        doc.update(moved);
    }
    CHECK(doc.areas()[0].name == "step 150");
    for (int i = 0; i < 120; ++i)
        REQUIRE(doc.undo());
    CHECK(doc.areas()[0].name == "step 30");
    Box b;
    bg::envelope(doc.areas()[0].shape, b);
    CHECK(b.min_corner().x() == doctest::Approx(30));
    for (int i = 0; i < 120; ++i)
        REQUIRE(doc.redo());
    CHECK(doc.areas()[0].name == "step 150");
    CHECK_FALSE(doc.redo());
    // A new edit after an undo drops the redo steps.
    doc.undo();
    doc.remove("A1");
    CHECK(doc.redoSteps() == 0);
}

TEST_CASE("dragging a polygon's first vertex moves it without leaving the old corner behind") {
    TargetArea a;
    a.shape = polygonFromVertices({Point(0, 0), Point(100, 0), Point(100, 100), Point(0, 100)});
    const auto handles = shapeHandles(a);
    REQUIRE(handles.size() == 4);
    for (const auto& h : handles) {
        const TargetArea moved = withHandleAt(a, h, Point(h.at.x() - 30, h.at.y() - 30));
        const auto& ring = moved.shape[0].outer();
        CHECK(ring.size() == 5); // still four vertices, closed
        CHECK(bg::equals(ring.front(), ring.back()));
        bool old_left = false;
        for (const auto& v : ring)
            old_left = old_left || bg::equals(v, h.at);
        CHECK_FALSE(old_left);
        bool moved_to = false;
        for (const auto& v : ring)
            moved_to = moved_to || bg::equals(v, Point(h.at.x() - 30, h.at.y() - 30));
        CHECK(moved_to);
    }
}

TEST_CASE("a click that selects without moving is no edit; Esc during a drag is ignored") {
    PlanDocument doc;
    TargetArea sq;
    sq.shape = rectangleShape(Point(0, 0), Point(100, 100));
    doc.add(sq);
    doc.setPath("unused.gpkg");
    const auto rev = doc.revision();
    const std::size_t steps = doc.undoSteps();
    ui::AreaToolState s;
    ui::handleAreaTools(s, doc, click(50, 50));
    ui::handleAreaTools(s, doc, release(50, 50));
    CHECK(s.selected == "A1");
    CHECK(doc.revision() == rev);
    CHECK(doc.undoSteps() == steps);
    // Drag a vertex into a bow-tie, press Esc on the way, release: still checked and repaired.
    ui::handleAreaTools(s, doc, click(100, 100));
    AreaToolInput drag;
    drag.mouse = Point(-50, 50);
    drag.down = true;
    drag.escape = true;
    ui::handleAreaTools(s, doc, drag);
    CHECK(s.selected == "A1");
    ui::handleAreaTools(s, doc, release(-50, 50));
    CHECK(bg::is_valid(doc.areas()[0].shape));
    CHECK(s.message.find("repaired") != std::string::npos);
}

TEST_CASE("a new plan's name overwrites nothing, and an unsaved plan's autosave is offered") {
    test::TempDir dir;
    const std::string dirname = dir.path().string();
    CHECK(ui::freePlanName(dirname) == dir.file("streetweek_plan.gpkg"));
    test::writeFile(dir.file("streetweek_plan.gpkg"), "a plan the user saved");
    CHECK(ui::freePlanName(dirname) == dir.file("streetweek_plan_2.gpkg"));
    // The last session drew areas in streetweek_plan_2.gpkg and quit without saving.
    PlanDocument unsaved(dir.file("streetweek_plan_2.gpkg"));
    TargetArea a;
    a.shape = rectangleShape(Point(0, 0), Point(100, 100));
    unsaved.add(a);
    REQUIRE(unsaved.autosave("EPSG:27700").ok());
    const std::string next = ui::freePlanName(dirname);
    CHECK(next == dir.file("streetweek_plan_2.gpkg"));
    ui::PlanWorkspace ws;
    REQUIRE(ws.open(next).ok());
    CHECK(ws.panel().offer_recovery);
    CHECK(test::readFile(dir.file("streetweek_plan.gpkg")) == "a plan the user saved");
}
