// The map's drawing tools for target areas, as plain logic over one frame's input (no ImGui,
// so tests drive it): polygon (click vertices; double-click or Enter closes), circle (centre,
// then radius), rectangle (two corners); in Select, press an area to select and drag it, drag
// a handle to reshape, double-click an edge to add a vertex, right-click a vertex to remove
// it. Esc cancels the drawing (then the tool, then the selection), Delete removes the selected
// area, Ctrl+Z / Ctrl+Y undo and redo. Every edit goes through the PlanDocument (undo steps);
// a self-intersecting shape is repaired with GEOS and the repair said, or refused.
#pragma once

#include "core/area_shape_edit.hpp"
#include "session/plan_document.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace sw::ui {

enum class AreaTool { Select, Polygon, Circle, Rectangle };
const char* toolName(AreaTool t);

struct AreaToolInput {
    std::optional<Point> mouse; // working-CRS metres, when the cursor is over the map
    bool pressed = false;       // left button went down this frame
    bool double_clicked = false;
    bool down = false; // left button held
    bool released = false;
    bool right_clicked = false;
    bool enter = false, escape = false, del = false, undo = false, redo = false;
    std::optional<AreaTool> pick; // P, C or R
    double pick_m = 10;           // how near a handle or edge counts (a few pixels)
};

struct AreaToolState {
    AreaTool tool = AreaTool::Select;
    std::vector<Point> draft; // vertices so far (circle: the centre; rectangle: a corner)
    std::string selected;     // area id ("" none)
    enum class Drag { None, Move, Handle } drag = Drag::None;
    ShapeHandle handle;
    Point drag_from{0, 0};
    TargetArea drag_start;
    std::string message; // the last repair or refusal, for the Plan panel
};

struct AreaToolFrame {
    bool mouse_used = false;            // the map must not pan with this press or drag
    std::optional<MultiPolygon> draft;  // the shape being drawn, to the cursor
    std::vector<Point> draft_vertices;  // clicked so far
    std::optional<std::string> created; // the id of an area finished this frame
};

// Names a new area (from its statistics, e.g. its busiest street); may be empty.
using AreaNamer = std::function<std::string(const TargetArea&)>;

AreaToolFrame handleAreaTools(AreaToolState& state, PlanDocument& doc, const AreaToolInput& in,
                              const AreaNamer& namer = {});

// Checks a finished shape: repaired with GEOS when it crosses itself (the repair said in
// `message`), refused (nullopt, the reason in `message`) when nothing of it is left or it is
// smaller than 100 m2.
std::optional<MultiPolygon> acceptableShape(const MultiPolygon& shape, std::string& message);

} // namespace sw::ui
