// Cairo drawing of a map figure.
#include "print/map_drawing.hpp"

#include "core/label_placement.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace sw::print {
namespace {

constexpr Rgba kWardLine{120, 120, 120, 255}, kPaper{246, 245, 240, 255};
constexpr Rgba kHotFill{220, 30, 30, 255}, kHotLine{170, 0, 0, 255};

Box extentOf(const MapFigure& f) {
    if (f.extent)
        return *f.extent;
    Box b = emptyBox();
    if (f.wards && !f.wards->empty())
        b = f.wards->bounds();
    else
        for (const auto& a : f.areas)
            bg::expand(b, bg::return_envelope<Box>(a.shape));
    if (boxIsEmpty(b))
        b = Box(Point(0, 0), Point(1000, 1000));
    return b;
}

// Paints an image surface with its top-left pixel at (x, y), each pixel sx by sy page units,
// smoothed, within the current clip; the surface is released.
void paintImage(cairo_t* cr, cairo_surface_t* img, double x, double y, double sx, double sy) {
    cairo_save(cr);
    cairo_translate(cr, x, y);
    cairo_scale(cr, sx, sy);
    cairo_set_source_surface(cr, img, 0, 0);
    cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
    cairo_paint(cr);
    cairo_restore(cr);
    cairo_surface_destroy(img);
}

void drawDensity(cairo_t* cr, const View& v, const MapFigure& f) {
    const Grid& g = *f.density;
    const double top = g.max();
    if (g.cols == 0 || g.rows == 0 || !(top > f.density_floor))
        return;
    cairo_surface_t* img = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, static_cast<int>(g.cols),
                                                      static_cast<int>(g.rows));
    const int stride = cairo_image_surface_get_stride(img);
    unsigned char* data = cairo_image_surface_get_data(img);
    for (std::size_t r = 0; r < g.rows; ++r) {
        auto* row =
            reinterpret_cast<std::uint32_t*>(data + static_cast<std::ptrdiff_t>(r) * stride);
        for (std::size_t c = 0; c < g.cols; ++c) {
            const double val = g.at(r, c);
            if (!(val > f.density_floor)) {
                row[c] = 0;
                continue;
            }
            const double t = (val - f.density_floor) / (top - f.density_floor);
            const Rgba k = sampleRamp(f.density_ramp, t);
            const double a = 0.35 + 0.5 * t; // premultiplied ARGB
            const auto ch = [&](std::uint8_t x) { return static_cast<std::uint32_t>(x * a); };
            row[c] = (static_cast<std::uint32_t>(255 * a) << 24) | (ch(k.r) << 16) |
                     (ch(k.g) << 8) | ch(k.b);
        }
    }
    cairo_surface_mark_dirty(img);
    cairo_save(cr);
    if (f.wards && !f.wards->empty()) { // the surface inside the study area only
        cairo_new_path(cr);
        for (const auto& w : f.wards->wards)
            polygonPath(cr, v, w.shape);
        cairo_set_fill_rule(cr, CAIRO_FILL_RULE_WINDING);
        cairo_clip(cr);
    }
    paintImage(cr, img, v.sx(g.xmin), v.sy(g.ymax), g.cell * v.scale, g.cell * v.scale);
    cairo_restore(cr);
}

// The basemap picture (straight RGBA) as premultiplied ARGB over its box of the world.
void drawBasemap(cairo_t* cr, const View& v, const BasemapImage& b) {
    if (b.empty())
        return;
    cairo_surface_t* img = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, b.width, b.height);
    const int stride = cairo_image_surface_get_stride(img);
    unsigned char* data = cairo_image_surface_get_data(img);
    for (int r = 0; r < b.height; ++r) {
        auto* row =
            reinterpret_cast<std::uint32_t*>(data + static_cast<std::ptrdiff_t>(r) * stride);
        for (int c = 0; c < b.width; ++c) {
            const std::uint8_t* p =
                &b.rgba[(static_cast<std::size_t>(r) * static_cast<std::size_t>(b.width) +
                         static_cast<std::size_t>(c)) *
                        4];
            const auto pre = [&](std::uint8_t x) {
                return static_cast<std::uint32_t>((x * p[3] + 127) / 255);
            };
            row[c] = (static_cast<std::uint32_t>(p[3]) << 24) | (pre(p[0]) << 16) |
                     (pre(p[1]) << 8) | pre(p[2]);
        }
    }
    cairo_surface_mark_dirty(img);
    paintImage(cr, img, v.sx(b.xmin), v.sy(b.ymax), (b.xmax - b.xmin) * v.scale / b.width,
               (b.ymax - b.ymin) * v.scale / b.height);
}

struct LegendEntry {
    std::string label;
    Rgba fill, line;
    double fill_alpha;
};

std::vector<LegendEntry> legendEntries(const MapFigure& f) {
    std::vector<LegendEntry> out;
    if (f.wards && !f.wards->empty())
        out.push_back({"Ward boundary", kPaper, kWardLine, 1});
    for (const auto& s : f.shading)
        if (std::none_of(out.begin(), out.end(),
                         [&](const LegendEntry& e) { return e.label == s.label; }))
            out.push_back({s.label, s.fill, s.fill, s.fill.a / 255.0});
    if (!f.outlines.empty())
        out.push_back({f.outline_label, kHotFill, kHotLine, f.density ? 0.0 : 0.35});
    const std::pair<AreaStatus, const char*> statuses[] = {
        {AreaStatus::Proposed, "Proposed street week"},
        {AreaStatus::Approved, "Approved street week"},
        {AreaStatus::Done, "Street week done"}};
    for (const auto& [s, label] : statuses)
        if (std::any_of(f.areas.begin(), f.areas.end(),
                        [&](const TargetArea& a) { return !a.excluded && a.status == s; }))
            out.push_back({label, areaStatusColour(s, false), areaStatusColour(s, false), 0.3});
    if (std::any_of(f.areas.begin(), f.areas.end(), [](const TargetArea& a) { return a.excluded; }))
        out.push_back({"Excluded zone", areaStatusColour(AreaStatus::Proposed, true),
                       areaStatusColour(AreaStatus::Proposed, true), 0.25});
    return out;
}

// The legend box at (x, y); returns its extent for the label placement.
LabelBox legend(cairo_t* cr, double x, double y, const MapFigure& f, double u) {
    const auto entries = legendEntries(f);
    const bool ramp = f.density && f.density->max() > f.density_floor;
    const double row = 22 * u, w = 250 * u;
    const double h = 34 * u + row * static_cast<double>(entries.size()) + (ramp ? 58 * u : 0);
    cairo_rectangle(cr, x, y, w, h);
    cairo_set_source_rgba(cr, 1, 1, 1, 0.92);
    cairo_fill_preserve(cr);
    cairo_set_source_rgb(cr, 0.6, 0.6, 0.6);
    cairo_set_line_width(cr, u);
    cairo_stroke(cr);
    plainText(cr, x + 10 * u, y + 22 * u, "Legend", 14 * u, true);
    double ey = y + 34 * u;
    if (ramp) {
        plainText(cr, x + 10 * u, ey + 10 * u, f.density_title, 12 * u);
        const double bx = x + 10 * u, by = ey + 16 * u, bw = w - 30 * u, bh = 12 * u;
        cairo_pattern_t* grad = cairo_pattern_create_linear(bx, 0, bx + bw, 0);
        for (int i = 0; i <= 10; ++i) {
            const Rgba k = sampleRamp(f.density_ramp, i / 10.0);
            cairo_pattern_add_color_stop_rgb(grad, i / 10.0, k.r / 255.0, k.g / 255.0, k.b / 255.0);
        }
        cairo_rectangle(cr, bx, by, bw, bh);
        cairo_set_source(cr, grad);
        cairo_fill(cr);
        cairo_pattern_destroy(grad);
        const double lo = f.density_floor * f.density_scale,
                     hi = f.density->max() * f.density_scale;
        for (int i = 0; i <= 2; ++i) {
            const std::string s = legendNumber(lo + (hi - lo) * i / 2.0);
            setFont(cr, 11 * u);
            const double tw = textWidth(cr, s);
            const double tx = std::clamp(bx + bw * i / 2.0 - tw / 2, bx, bx + bw - tw);
            plainText(cr, tx, by + bh + 14 * u, s, 11 * u);
        }
        ey += 58 * u;
    }
    for (const auto& e : entries) {
        cairo_rectangle(cr, x + 10 * u, ey, 28 * u, 16 * u);
        setColour(cr, e.fill, e.fill_alpha);
        cairo_fill_preserve(cr);
        setColour(cr, e.line, 1);
        cairo_set_line_width(cr, 2 * u);
        cairo_stroke(cr);
        plainText(cr, x + 48 * u, ey + 13 * u, e.label, 12 * u);
        ey += row;
    }
    return {x, y, x + w, y + h};
}

// Ward names where they fit, placed so that none overlaps another or an obstacle.
int wardLabels(cairo_t* cr, const View& v, const MapFigure& f, const std::vector<LabelBox>& keep,
               const LabelBox& bounds, double u) {
    const double size = 11 * u;
    setFont(cr, size);
    std::vector<LabelRequest> req;
    std::vector<std::size_t> ward;
    for (std::size_t i = 0; i < f.wards->wards.size(); ++i) {
        const Ward& w = f.wards->wards[i];
        if (w.shape.empty() || w.name.empty())
            continue;
        Point c;
        bg::centroid(w.shape, c);
        ward.push_back(i);
        const double area_px = bg::area(w.shape) * v.scale * v.scale;
        req.push_back(
            {v.sx(c.x()), v.sy(c.y()), textWidth(cr, w.name) + 4 * u, size * 1.3, area_px});
    }
    const auto chosen = placeLabels(req, keep, bounds);
    int placed = 0;
    for (std::size_t i = 0; i < req.size(); ++i) {
        if (chosen[i] < 0)
            continue;
        const LabelBox b = labelCandidate(req[i], chosen[i]);
        haloText(cr, (b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2, f.wards->wards[ward[i]].name, size,
                 {60, 60, 60, 255}, true, 3 * u);
        ++placed;
    }
    return placed;
}

// The areas' labels, always drawn; their boxes are added to `keep` for the ward labels.
void areaLabels(cairo_t* cr, const View& v, const MapFigure& f, double u,
                std::vector<LabelBox>& keep) {
    for (const auto& a : f.areas) {
        if (a.shape.empty())
            continue;
        Point c;
        bg::centroid(a.shape, c);
        const Rgba ink = areaStatusColour(a);
        const Rgba dark{static_cast<std::uint8_t>(ink.r * 0.6),
                        static_cast<std::uint8_t>(ink.g * 0.6),
                        static_cast<std::uint8_t>(ink.b * 0.6), 255};
        const std::string text = a.id + " " + a.name;
        haloText(cr, v.sx(c.x()), v.sy(c.y()), text, 14 * u, dark, true, 3.5 * u, true);
        const double w = textWidth(cr, text) / 2 + 3 * u, h = 10 * u;
        keep.push_back({v.sx(c.x()) - w, v.sy(c.y()) - h, v.sx(c.x()) + w, v.sy(c.y()) + h});
    }
}

} // namespace

int drawMapFigure(cairo_t* cr, const Frame& fr, const MapFigure& f, double u) {
    cairo_save(cr);
    setFont(cr, 10 * u);
    const auto attribution = wrapText(cr, f.attribution, fr.w - 16 * u);
    const double lines = static_cast<double>(std::min<std::size_t>(attribution.size(), 3));
    const double foot = attribution.empty() ? 0 : (lines * 13 + 8) * u;
    const View v = View::fit(extentOf(f), fr.x, fr.y, fr.w, fr.h - foot);
    cairo_rectangle(cr, fr.x, fr.y, fr.w, fr.h);
    cairo_clip(cr);
    cairo_set_source_rgb(cr, 0.86, 0.9, 0.94); // beyond the study area
    cairo_paint(cr);
    if (f.basemap) {
        cairo_set_source_rgb(cr, 1, 1, 1);
        cairo_paint(cr);
        drawBasemap(cr, v, *f.basemap);
    }
    if (f.wards)
        for (const auto& w : f.wards->wards)
            drawShape(cr, v, w.shape, kPaper, f.basemap ? 0.3 : 1, kWardLine, 0);
    if (f.density)
        drawDensity(cr, v, f);
    for (const auto& s : f.shading)
        drawShape(cr, v, s.shape, s.fill, s.fill.a / 255.0, s.fill, 0);
    if (f.wards)
        for (const auto& w : f.wards->wards)
            drawShape(cr, v, w.shape, kPaper, 0, kWardLine, 0.8 * u);
    for (const auto& h : f.outlines)
        drawShape(cr, v, h, kHotFill, f.density ? 0 : 0.35, kHotLine, 1.6 * u);
    for (const auto& a : f.areas) {
        const Rgba c = areaStatusColour(a);
        drawShape(cr, v, a.shape, c, a.excluded ? 0.25 : 0.3, c, 2.5 * u);
    }
    std::vector<LabelBox> keep;
    keep.push_back(legend(cr, fr.x + 12 * u, fr.y + 12 * u, f, u));
    keep.push_back({fr.x + fr.w - 60 * u, fr.y, fr.x + fr.w, fr.y + 80 * u}); // north arrow
    keep.push_back({fr.x, fr.y + fr.h - foot - 40 * u, fr.x + fr.w * 0.3, fr.y + fr.h}); // scale
    // Area labels go over the ward labels' space: the ward labels are placed around them
    // (drawn first, then the area labels again on top so that no halo cuts them).
    std::vector<LabelBox> with_areas = keep;
    cairo_push_group(cr);
    areaLabels(cr, v, f, u, with_areas);
    cairo_pattern_t* area_text = cairo_pop_group(cr);
    int placed = 0;
    if (f.wards && f.ward_labels)
        placed = wardLabels(cr, v, f, with_areas, {fr.x, fr.y, fr.x + fr.w, fr.y + fr.h - foot}, u);
    cairo_set_source(cr, area_text);
    cairo_paint(cr);
    cairo_pattern_destroy(area_text);
    scaleBar(cr, v, fr.x + 20 * u, fr.y + fr.h - foot - 20 * u, fr.w, u);
    northArrow(cr, fr.x + fr.w - 36 * u, fr.y + 14 * u, u);
    if (foot > 0) {
        cairo_rectangle(cr, fr.x, fr.y + fr.h - foot, fr.w, foot);
        cairo_set_source_rgba(cr, 1, 1, 1, 0.9);
        cairo_fill(cr);
        for (std::size_t i = 0; i < attribution.size() && i < 3; ++i)
            plainText(cr, fr.x + 8 * u, fr.y + fr.h - foot + (13 * static_cast<double>(i) + 14) * u,
                      attribution[i], 10 * u, false, {70, 70, 70, 255});
    }
    cairo_restore(cr);
    cairo_rectangle(cr, fr.x, fr.y, fr.w, fr.h);
    cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
    cairo_set_line_width(cr, u);
    cairo_stroke(cr);
    return placed;
}

} // namespace sw::print
