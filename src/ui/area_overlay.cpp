// Target areas over the map.
#include "ui/area_overlay.hpp"

#include "core/colour_ramps.hpp"
#include "geo/triangulate.hpp"

#include <imgui.h>

namespace sw::ui {
namespace {

ImU32 statusColour(const TargetArea& a, int alpha) {
    const Rgba c = areaStatusColour(a);
    return IM_COL32(c.r, c.g, c.b, alpha);
}

ImVec2 screen(const MapCamera& camera, const Point& p) {
    const Point s = camera.worldToScreen(p);
    return ImVec2(static_cast<float>(s.x()), static_cast<float>(s.y()));
}

void outline(ImDrawList* dl, const MapCamera& camera, const MultiPolygon& shape, ImU32 colour,
             float width) {
    std::vector<ImVec2> pts;
    for (const auto& poly : shape) {
        pts.clear();
        for (const auto& v : poly.outer())
            pts.push_back(screen(camera, v));
        dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), colour, ImDrawFlags_Closed,
                        width);
        for (const auto& hole : poly.inners()) {
            pts.clear();
            for (const auto& v : hole)
                pts.push_back(screen(camera, v));
            dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), colour, ImDrawFlags_Closed,
                            width);
        }
    }
}

void dashedOutline(ImDrawList* dl, const MapCamera& camera, const MultiPolygon& shape,
                   ImU32 colour) {
    for (const auto& poly : shape) {
        const auto& r = poly.outer();
        for (std::size_t i = 0; i + 1 < r.size(); i += 2)
            dl->AddLine(screen(camera, r[i]), screen(camera, r[i + 1]), colour, 2.5f);
    }
}

void fill(ImDrawList* dl, const MapCamera& camera, const std::vector<Point>& tris, ImU32 colour) {
    const ImDrawListFlags flags = dl->Flags;
    dl->Flags &= ~ImDrawListFlags_AntiAliasedFill; // no seams between the triangles
    for (std::size_t i = 0; i + 2 < tris.size(); i += 3)
        dl->AddTriangleFilled(screen(camera, tris[i]), screen(camera, tris[i + 1]),
                              screen(camera, tris[i + 2]), colour);
    dl->Flags = flags;
}

void label(ImDrawList* dl, ImVec2 at, const std::string& text, ImU32 colour) {
    const ImVec2 ts = ImGui::CalcTextSize(text.c_str());
    const ImVec2 p(at.x - ts.x / 2, at.y - ts.y / 2);
    dl->AddRectFilled(ImVec2(p.x - 3, p.y - 1), ImVec2(p.x + ts.x + 3, p.y + ts.y + 1),
                      IM_COL32(255, 255, 255, 210), 3);
    dl->AddText(p, colour, text.c_str());
}

ImVec2 centreOf(const MapCamera& camera, const MultiPolygon& shape) {
    Point c(0, 0);
    bg::centroid(shape, c);
    return screen(camera, c);
}

void draftOverlay(ImDrawList* dl, const MapCamera& camera, const AreaToolFrame& frame) {
    const ImU32 ink = IM_COL32(200, 0, 120, 255);
    if (frame.draft) {
        outline(dl, camera, *frame.draft, ink, 2.0f);
    }
    for (const auto& v : frame.draft_vertices)
        dl->AddCircleFilled(screen(camera, v), 4, ink);
}

} // namespace

void drawTargetAreas(const MapCamera& camera, const AreaOverlay& o, AreaFillCache& cache) {
    ImDrawList* dl = ImGui::GetBackgroundDrawList();
    const auto& areas = o.doc.areas();
    if (cache.revision != o.doc.revision() || cache.triangles.size() != areas.size()) {
        cache.triangles.clear();
        for (const auto& a : areas)
            cache.triangles.push_back(geo::triangulate(a.shape));
        cache.revision = o.doc.revision();
    }
    for (std::size_t i = 0; i < areas.size(); ++i) {
        const TargetArea& a = areas[i];
        const bool selected = a.id == o.tools.selected;
        fill(dl, camera, cache.triangles[i], statusColour(a, selected ? 90 : 55));
        outline(dl, camera, a.shape, statusColour(a, 255), selected ? 3.5f : 2.0f);
    }
    if (o.suggestion)
        for (const auto& s : o.suggestion->areas) {
            dashedOutline(dl, camera, s.area.shape, IM_COL32(120, 0, 160, 255));
            label(dl, centreOf(camera, s.area.shape), "? " + s.area.name,
                  IM_COL32(120, 0, 160, 255));
        }
    for (const auto& a : areas)
        label(dl, centreOf(camera, a.shape), a.id + " " + a.name, statusColour(a, 255));
    if (const TargetArea* sel = o.doc.find(o.tools.selected))
        for (const auto& h : shapeHandles(*sel)) {
            const ImVec2 p = screen(camera, h.at);
            dl->AddRectFilled(ImVec2(p.x - 5, p.y - 5), ImVec2(p.x + 5, p.y + 5),
                              IM_COL32(255, 255, 255, 255));
            dl->AddRect(ImVec2(p.x - 5, p.y - 5), ImVec2(p.x + 5, p.y + 5),
                        IM_COL32(20, 20, 30, 255), 0, 0, 1.5f);
        }
    draftOverlay(dl, camera, o.frame);
}

} // namespace sw::ui
