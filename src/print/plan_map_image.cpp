// Cairo drawing of the plan map.
#include "print/plan_map_image.hpp"

#include "core/colour_ramps.hpp"

#include <cairo.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <unistd.h>

namespace sw {
namespace {

constexpr double kHeader = 92, kFooter = 64, kMargin = 24;

struct View {
    double scale = 1, x0 = 0, y1 = 0, left = 0, top = 0;
    double sx(double x) const { return left + (x - x0) * scale; }
    double sy(double y) const { return top + (y1 - y) * scale; }
};

void colour(cairo_t* cr, const Rgba& c, double alpha) {
    cairo_set_source_rgba(cr, c.r / 255.0, c.g / 255.0, c.b / 255.0, alpha);
}

void path(cairo_t* cr, const View& v, const MultiPolygon& shape) {
    for (const auto& poly : shape) {
        const auto ring = [&](const Ring& r) {
            for (std::size_t i = 0; i < r.size(); ++i)
                (i ? cairo_line_to : cairo_move_to)(cr, v.sx(r[i].x()), v.sy(r[i].y()));
            cairo_close_path(cr);
        };
        ring(poly.outer());
        for (const auto& inner : poly.inners())
            ring(inner);
    }
}

void shape(cairo_t* cr, const View& v, const MultiPolygon& s, const Rgba& fill, double fill_alpha,
           const Rgba& line, double width) {
    cairo_new_path(cr);
    path(cr, v, s);
    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
    colour(cr, fill, fill_alpha);
    cairo_fill_preserve(cr);
    colour(cr, line, 1);
    cairo_set_line_width(cr, width);
    cairo_stroke(cr);
}

// Text with a white halo, centred on (x, y) when `centre`.
void haloText(cairo_t* cr, double x, double y, const std::string& text, double size,
              const Rgba& ink, bool centre) {
    cairo_set_font_size(cr, size);
    cairo_text_extents_t e;
    cairo_text_extents(cr, text.c_str(), &e);
    const double tx = centre ? x - e.width / 2 - e.x_bearing : x;
    const double ty = centre ? y + e.height / 2 : y;
    cairo_new_path(cr);
    cairo_move_to(cr, tx, ty);
    cairo_text_path(cr, text.c_str());
    cairo_set_source_rgba(cr, 1, 1, 1, 0.9);
    cairo_set_line_width(cr, 3.5);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_stroke_preserve(cr);
    colour(cr, ink, 1);
    cairo_fill(cr);
}

void plainText(cairo_t* cr, double x, double y, const std::string& text, double size,
               bool bold = false) {
    cairo_select_font_face(cr, "Sans", CAIRO_FONT_SLANT_NORMAL,
                           bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, size);
    cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
    cairo_move_to(cr, x, y);
    cairo_show_text(cr, text.c_str());
}

// Words wrapped to `width` pixels at the current font size.
std::vector<std::string> wrap(cairo_t* cr, const std::string& text, double width) {
    std::vector<std::string> lines;
    std::string line, word;
    const auto fits = [&](const std::string& s) {
        cairo_text_extents_t e;
        cairo_text_extents(cr, s.c_str(), &e);
        return e.x_advance <= width;
    };
    const auto flush = [&]() {
        if (word.empty())
            return;
        const std::string tryline = line.empty() ? word : line + " " + word;
        if (!line.empty() && !fits(tryline)) {
            lines.push_back(line);
            line = word;
        } else {
            line = tryline;
        }
        word.clear();
    };
    for (char c : text) {
        if (c == ' ' || c == '\n') {
            flush();
            if (c == '\n' && !line.empty()) {
                lines.push_back(line);
                line.clear();
            }
        } else {
            word += c;
        }
    }
    flush();
    if (!line.empty())
        lines.push_back(line);
    return lines;
}

double niceLength(double metres) {
    const double p = std::pow(10.0, std::floor(std::log10(metres)));
    for (double m : {5.0, 2.0, 1.0})
        if (m * p <= metres)
            return m * p;
    return p;
}

void scaleBar(cairo_t* cr, const View& v, double x, double y, double frame_width) {
    const double metres = niceLength(frame_width / v.scale / 5);
    const double px = metres * v.scale;
    for (int i = 0; i < 4; ++i) {
        cairo_rectangle(cr, x + px * i / 4, y, px / 4, 8);
        if (i % 2)
            cairo_set_source_rgb(cr, 1, 1, 1);
        else
            cairo_set_source_rgb(cr, 0.15, 0.15, 0.15);
        cairo_fill_preserve(cr);
        cairo_set_source_rgb(cr, 0.15, 0.15, 0.15);
        cairo_set_line_width(cr, 1);
        cairo_stroke(cr);
    }
    char label[32];
    if (metres >= 1000)
        std::snprintf(label, sizeof label, "%g km", metres / 1000);
    else
        std::snprintf(label, sizeof label, "%g m", metres);
    cairo_select_font_face(cr, "Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
    haloText(cr, x, y - 6, "0", 13, {30, 30, 30, 255}, false);
    haloText(cr, x + px - 10, y - 6, label, 13, {30, 30, 30, 255}, false);
}

void northArrow(cairo_t* cr, double x, double y) {
    cairo_new_path(cr);
    cairo_move_to(cr, x, y);
    cairo_line_to(cr, x + 14, y + 44);
    cairo_line_to(cr, x, y + 34);
    cairo_line_to(cr, x - 14, y + 44);
    cairo_close_path(cr);
    cairo_set_source_rgb(cr, 0.15, 0.15, 0.15);
    cairo_fill(cr);
    cairo_select_font_face(cr, "Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
    haloText(cr, x, y + 60, "N", 16, {30, 30, 30, 255}, true);
}

struct LegendEntry {
    std::string label;
    Rgba fill, line;
    double fill_alpha;
};

void legend(cairo_t* cr, double x, double y, const std::vector<LegendEntry>& entries) {
    const double row = 24, w = 230, h = 34 + row * static_cast<double>(entries.size());
    cairo_rectangle(cr, x, y, w, h);
    cairo_set_source_rgba(cr, 1, 1, 1, 0.92);
    cairo_fill_preserve(cr);
    cairo_set_source_rgb(cr, 0.6, 0.6, 0.6);
    cairo_set_line_width(cr, 1);
    cairo_stroke(cr);
    plainText(cr, x + 10, y + 22, "Legend", 14, true);
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const double ey = y + 34 + row * static_cast<double>(i);
        cairo_rectangle(cr, x + 10, ey, 28, 16);
        colour(cr, entries[i].fill, entries[i].fill_alpha);
        cairo_fill_preserve(cr);
        colour(cr, entries[i].line, 1);
        cairo_set_line_width(cr, 2);
        cairo_stroke(cr);
        plainText(cr, x + 48, ey + 13, entries[i].label, 13);
    }
}

Box extentOf(const PlanMapImage& im) {
    Box b = emptyBox();
    if (im.wards && !im.wards->empty())
        b = im.wards->bounds();
    else
        for (const auto& a : im.areas)
            bg::expand(b, bg::return_envelope<Box>(a.shape));
    if (boxIsEmpty(b))
        b = Box(Point(0, 0), Point(1000, 1000));
    return b;
}

void drawMap(cairo_t* cr, const PlanMapImage& im, const View& v) {
    const Rgba grey{120, 120, 120, 255}, paper{246, 245, 240, 255};
    if (im.wards)
        for (const auto& w : im.wards->wards)
            shape(cr, v, w.shape, paper, 1, grey, 0.8);
    for (const auto& h : im.hotspots)
        shape(cr, v, h, {220, 30, 30, 255}, 0.35, {170, 0, 0, 255}, 1.2);
    for (const auto& a : im.areas) {
        const Rgba c = areaStatusColour(a);
        shape(cr, v, a.shape, c, a.excluded ? 0.25 : 0.3, c, 2.5);
    }
    cairo_select_font_face(cr, "Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
    for (const auto& a : im.areas) {
        if (a.shape.empty())
            continue;
        Point c;
        bg::centroid(a.shape, c);
        const Rgba ink = areaStatusColour(a);
        const Rgba dark{static_cast<std::uint8_t>(ink.r * 0.6),
                        static_cast<std::uint8_t>(ink.g * 0.6),
                        static_cast<std::uint8_t>(ink.b * 0.6), 255};
        haloText(cr, v.sx(c.x()), v.sy(c.y()), a.id + " " + a.name, 14, dark, true);
    }
}

std::vector<LegendEntry> legendEntries(const PlanMapImage& im) {
    std::vector<LegendEntry> out;
    if (im.wards && !im.wards->empty())
        out.push_back({"Ward boundary", {246, 245, 240, 255}, {120, 120, 120, 255}, 1});
    if (!im.hotspots.empty())
        out.push_back({im.hotspot_label, {220, 30, 30, 255}, {170, 0, 0, 255}, 0.35});
    const std::pair<AreaStatus, const char*> statuses[] = {
        {AreaStatus::Proposed, "Proposed street week"},
        {AreaStatus::Approved, "Approved street week"},
        {AreaStatus::Done, "Street week done"}};
    for (const auto& [s, label] : statuses)
        if (std::any_of(im.areas.begin(), im.areas.end(),
                        [&](const TargetArea& a) { return !a.excluded && a.status == s; }))
            out.push_back({label, areaStatusColour(s, false), areaStatusColour(s, false), 0.3});
    if (std::any_of(im.areas.begin(), im.areas.end(),
                    [](const TargetArea& a) { return a.excluded; }))
        out.push_back({"Excluded zone", areaStatusColour(AreaStatus::Proposed, true),
                       areaStatusColour(AreaStatus::Proposed, true), 0.25});
    return out;
}

} // namespace

Status writePlanMapPng(const std::string& file, const PlanMapImage& im) {
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, im.width, im.height);
    cairo_t* cr = cairo_create(surface);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    const double fx = kMargin, fy = kHeader, fw = im.width - 2 * kMargin,
                 fh = im.height - kHeader - kFooter;
    const Box b = extentOf(im);
    View v;
    v.scale = std::min(fw / (boxWidth(b) * 1.04), fh / (boxHeight(b) * 1.04));
    v.x0 = (b.min_corner().x() + b.max_corner().x()) / 2 - fw / 2 / v.scale;
    v.y1 = (b.min_corner().y() + b.max_corner().y()) / 2 + fh / 2 / v.scale;
    v.left = fx;
    v.top = fy;
    cairo_save(cr);
    cairo_rectangle(cr, fx, fy, fw, fh);
    cairo_clip(cr);
    cairo_set_source_rgb(cr, 0.86, 0.9, 0.94); // beyond the study area
    cairo_paint(cr);
    drawMap(cr, im, v);
    cairo_restore(cr);
    cairo_rectangle(cr, fx, fy, fw, fh);
    cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
    cairo_set_line_width(cr, 1.5);
    cairo_stroke(cr);
    plainText(cr, kMargin, 42, im.title, 28, true);
    plainText(cr, kMargin, 74, im.subtitle, 16);
    legend(cr, fx + 14, fy + 14, legendEntries(im));
    scaleBar(cr, v, fx + 20, fy + fh - 24, fw);
    northArrow(cr, fx + fw - 40, fy + 16);
    cairo_select_font_face(cr, "Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, 12);
    const auto lines = wrap(cr, im.attribution, im.width - 2 * kMargin);
    for (std::size_t i = 0; i < lines.size() && i < 3; ++i)
        plainText(cr, kMargin, fy + fh + 20 + 16 * static_cast<double>(i), lines[i], 12);
    cairo_destroy(cr);
    const std::string tmp = file + ".tmp-" + std::to_string(::getpid());
    const cairo_status_t st = cairo_surface_write_to_png(surface, tmp.c_str());
    cairo_surface_destroy(surface);
    std::error_code ec;
    if (st != CAIRO_STATUS_SUCCESS) {
        std::filesystem::remove(tmp, ec);
        return Error{file + ": cannot write the map image (" +
                     std::string(cairo_status_to_string(st)) + ")"};
    }
    std::filesystem::rename(tmp, file, ec);
    if (ec)
        return Error{file + ": cannot move the map image into place (" + ec.message() + ")"};
    return okStatus();
}

} // namespace sw
