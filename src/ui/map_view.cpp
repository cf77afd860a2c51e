// Map interaction and overlays.
#include "ui/map_view.hpp"

#include "geo/crs_transform.hpp"

#include <imgui.h>

#include "core/hotspots.hpp"
#include "core/label_placement.hpp"
#include "core/text.hpp"
#include "session/source_names.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
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

void drawScaleBar(ImDrawList* dl, double metres_per_px, ImVec2 at) {
    // A round length about 120 px long.
    const double target_m = metres_per_px * 120.0;
    const double pow10 = std::pow(10.0, std::floor(std::log10(target_m)));
    double len_m = pow10;
    for (double f : {2.0, 5.0, 10.0})
        if (pow10 * f <= target_m)
            len_m = pow10 * f;
    const float px = static_cast<float>(len_m / metres_per_px);
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

void swatch(ImDrawList* dl, ImVec2 p, Rgba c, bool disc = false) {
    const ImU32 col = rgba(c.r, c.g, c.b, 255);
    if (disc)
        dl->AddCircleFilled(ImVec2(p.x + 7, p.y + 7), 5, col);
    else
        dl->AddRectFilled(p, ImVec2(p.x + 14, p.y + 14), col);
    if (!disc)
        dl->AddRect(p, ImVec2(p.x + 14, p.y + 14), rgba(60, 60, 70, 200));
}

// The legend for every visible layer: points, density ramp, hotspots, choropleth classes.
// Returns the box it covers (x0, y0, x1, y1), empty when there is nothing to show.
LabelBox drawLegend(ImDrawList* dl, ImVec2 at, const Session& session, const MapOverlayInfo& info) {
    const float line = ImGui::GetTextLineHeightWithSpacing() + 2;
    std::vector<std::pair<std::string, std::function<void(ImVec2)>>> rows;
    const MapUiState* ui = info.ui;
    const auto& layers = session.layers();
    for (std::size_t i = 0; i < layers.size(); ++i) {
        if (!layers[i].visible)
            continue;
        const std::size_t n = i < info.layer_counts.size() ? info.layer_counts[i] : 0;
        const Rgba c = layers[i].colour;
        rows.emplace_back(layers[i].name + " (" + std::to_string(n) + ")",
                          [dl, c](ImVec2 p) { swatch(dl, p, c, true); });
    }
    for (const auto& c : session.contextLayers()) {
        if (!c.visible)
            continue;
        const Rgba col = c.colour;
        const bool markers = !c.points.empty(), lines = !c.lines.empty();
        rows.emplace_back(
            c.name + " (" + std::to_string(c.report.rows_kept) + ")",
            [dl, col, markers, lines](ImVec2 p) {
                const ImU32 ink = rgba(col.r, col.g, col.b);
                if (lines)
                    dl->AddLine(ImVec2(p.x, p.y + 10), ImVec2(p.x + 14, p.y + 4), ink, 2);
                if (markers) {
                    dl->AddRectFilled(ImVec2(p.x + 2, p.y + 2), ImVec2(p.x + 12, p.y + 12),
                                      rgba(255, 255, 255));
                    dl->AddRectFilled(ImVec2(p.x + 4, p.y + 4), ImVec2(p.x + 10, p.y + 10), ink);
                }
            });
    }
    if (const MapAnalysis* an = info.analysis;
        ui && ui->points_visible && an && an->hotspots.outside_study_area > 0)
        rows.emplace_back((ui->show_outside ? "(" : "(hidden: ") +
                              std::to_string(an->hotspots.outside_study_area) +
                              " outside the study area, not counted" +
                              (ui->show_outside ? ", dimmed)" : ")"),
                          nullptr);
    if (info.point_stride > 1 && ui && ui->points_visible)
        rows.emplace_back("(1 in " + std::to_string(info.point_stride) +
                              " points drawn at this zoom; zoom in for all)",
                          nullptr);
    const MapAnalysis* a = info.analysis;
    float min_width = 0;
    if (ui && a && ui->density.visible && !a->hotspots.density.empty_input) {
        const Ramp ramp = ui->density.ramp;
        rows.emplace_back(a->params.hotspots.density.kde.units == DensityUnits::Density
                              ? "Density, incidents per km2"
                              : "Density (raw kernel sums)",
                          nullptr);
        // The ramp across the legend with its low, middle and high values under it.
        constexpr float kRampWidth = 160;
        min_width = kRampWidth + 10;
        rows.emplace_back("", [dl, ramp](ImVec2 p) {
            for (int k = 0; k < static_cast<int>(kRampWidth); ++k) {
                const Rgba c = sampleRamp(ramp, static_cast<double>(k) / (kRampWidth - 1));
                dl->AddRectFilled(ImVec2(p.x + static_cast<float>(k), p.y + 2),
                                  ImVec2(p.x + static_cast<float>(k) + 1, p.y + 14),
                                  rgba(c.r, c.g, c.b));
            }
        });
        const std::string lo = legendNumber(ui->density.min), hi = legendNumber(ui->density.max),
                          mid = legendNumber((ui->density.min + ui->density.max) / 2);
        rows.emplace_back("", [dl, lo, mid, hi](ImVec2 p) {
            const ImU32 ink = rgba(25, 25, 35);
            dl->AddText(ImVec2(p.x, p.y - 2), ink, lo.c_str());
            const float mw = ImGui::CalcTextSize(mid.c_str()).x;
            dl->AddText(ImVec2(p.x + kRampWidth / 2 - mw / 2, p.y - 2), ink, mid.c_str());
            const float hw = ImGui::CalcTextSize(hi.c_str()).x;
            dl->AddText(ImVec2(p.x + kRampWidth - hw, p.y - 2), ink, hi.c_str());
        });
    }
    if (ui && a && ui->hotspots_visible && !a->hotspots.hotspots.empty()) {
        char label[128];
        std::snprintf(label, sizeof label, "Hotspots: %zu (%s)", a->hotspots.hotspots.size(),
                      a->params.hotspots.threshold.describe().c_str());
        rows.emplace_back(label, [dl](ImVec2 p) {
            dl->AddRect(p, ImVec2(p.x + 14, p.y + 14), rgba(150, 0, 40), 0, 0, 2);
        });
    }
    if (ui && a && ui->gistar_visible && a->gistar) {
        const GiStarResult& g = *a->gistar;
        int bins[7] = {0};
        for (std::size_t i = 0; i < g.bin.size(); ++i)
            if (g.in_study.empty() || g.in_study[i])
                ++bins[g.bin[i] + 3];
        char title[128];
        std::snprintf(title, sizeof title, "Gi* (%g m cells, %g m%s)", g.cell_size_m, g.distance_m,
                      a->params.gistar && a->params.gistar->fdr ? ", FDR" : "");
        rows.emplace_back(title, nullptr);
        for (int bin : {3, 2, 1, -1, -2, -3}) {
            if (bins[bin + 3] == 0)
                continue;
            const Rgba c = giBinColour(bin);
            rows.emplace_back(std::string(giBinLabel(bin)) + " (" + std::to_string(bins[bin + 3]) +
                                  " cells)",
                              [dl, c](ImVec2 p) { swatch(dl, p, c); });
        }
        if (bins[0] + bins[1] + bins[2] + bins[4] + bins[5] + bins[6] == 0)
            rows.emplace_back("No significant hot or cold spots", nullptr);
    }
    if (info.breaks.size() > 0) {
        rows.emplace_back(info.choropleth_title, nullptr);
        for (std::size_t k = 0; k < info.breaks.size(); ++k) {
            char label[96];
            std::snprintf(label, sizeof label, "%.4g - %.4g", info.breaks.lower[k],
                          info.breaks.upper[k]);
            const Rgba c = info.class_colours[k];
            rows.emplace_back(label, [dl, c](ImVec2 p) { swatch(dl, p, c); });
        }
    }
    if (rows.empty())
        return {};
    float width = min_width;
    for (const auto& r : rows)
        width = std::max(width, ImGui::CalcTextSize(r.first.c_str()).x);
    const float h = line * static_cast<float>(rows.size()) + 8;
    const ImVec2 top(at.x, at.y - h);
    dl->AddRectFilled(ImVec2(top.x - 6, top.y - 4), ImVec2(top.x + width + 30, at.y),
                      rgba(255, 255, 255, 215), 4);
    float y = top.y;
    for (const auto& [text, draw] : rows) {
        if (draw)
            draw(ImVec2(top.x, y + 1));
        dl->AddText(ImVec2(top.x + (draw ? 20.0f : 0.0f), y), rgba(25, 25, 35), text.c_str());
        y += line;
    }
    return {top.x - 6, top.y - 4, top.x + width + 30, at.y};
}

// Ward name, its counts in the period for the shown layers, and the density under the cursor.
void drawTooltip(const MapViewState& view, const Session& session, const MapOverlayInfo& info) {
    if (!view.hover_world || info.drawing || ImGui::IsMouseDragging(ImGuiMouseButton_Left))
        return;
    const Point p = *view.hover_world;
    const std::int32_t w = session.wardAt(p);
    double density = 0;
    bool have_density = false;
    if (info.analysis) {
        const Grid& g = info.analysis->hotspots.density.grid;
        const auto c = cellIndex(g, p.x(), p.y());
        if (c >= 0 && !info.analysis->hotspots.density.empty_input) {
            density = g.values[static_cast<std::size_t>(c)];
            have_density = true;
        }
    }
    if (w < 0 && !have_density)
        return;
    ImGui::BeginTooltip();
    if (w >= 0) {
        const Ward& ward = session.wards().wards[static_cast<std::size_t>(w)];
        ImGui::Text("%s (%s)", ward.name.c_str(), ward.code.c_str());
        const WardRow* row = nullptr;
        if (info.analysis && info.analysis->profile)
            for (const auto& r : info.analysis->profile->rows)
                if (r.ward == static_cast<std::size_t>(w))
                    row = &r;
        if (row) {
            const auto& prof = *info.analysis->profile;
            ImGui::Text("%s to %s: %lld incidents", formatMonth(prof.from).c_str(),
                        formatMonth(prof.to).c_str(), static_cast<long long>(row->count));
            for (std::size_t l = 0; l < prof.layer_names.size() && l < row->layer_counts.size();
                 ++l)
                ImGui::BulletText("%s: %lld", prof.layer_names[l].c_str(),
                                  static_cast<long long>(row->layer_counts[l]));
            if (row->rate_per_1000)
                ImGui::Text("Rate per 1,000 residents: %.1f", *row->rate_per_1000);
        }
    } else {
        ImGui::TextDisabled("Outside the wards");
    }
    if (have_density)
        ImGui::Text("Density: %.4g %s", density,
                    info.analysis->params.hotspots.density.kde.units == DensityUnits::Density
                        ? "incidents per km2"
                        : "(raw)");
    if (info.ui && info.ui->gistar_visible && info.analysis && info.analysis->gistar) {
        const GiStarResult& gi = *info.analysis->gistar;
        const auto c = cellIndex(gi.counts, p.x(), p.y());
        if (c >= 0 && (gi.in_study.empty() || gi.in_study[static_cast<std::size_t>(c)])) {
            const auto i = static_cast<std::size_t>(c);
            ImGui::Text("Gi*: %s (z %.2f, p %.3g, %g incidents in the cell)", giBinLabel(gi.bin[i]),
                        gi.z[i], gi.p[i], gi.counts.values[i]);
        }
    }
    ImGui::EndTooltip();
}

} // namespace

bool keyPressed(int key) {
    return key >= 0 && ImGui::IsKeyPressed(key);
}

ShortcutRequests handleShortcuts(const ShortcutKeys& keys, MapUiState& ui, const Session& session,
                                 double now_s) {
    const ImGuiIO& io = ImGui::GetIO();
    ShortcutRequests out;
    if (io.WantCaptureKeyboard)
        return out;
    const auto range = session.months().span();
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Space))) {
        ui.playing = !ui.playing;
        ui.last_step_s = now_s;
    }
    if (range && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_LeftArrow)) &&
        ui.from > range->first) {
        --ui.from;
        --ui.to;
    }
    if (range && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow)) &&
        ui.to < range->last) {
        ++ui.from;
        ++ui.to;
    }
    if (io.KeyCtrl) {
        if (keyPressed(keys.s))
            (io.KeyShift ? out.save_image : out.save_plan) = true;
        return out;
    }
    if (keyPressed(keys.d))
        ui.density.visible = !ui.density.visible;
    if (keyPressed(keys.h))
        ui.hotspots_visible = !ui.hotspots_visible;
    if (keyPressed(keys.i))
        ui.points_visible = !ui.points_visible;
    if (keyPressed(keys.k))
        ui.choropleth.on = !ui.choropleth.on;
    if (keyPressed(keys.g))
        ui.gistar_visible = !ui.gistar_visible;
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Tab)))
        ui.hide_panels = !ui.hide_panels;
    if (keyPressed(keys.f1))
        ui.show_help = !ui.show_help;
    return out;
}

AreaToolInput readAreaToolInput(const MapViewState& view) {
    const ImGuiIO& io = ImGui::GetIO();
    AreaToolInput in;
    in.pick_m = 8 * view.camera.metresPerPixel();
    if (!io.WantCaptureMouse && io.MousePos.x > -1e6) {
        in.mouse = view.camera.screenToWorld(Point(io.MousePos.x, io.MousePos.y));
        in.pressed = ImGui::IsMouseClicked(ImGuiMouseButton_Left);
        in.double_clicked = ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left);
        in.right_clicked = ImGui::IsMouseClicked(ImGuiMouseButton_Right);
    }
    in.down = ImGui::IsMouseDown(ImGuiMouseButton_Left);
    in.released = ImGui::IsMouseReleased(ImGuiMouseButton_Left);
    if (io.WantCaptureKeyboard)
        return in;
    const auto named = [](ImGuiKey k) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(k)); };
    in.enter = named(ImGuiKey_Enter) || named(ImGuiKey_KeyPadEnter);
    in.escape = named(ImGuiKey_Escape);
    in.del = named(ImGuiKey_Delete) || named(ImGuiKey_Backspace);
    if (io.KeyCtrl) {
        in.undo = named(ImGuiKey_Z) && !io.KeyShift;
        in.redo = named(ImGuiKey_Y) || (named(ImGuiKey_Z) && io.KeyShift);
        return in;
    }
    const ShortcutKeys& keys = view.keys;
    if (keyPressed(keys.p))
        in.pick = AreaTool::Polygon;
    if (keyPressed(keys.c))
        in.pick = AreaTool::Circle;
    if (keyPressed(keys.r))
        in.pick = AreaTool::Rectangle;
    return in;
}

void handleMapInput(MapViewState& view, const Box& data_bounds, bool left_drag_pans) {
    const ShortcutKeys& keys = view.keys;
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
        // Not on the press itself: the cursor may have jumped there since the last frame.
        const auto drags = [](ImGuiMouseButton b) {
            return ImGui::IsMouseDragging(b, 0.0f) && !ImGui::IsMouseClicked(b);
        };
        if ((left_drag_pans && drags(ImGuiMouseButton_Left)) || drags(ImGuiMouseButton_Middle))
            view.camera.panPixels(io.MouseDelta.x, io.MouseDelta.y);
        if (io.MouseWheel != 0.0f)
            view.camera.zoomAt(mouse, std::pow(1.2, static_cast<double>(io.MouseWheel)));
    }
    if (!io.WantCaptureKeyboard && !io.KeyCtrl) {
        const Point centre(view.camera.width() / 2, view.camera.height() / 2);
        if (keyPressed(keys.equal) || keyPressed(keys.keypad_add))
            view.camera.zoomAt(centre, 1.5);
        if (keyPressed(keys.minus) || keyPressed(keys.keypad_subtract))
            view.camera.zoomAt(centre, 1 / 1.5);
        if (keyPressed(keys.f) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Home)))
            view.fit_requested = true;
    }
}

namespace {

// Ward labels with a halo, larger wards first, each on its anchor or shifted round it
// (core/label_placement), or left out where no place is free.
void drawWardLabels(ImDrawList* dl, const MapViewState& view, const Session& session,
                    const MapGeometry& geometry, ImVec2 size, float k,
                    const std::vector<LabelBox>& furniture, float top_margin) {
    const auto& wards = session.wards();
    std::vector<LabelRequest> requests;
    std::vector<std::size_t> which;
    for (std::size_t w = 0; w < wards.size() && w < geometry.ward_label_anchors.size(); ++w) {
        const Point s = view.camera.worldToScreen(geometry.ward_label_anchors[w]);
        const ImVec2 ts = ImGui::CalcTextSize(wards.wards[w].name.c_str());
        const double sx = s.x() / k, sy = s.y() / k;
        if (sx + ts.x < 0 || sx - ts.x > size.x || sy + ts.y < 0 || sy - ts.y > size.y)
            continue;
        requests.push_back({sx, sy, ts.x + 6.0, ts.y + 2.0, wards.wards[w].area_km2});
        which.push_back(w);
    }
    const std::vector<int> placed =
        placeLabels(requests, furniture, {0, top_margin, size.x, size.y});
    for (std::size_t i = 0; i < requests.size(); ++i) {
        if (placed[i] < 0)
            continue;
        const LabelBox b = labelCandidate(requests[i], placed[i]);
        textWithHalo(dl, ImVec2(static_cast<float>(b.x0 + 3), static_cast<float>(b.y0 + 1)),
                     rgba(25, 25, 35), wards.wards[which[i]].name.c_str());
    }
}

} // namespace

void drawMapOverlays(const MapViewState& view, const Session& session, const MapGeometry& geometry,
                     const geo::CrsTransform* to_lonlat, const MapOverlayInfo& info) {
    ImDrawList* dl = ImGui::GetBackgroundDrawList();
    // Everything is laid out at 1/k of the display and scaled up at the end, so a large map
    // image keeps the window's proportions of text, legend and furniture.
    const float k = std::max(1.0f, info.scale);
    const int first_vertex = dl->VtxBuffer.Size;
    const ImVec2 size(ImGui::GetIO().DisplaySize.x / k, ImGui::GetIO().DisplaySize.y / k);
    // The furniture is drawn on the upper channel first, so that the ward labels (on the lower
    // one) can be placed around it: none overlaps another, the banner, the title, the legend,
    // the scale bar, the north arrow or the attribution.
    dl->ChannelsSplit(2);
    dl->ChannelsSetCurrent(1);
    std::vector<LabelBox> furniture;
    if (session.synthetic()) {
        const char* banner = "SYNTHETIC SAMPLE DATA - not real crime data";
        const ImVec2 ts = ImGui::CalcTextSize(banner);
        const ImVec2 p((size.x - ts.x) / 2, 8 + info.top_margin);
        dl->AddRectFilled(ImVec2(p.x - 10, p.y - 4), ImVec2(p.x + ts.x + 10, p.y + ts.y + 4),
                          rgba(200, 30, 30, 230), 4);
        dl->AddText(p, rgba(255, 255, 255), banner);
        furniture.push_back({p.x - 10, p.y - 4, p.x + ts.x + 10, p.y + ts.y + 4});
    }
    if (!info.title.empty()) {
        const ImVec2 ts = ImGui::CalcTextSize(info.title.c_str());
        const float y = (session.synthetic() ? 34.0f : 8.0f) + info.top_margin;
        const ImVec2 p((size.x - ts.x) / 2, y);
        dl->AddRectFilled(ImVec2(p.x - 8, p.y - 3), ImVec2(p.x + ts.x + 8, p.y + ts.y + 3),
                          rgba(255, 255, 255, 215), 4);
        dl->AddText(p, rgba(20, 20, 30), info.title.c_str());
        furniture.push_back({p.x - 8, p.y - 3, p.x + ts.x + 8, p.y + ts.y + 3});
    }
    furniture.push_back(drawLegend(dl, ImVec2(20, size.y - 50), session, info));
    drawScaleBar(dl, view.camera.metresPerPixel() * k, ImVec2(20, size.y - 24));
    furniture.push_back({14, size.y - 40, 220, size.y});
    drawNorthArrow(dl, ImVec2(size.x - 30, size.y - 80));
    furniture.push_back({size.x - 44, size.y - 118, size.x - 16, size.y - 68});
    std::string attribution_text =
        session.synthetic()
            ? "Synthetic sample generated by streetweek (police.uk format). Not real data."
            : "Contains police.uk data (OGL v3.0). Boundaries: OS data (c) Crown copyright and "
              "database right; ONS (c) Crown copyright.";
    if (const std::string partners =
            partnerDataCredit(session.incidents().sources, session.request());
        !partners.empty())
        attribution_text += " " + partners;
    if (!info.basemap_attribution.empty())
        attribution_text = info.basemap_attribution + " " + attribution_text;
    const char* attribution = attribution_text.c_str();
    // Wrapped to the width the legend and scale bar leave (a partner's credit makes it long).
    const float wrap = std::clamp(size.x - 250.0f, 200.0f, 760.0f);
    const ImVec2 as = ImGui::CalcTextSize(attribution, nullptr, false, wrap);
    dl->AddRectFilled(ImVec2(size.x - as.x - 12, size.y - as.y - 8), ImVec2(size.x, size.y),
                      rgba(255, 255, 255, 200));
    dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(),
                ImVec2(size.x - as.x - 6, size.y - as.y - 4), rgba(40, 40, 40), attribution,
                nullptr, wrap);
    furniture.push_back({size.x - as.x - 12, size.y - as.y - 8, size.x, size.y});
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
        furniture.push_back({size.x - ts.x - 12, size.y - as.y - ts.y - 14, size.x, size.y});
    }
    dl->ChannelsSetCurrent(0);
    if (view.show_labels)
        drawWardLabels(dl, view, session, geometry, size, k, furniture, info.top_margin);
    dl->ChannelsMerge();
    if (k != 1.0f)
        for (int v = first_vertex; v < dl->VtxBuffer.Size; ++v) {
            dl->VtxBuffer[v].pos.x *= k;
            dl->VtxBuffer[v].pos.y *= k;
        }
    drawTooltip(view, session, info);
}

} // namespace sw::ui
