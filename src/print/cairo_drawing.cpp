// Cairo primitives for the printed maps and pages.
#include "print/cairo_drawing.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace sw::print {

View View::fit(const Box& b, double x, double y, double w, double h, double margin) {
    View v;
    const double bw = std::max(boxWidth(b), 1.0), bh = std::max(boxHeight(b), 1.0);
    v.scale = std::min(w / (bw * margin), h / (bh * margin));
    v.x0 = (b.min_corner().x() + b.max_corner().x()) / 2 - w / 2 / v.scale;
    v.y1 = (b.min_corner().y() + b.max_corner().y()) / 2 + h / 2 / v.scale;
    v.left = x;
    v.top = y;
    return v;
}

void setColour(cairo_t* cr, const Rgba& c, double alpha) {
    cairo_set_source_rgba(cr, c.r / 255.0, c.g / 255.0, c.b / 255.0, alpha);
}

void polygonPath(cairo_t* cr, const View& v, const MultiPolygon& shape) {
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

void drawShape(cairo_t* cr, const View& v, const MultiPolygon& s, const Rgba& fill,
               double fill_alpha, const Rgba& line, double width) {
    cairo_new_path(cr);
    polygonPath(cr, v, s);
    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
    if (fill_alpha > 0) {
        setColour(cr, fill, fill_alpha);
        cairo_fill_preserve(cr);
    }
    if (width > 0) {
        setColour(cr, line, line.a / 255.0);
        cairo_set_line_width(cr, width);
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
        cairo_stroke(cr);
    }
    cairo_new_path(cr);
}

void setFont(cairo_t* cr, double size, bool bold) {
    cairo_select_font_face(cr, "Sans", CAIRO_FONT_SLANT_NORMAL,
                           bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, size);
}

double textWidth(cairo_t* cr, const std::string& text) {
    cairo_text_extents_t e;
    cairo_text_extents(cr, text.c_str(), &e);
    return e.x_advance;
}

void haloText(cairo_t* cr, double x, double y, const std::string& text, double size,
              const Rgba& ink, bool centre, double halo, bool bold) {
    setFont(cr, size, bold);
    cairo_text_extents_t e;
    cairo_text_extents(cr, text.c_str(), &e);
    const double tx = centre ? x - e.width / 2 - e.x_bearing : x;
    const double ty = centre ? y - e.height / 2 - e.y_bearing : y;
    cairo_new_path(cr);
    cairo_move_to(cr, tx, ty);
    cairo_text_path(cr, text.c_str());
    cairo_set_source_rgba(cr, 1, 1, 1, 0.9);
    cairo_set_line_width(cr, halo);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_stroke(cr);
    // The ink as real text (searchable in a PDF), over its halo.
    setColour(cr, ink, 1);
    cairo_move_to(cr, tx, ty);
    cairo_show_text(cr, text.c_str());
}

void plainText(cairo_t* cr, double x, double y, const std::string& text, double size, bool bold,
               const Rgba& ink) {
    setFont(cr, size, bold);
    setColour(cr, ink, 1);
    cairo_move_to(cr, x, y);
    cairo_show_text(cr, text.c_str());
}

std::vector<std::string> wrapText(cairo_t* cr, const std::string& text, double width) {
    std::vector<std::string> lines;
    std::string line, word;
    const auto flush = [&]() {
        if (word.empty())
            return;
        const std::string tryline = line.empty() ? word : line + " " + word;
        if (!line.empty() && textWidth(cr, tryline) > width) {
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
            if (c == '\n') {
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

void scaleBar(cairo_t* cr, const View& v, double x, double y, double frame_width, double u) {
    const double metres = niceLength(frame_width / v.scale / 5);
    const double px = metres * v.scale;
    for (int i = 0; i < 4; ++i) {
        cairo_rectangle(cr, x + px * i / 4, y, px / 4, 8 * u);
        if (i % 2)
            cairo_set_source_rgb(cr, 1, 1, 1);
        else
            cairo_set_source_rgb(cr, 0.15, 0.15, 0.15);
        cairo_fill_preserve(cr);
        cairo_set_source_rgb(cr, 0.15, 0.15, 0.15);
        cairo_set_line_width(cr, std::max(0.5, u));
        cairo_stroke(cr);
    }
    char label[32];
    if (metres >= 1000)
        std::snprintf(label, sizeof label, "%g km", metres / 1000);
    else
        std::snprintf(label, sizeof label, "%g m", metres);
    haloText(cr, x, y - 6 * u, "0", 13 * u, kInk, false, 3.5 * u);
    haloText(cr, x + px - 10 * u, y - 6 * u, label, 13 * u, kInk, false, 3.5 * u);
}

void northArrow(cairo_t* cr, double x, double y, double u) {
    cairo_new_path(cr);
    cairo_move_to(cr, x, y);
    cairo_line_to(cr, x + 14 * u, y + 44 * u);
    cairo_line_to(cr, x, y + 34 * u);
    cairo_line_to(cr, x - 14 * u, y + 44 * u);
    cairo_close_path(cr);
    cairo_set_source_rgb(cr, 0.15, 0.15, 0.15);
    cairo_fill(cr);
    haloText(cr, x, y + 56 * u, "N", 16 * u, kInk, true, 3.5 * u, true);
}

} // namespace sw::print
