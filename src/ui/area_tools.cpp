// Drawing and editing target areas.
#include "ui/area_tools.hpp"

#include "geo/polygon_repair.hpp"

#include <cmath>

namespace sw::ui {
namespace {

constexpr double kMinAreaM2 = 100;
constexpr double kMinRadiusM = 20;

double distance(const Point& a, const Point& b) {
    return std::hypot(a.x() - b.x(), a.y() - b.y());
}

// The shape the current tool would make with the cursor at `p`.
std::optional<MultiPolygon> draftShape(const AreaToolState& s, const std::optional<Point>& p) {
    if (s.draft.empty() || !p)
        return std::nullopt;
    switch (s.tool) {
    case AreaTool::Circle:
        return circleShape(s.draft[0], std::max(kMinRadiusM, distance(s.draft[0], *p)));
    case AreaTool::Rectangle:
        return rectangleShape(s.draft[0], *p);
    case AreaTool::Polygon: {
        auto v = s.draft;
        v.push_back(*p);
        auto shape = polygonFromVertices(v);
        if (shape.empty())
            return std::nullopt;
        return shape;
    }
    case AreaTool::Select:
        break;
    }
    return std::nullopt;
}

void finish(AreaToolState& s, PlanDocument& doc, TargetArea area, const AreaNamer& namer,
            AreaToolFrame& out) {
    s.draft.clear();
    s.message.clear();
    auto shape = acceptableShape(area.shape, s.message);
    if (!shape)
        return;
    if (!s.message.empty())
        area.shape_kind = AreaShape::Drawn; // a repaired circle or rectangle is neither
    area.shape = std::move(*shape);
    area.id = nextAreaId(doc.areas());
    if (namer)
        area.name = namer(area);
    if (area.name.empty())
        area.name = "Area " + area.id;
    const std::string id = doc.add(std::move(area));
    s.selected = id;
    s.tool = AreaTool::Select;
    out.created = id;
}

void drawingClick(AreaToolState& s, PlanDocument& doc, const AreaToolInput& in,
                  const AreaNamer& namer, AreaToolFrame& out) {
    const Point p = *in.mouse;
    TargetArea area;
    switch (s.tool) {
    case AreaTool::Polygon:
        if (in.double_clicked) { // its first click already placed this vertex
            area.shape = polygonFromVertices(s.draft);
            if (area.shape.empty()) {
                s.message = "A polygon needs at least three vertices";
                return;
            }
            return finish(s, doc, std::move(area), namer, out);
        }
        s.draft.push_back(p);
        return;
    case AreaTool::Circle:
        if (s.draft.empty()) {
            s.draft.push_back(p);
            return;
        }
        area.shape_kind = AreaShape::Circle;
        area.centre = s.draft[0];
        area.radius_m = std::max(kMinRadiusM, distance(s.draft[0], p));
        area.shape = circleShape(area.centre, area.radius_m);
        return finish(s, doc, std::move(area), namer, out);
    case AreaTool::Rectangle:
        if (s.draft.empty()) {
            s.draft.push_back(p);
            return;
        }
        area.shape_kind = AreaShape::Rectangle;
        area.shape = rectangleShape(s.draft[0], p);
        return finish(s, doc, std::move(area), namer, out);
    case AreaTool::Select:
        break;
    }
}

// The topmost area under the cursor (the last drawn).
const TargetArea* areaAt(const PlanDocument& doc, const Point& p) {
    const auto& areas = doc.areas();
    for (auto it = areas.rbegin(); it != areas.rend(); ++it)
        if (areaContains(*it, p))
            return &*it;
    return nullptr;
}

void selectPress(AreaToolState& s, PlanDocument& doc, const AreaToolInput& in, AreaToolFrame& out) {
    const Point p = *in.mouse;
    if (const TargetArea* sel = doc.find(s.selected)) {
        if (in.double_clicked)
            if (auto added = withVertexAdded(*sel, p, in.pick_m)) {
                doc.update(*added);
                out.mouse_used = true;
                return;
            }
        if (auto h = handleNear(*sel, p, in.pick_m)) {
            s.drag = AreaToolState::Drag::Handle;
            s.handle = *h;
            s.drag_start = *sel;
            s.drag_from = p;
            doc.beginGesture();
            out.mouse_used = true;
            return;
        }
    }
    if (const TargetArea* hit = areaAt(doc, p)) {
        s.selected = hit->id;
        s.drag = AreaToolState::Drag::Move;
        s.drag_start = *hit;
        s.drag_from = p;
        doc.beginGesture();
        out.mouse_used = true;
        return;
    }
    s.selected.clear(); // a press on the map: pan
}

void dragOrRelease(AreaToolState& s, PlanDocument& doc, const AreaToolInput& in,
                   AreaToolFrame& out) {
    if (s.drag == AreaToolState::Drag::None)
        return;
    out.mouse_used = true;
    if (in.mouse && in.down) {
        const Point p = *in.mouse;
        doc.live(s.drag == AreaToolState::Drag::Move
                     ? movedArea(s.drag_start, p.x() - s.drag_from.x(), p.y() - s.drag_from.y())
                     : withHandleAt(s.drag_start, s.handle, p, kMinRadiusM));
    }
    if (!in.down || in.released) {
        s.drag = AreaToolState::Drag::None;
        if (const TargetArea* a = doc.find(s.drag_start.id)) {
            std::string message;
            auto shape = acceptableShape(a->shape, message);
            if (!shape) {
                doc.live(s.drag_start); // refused: back where it was
                s.message = message + "; the change was undone";
            } else if (!message.empty()) {
                TargetArea fixed = *a;
                fixed.shape = std::move(*shape);
                fixed.shape_kind = AreaShape::Drawn;
                doc.live(fixed);
                s.message = message;
            }
        }
        doc.endGesture();
    }
}

} // namespace

const char* toolName(AreaTool t) {
    switch (t) {
    case AreaTool::Select:
        return "Select";
    case AreaTool::Polygon:
        return "Polygon";
    case AreaTool::Circle:
        return "Circle";
    case AreaTool::Rectangle:
        return "Rectangle";
    }
    return "";
}

std::optional<MultiPolygon> acceptableShape(const MultiPolygon& shape, std::string& message) {
    message.clear();
    auto repaired = geo::repairPolygon(shape);
    if (repaired.was_invalid)
        message = "The shape crossed itself (" + repaired.reason + "): repaired with GEOS";
    const double area = shapeArea(repaired.shape);
    if (repaired.shape.empty() || area < kMinAreaM2) {
        message = (repaired.was_invalid ? "The shape crossed itself and nothing usable was left"
                                        : "The shape is smaller than 100 m2") +
                  std::string(": not added");
        return std::nullopt;
    }
    return std::move(repaired.shape);
}

AreaToolFrame handleAreaTools(AreaToolState& s, PlanDocument& doc, const AreaToolInput& in,
                              const AreaNamer& namer) {
    AreaToolFrame out;
    if (in.pick && s.drag == AreaToolState::Drag::None) {
        s.tool = *in.pick;
        s.draft.clear();
    }
    if (in.escape && s.drag == AreaToolState::Drag::None) { // a drag ends with the button
        if (!s.draft.empty())
            s.draft.clear();
        else if (s.tool != AreaTool::Select)
            s.tool = AreaTool::Select;
        else
            s.selected.clear();
    }
    if (s.drag == AreaToolState::Drag::None) {
        if (in.undo)
            doc.undo();
        if (in.redo)
            doc.redo();
        if (in.del && s.tool != AreaTool::Select && !s.draft.empty())
            s.draft.pop_back(); // Delete or Backspace while drawing: the last vertex
        else if (in.del && !s.selected.empty() && doc.remove(s.selected))
            s.selected.clear();
        if (!doc.find(s.selected))
            s.selected.clear();
    }
    if (s.tool == AreaTool::Polygon && in.enter) {
        TargetArea area;
        area.shape = polygonFromVertices(s.draft);
        if (area.shape.empty())
            s.message = "A polygon needs at least three vertices: click more, or Esc";
        else
            finish(s, doc, std::move(area), namer, out);
    }
    if (s.tool != AreaTool::Select) {
        if (in.mouse && in.pressed) {
            drawingClick(s, doc, in, namer, out);
            out.mouse_used = true;
        }
        out.mouse_used = out.mouse_used || in.down;
        out.draft = draftShape(s, in.mouse);
        out.draft_vertices = s.draft;
        return out;
    }
    if (in.mouse && in.right_clicked)
        if (const TargetArea* sel = doc.find(s.selected))
            if (auto h = handleNear(*sel, *in.mouse, in.pick_m))
                if (auto removed = withVertexRemoved(*sel, *h)) {
                    doc.update(*removed);
                    out.mouse_used = true;
                }
    if (in.mouse && in.pressed && s.drag == AreaToolState::Drag::None)
        selectPress(s, doc, in, out);
    dragOrRelease(s, doc, in, out);
    return out;
}

} // namespace sw::ui
