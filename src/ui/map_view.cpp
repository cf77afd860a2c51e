// Map interaction and overlays.
#include "ui/map_view.hpp"

#include "geo/crs_transform.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>

#include <cmath>
#include <cstdio>
#include <vector>

namespace sw::ui {
namespace {

ImU32 rgba(int r, int g, int b, int a = 255) {
    return IM_COL32(r, g, b, a);
}

void textWithHalo(ImDrawList* dl, ImVec2 p, ImU32 colour, const char* text) {
    for (int dx = -1; dx <= 1; ++dx)
        for (int dy = -1; dy <= 1; ++dy)
            if (dx || dy)
                dl->AddText(ImVec2(p.x + static_cast<float>(dx), p.y + static_cast<float>(dy)),
                            rgba(255, 255, 255, 220), text);
    dl->AddText(p, colour, text);
}

void drawScaleBar(ImDrawList* dl, const MapCamera& cam, ImVec2 at) {
    // A round length about 120 px long.
    const double target_m = cam.metresPerPixel() * 120.0;
    const double pow10 = std::pow(10.0, std::floor(std::log10(target_m)));
    double len_m = pow10;
    for (double f : {2.0, 5.0, 10.0})
        if (pow10 * f <= target_m)
            len_m = pow10 * f;
    const float px = static_cast<float>(len_m / cam.metresPerPixel());
    dl->AddRectFilled(ImVec2(at.x - 4, at.y - 18), ImVec2(at.x + px + 50, at.y + 8),
                      rgba(255, 255, 255, 200), 3);
    dl->AddLine(ImVec2(at.x, at.y), ImVec2(at.x + px, at.y), rgba(20, 20, 20), 3);
    dl->AddLine(ImVec2(at.x, at.y - 5), ImVec2(at.x, at.y + 3), rgba(20, 20, 20), 2);
    dl->AddLine(ImVec2(at.x + px, at.y - 5), ImVec2(at.x + px, at.y + 3), rgba(20, 20, 20), 2);
    char label[32];
    if (len_m >= 1000)
        std::snprintf(label, sizeof label, "%g km", len_m / 1000);
    else
        std::snprintf(label, sizeof label, "%g m", len_m);
    dl->AddText(ImVec2(at.x + px + 6, at.y - 8), rgba(20, 20, 20), label);
}

void drawNorthArrow(ImDrawList* dl, ImVec2 c) {
    dl->AddTriangleFilled(ImVec2(c.x, c.y - 16), ImVec2(c.x - 8, c.y + 8), ImVec2(c.x + 8, c.y + 8),
                          rgba(30, 30, 30, 230));
    dl->AddText(ImVec2(c.x - 4, c.y - 34), rgba(30, 30, 30), "N");
}

} // namespace

void handleMapInput(MapViewState& view, const Box& data_bounds) {
    ImGuiIO& io = ImGui::GetIO();
    view.camera.setViewport(io.DisplaySize.x, io.DisplaySize.y);
    if (view.fit_requested && !boxIsEmpty(data_bounds)) {
        view.camera.fit(data_bounds);
        view.fit_requested = false;
    }
    view.hover_world.reset();
    if (!io.WantCaptureMouse) {
        const Point mouse(io.MousePos.x, io.MousePos.y);
        if (io.MousePos.x > -1e6)
            view.hover_world = view.camera.screenToWorld(mouse);
        if (ImGui::IsMouseDragging(ImGuiMouseButton_Left, 0.0f))
            view.camera.panPixels(io.MouseDelta.x, io.MouseDelta.y);
        if (io.MouseWheel != 0.0f)
            view.camera.zoomAt(mouse, std::pow(1.2, static_cast<double>(io.MouseWheel)));
    }
    if (!io.WantCaptureKeyboard) {
        const Point centre(view.camera.width() / 2, view.camera.height() / 2);
        // ImGui 1.86 with the GLFW backend indexes keys by GLFW key code.
        if (ImGui::IsKeyPressed(GLFW_KEY_EQUAL) || ImGui::IsKeyPressed(GLFW_KEY_KP_ADD))
            view.camera.zoomAt(centre, 1.5);
        if (ImGui::IsKeyPressed(GLFW_KEY_MINUS) || ImGui::IsKeyPressed(GLFW_KEY_KP_SUBTRACT))
            view.camera.zoomAt(centre, 1 / 1.5);
        if (ImGui::IsKeyPressed(GLFW_KEY_F) || ImGui::IsKeyPressed(GLFW_KEY_HOME))
            view.fit_requested = true;
    }
}

void drawMapOverlays(const MapViewState& view, const Session& session, const MapGeometry& geometry,
                     const geo::CrsTransform* to_lonlat) {
    ImDrawList* dl = ImGui::GetBackgroundDrawList();
    const ImVec2 size = ImGui::GetIO().DisplaySize;
    const auto& wards = session.wards();
    // Ward labels, skipping any that would overlap one already placed.
    if (view.show_labels) {
        std::vector<ImVec4> placed;
        for (std::size_t w = 0; w < wards.size() && w < geometry.ward_label_anchors.size(); ++w) {
            const Point s = view.camera.worldToScreen(geometry.ward_label_anchors[w]);
            const char* name = wards.wards[w].name.c_str();
            const ImVec2 ts = ImGui::CalcTextSize(name);
            const ImVec4 r(
                static_cast<float>(s.x()) - ts.x / 2, static_cast<float>(s.y()) - ts.y / 2,
                static_cast<float>(s.x()) + ts.x / 2, static_cast<float>(s.y()) + ts.y / 2);
            if (r.z < 0 || r.x > size.x || r.w < 0 || r.y > size.y)
                continue;
            bool clash = false;
            for (const auto& p : placed)
                clash =
                    clash || !(r.z + 4 < p.x || r.x - 4 > p.z || r.w + 2 < p.y || r.y - 2 > p.w);
            if (clash)
                continue;
            placed.push_back(r);
            textWithHalo(dl, ImVec2(r.x, r.y), rgba(25, 25, 35), name);
        }
    }
    if (session.synthetic()) {
        const char* banner = "SYNTHETIC SAMPLE DATA - not real crime data";
        const ImVec2 ts = ImGui::CalcTextSize(banner);
        const ImVec2 p((size.x - ts.x) / 2, 8);
        dl->AddRectFilled(ImVec2(p.x - 10, p.y - 4), ImVec2(p.x + ts.x + 10, p.y + ts.y + 4),
                          rgba(200, 30, 30, 230), 4);
        dl->AddText(p, rgba(255, 255, 255), banner);
    }
    drawScaleBar(dl, view.camera, ImVec2(20, size.y - 24));
    drawNorthArrow(dl, ImVec2(size.x - 30, size.y - 80));
    const char* attribution =
        session.synthetic()
            ? "Synthetic sample generated by streetweek (police.uk format). Not real data."
            : "Contains police.uk data (OGL v3.0). Boundaries: OS data (c) Crown copyright and "
              "database right; ONS (c) Crown copyright.";
    const ImVec2 as = ImGui::CalcTextSize(attribution);
    dl->AddRectFilled(ImVec2(size.x - as.x - 12, size.y - as.y - 8), ImVec2(size.x, size.y),
                      rgba(255, 255, 255, 200));
    dl->AddText(ImVec2(size.x - as.x - 6, size.y - as.y - 4), rgba(40, 40, 40), attribution);
    if (view.hover_world) {
        char buf[160];
        double lon = view.hover_world->x(), lat = view.hover_world->y();
        if (to_lonlat)
            to_lonlat->transform(&lon, &lat, 1);
        std::snprintf(buf, sizeof buf, "E %.0f  N %.0f   (%.5f, %.5f)", view.hover_world->x(),
                      view.hover_world->y(), lat, lon);
        const ImVec2 ts = ImGui::CalcTextSize(buf);
        dl->AddRectFilled(ImVec2(size.x - ts.x - 12, size.y - as.y - ts.y - 14),
                          ImVec2(size.x, size.y - as.y - 8), rgba(255, 255, 255, 200));
        dl->AddText(ImVec2(size.x - ts.x - 6, size.y - as.y - ts.y - 11), rgba(40, 40, 40), buf);
    }
}

} // namespace sw::ui
