// Line and bar charts with Cairo.
#include "print/chart_drawing.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace sw::print {
namespace {

std::string tickText(double v) {
    char s[32];
    if (v >= 10000)
        std::snprintf(s, sizeof s, "%.0fk", v / 1000);
    else
        std::snprintf(s, sizeof s, "%g", v);
    return s;
}

double topOf(const ReportChart& c) {
    double top = 0;
    for (const auto& s : c.series)
        for (const auto& v : s.values)
            if (v)
                top = std::max(top, *v);
    return top;
}

// Legend items in one row under the title; returns its height.
double legendRow(cairo_t* cr, double x, double y, double w, const ReportChart& c, double u) {
    double cx = x, cy = y;
    setFont(cr, 8 * u);
    for (const auto& s : c.series) {
        const double tw = textWidth(cr, s.name) + 30 * u;
        if (cx + tw > x + w && cx > x) {
            cx = x;
            cy += 12 * u;
        }
        setColour(cr, s.colour);
        if (c.kind == ReportChart::Kind::Lines) {
            cairo_set_line_width(cr, 1.6 * u);
            const double dash[] = {3 * u, 2 * u};
            cairo_set_dash(cr, dash, s.dashed ? 2 : 0, 0);
            cairo_move_to(cr, cx, cy - 3 * u);
            cairo_line_to(cr, cx + 16 * u, cy - 3 * u);
            cairo_stroke(cr);
            cairo_set_dash(cr, nullptr, 0, 0);
        } else {
            cairo_rectangle(cr, cx, cy - 8 * u, 14 * u, 8 * u);
            cairo_fill(cr);
        }
        plainText(cr, cx + 20 * u, cy, s.name, 8 * u);
        cx += tw;
    }
    return cy - y + 12 * u;
}

void lines(cairo_t* cr, const Frame& plot, const ReportChart& c, double top, double u) {
    const std::size_t n = c.categories.size();
    const auto px = [&](std::size_t i) {
        return plot.x +
               (n <= 1 ? plot.w / 2 : plot.w * static_cast<double>(i) / static_cast<double>(n - 1));
    };
    const auto py = [&](double v) { return plot.y + plot.h - plot.h * v / top; };
    // Month labels, thinned to fit.
    setFont(cr, 7 * u);
    const std::size_t every =
        std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil(static_cast<double>(n) * 34 *
                                                                    u / std::max(plot.w, 1.0))));
    for (std::size_t i = 0; i < n; i += every) {
        const double tw = textWidth(cr, c.categories[i]);
        plainText(cr, px(i) - tw / 2, plot.y + plot.h + 11 * u, c.categories[i], 7 * u);
    }
    for (const auto& s : c.series) {
        setColour(cr, s.colour);
        cairo_set_line_width(cr, 1.6 * u);
        const double dash[] = {3 * u, 2 * u};
        cairo_set_dash(cr, dash, s.dashed ? 2 : 0, 0);
        bool pen = false;
        for (std::size_t i = 0; i < n && i < s.values.size(); ++i) {
            if (!s.values[i]) { // no data: a gap, never a zero
                pen = false;
                continue;
            }
            (pen ? cairo_line_to : cairo_move_to)(cr, px(i), py(*s.values[i]));
            pen = true;
        }
        cairo_stroke(cr);
        cairo_set_dash(cr, nullptr, 0, 0);
        for (std::size_t i = 0; i < n && i < s.values.size(); ++i)
            if (s.values[i]) {
                cairo_arc(cr, px(i), py(*s.values[i]), (s.dashed ? 1.3 : 1.8) * u, 0, 2 * M_PI);
                cairo_fill(cr);
            }
    }
}

void bars(cairo_t* cr, const Frame& plot, const ReportChart& c, double top, double u) {
    const std::size_t n = c.categories.size(), k = std::max<std::size_t>(1, c.series.size());
    if (!n)
        return;
    const double band = plot.h / static_cast<double>(n);
    const double bar = std::min(band * 0.8 / static_cast<double>(k), 9 * u);
    for (std::size_t i = 0; i < n; ++i) {
        const double y0 =
            plot.y + band * static_cast<double>(i) + (band - bar * static_cast<double>(k)) / 2;
        setFont(cr, 7.5 * u);
        const double tw = textWidth(cr, c.categories[i]);
        plainText(cr, plot.x - tw - 4 * u, y0 + bar * static_cast<double>(k) / 2 + 2.5 * u,
                  c.categories[i], 7.5 * u);
        for (std::size_t s = 0; s < c.series.size(); ++s) {
            const auto& v = i < c.series[s].values.size() ? c.series[s].values[i] : std::nullopt;
            if (!v)
                continue;
            setColour(cr, c.series[s].colour);
            cairo_rectangle(cr, plot.x, y0 + bar * static_cast<double>(s), plot.w * *v / top,
                            bar * 0.92);
            cairo_fill(cr);
            if (s == 0) {
                const std::string t = tickText(*v);
                plainText(cr, plot.x + plot.w * *v / top + 2 * u, y0 + bar * 0.8, t, 6.5 * u, false,
                          {70, 70, 70, 255});
            }
        }
    }
}

} // namespace

std::vector<double> niceTicks(double top, int about) {
    if (!(top > 0))
        return {0, 1};
    const double raw = top / about;
    const double p = std::pow(10.0, std::floor(std::log10(raw)));
    double step = p;
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (m * p >= raw) {
            step = m * p;
            break;
        }
    step = std::max(step, 1.0); // counts: whole numbers
    std::vector<double> t;
    for (double v = 0; v < top + step * 0.999; v += step)
        t.push_back(v);
    if (t.size() < 2)
        t.push_back(step);
    return t;
}

void drawChart(cairo_t* cr, const Frame& f, const ReportChart& c, double u) {
    cairo_save(cr);
    plainText(cr, f.x, f.y + 10 * u, c.title, 9.5 * u, true);
    const double legend_h = legendRow(cr, f.x, f.y + 24 * u, f.w, c, u);
    const double note_h = c.note.empty() ? 0 : 14 * u;
    const bool across = c.kind == ReportChart::Kind::Bars;
    double label_w = 34 * u;
    if (across) {
        setFont(cr, 7.5 * u);
        for (const auto& cat : c.categories)
            label_w = std::max(label_w, textWidth(cr, cat) + 8 * u);
        label_w = std::min(label_w, f.w * 0.45);
    }
    Frame plot{f.x + label_w, f.y + 24 * u + legend_h, f.w - label_w - 24 * u,
               f.h - 24 * u - legend_h - 16 * u - note_h};
    const auto ticks = niceTicks(topOf(c));
    const double top = ticks.back();
    setFont(cr, 7 * u);
    for (double t : ticks) {
        cairo_set_source_rgb(cr, 0.85, 0.85, 0.85);
        cairo_set_line_width(cr, 0.5 * u);
        const std::string s = tickText(t);
        if (across) {
            const double x = plot.x + plot.w * t / top;
            cairo_move_to(cr, x, plot.y);
            cairo_line_to(cr, x, plot.y + plot.h);
            cairo_stroke(cr);
            plainText(cr, x - textWidth(cr, s) / 2, plot.y + plot.h + 10 * u, s, 7 * u, false,
                      {90, 90, 90, 255});
        } else {
            const double y = plot.y + plot.h - plot.h * t / top;
            cairo_move_to(cr, plot.x, y);
            cairo_line_to(cr, plot.x + plot.w, y);
            cairo_stroke(cr);
            plainText(cr, plot.x - textWidth(cr, s) - 4 * u, y + 2.5 * u, s, 7 * u, false,
                      {90, 90, 90, 255});
        }
    }
    if (across)
        bars(cr, plot, c, top, u);
    else
        lines(cr, plot, c, top, u);
    cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
    cairo_set_line_width(cr, 0.8 * u);
    cairo_move_to(cr, plot.x, plot.y);
    cairo_line_to(cr, plot.x, plot.y + plot.h);
    cairo_line_to(cr, plot.x + plot.w, plot.y + plot.h);
    cairo_stroke(cr);
    if (!c.y_label.empty())
        plainText(cr, plot.x + 4 * u, plot.y - 3 * u, c.y_label, 7 * u, false, {90, 90, 90, 255});
    if (!c.note.empty())
        plainText(cr, f.x, f.y + f.h - 3 * u, c.note, 7.5 * u, false, {160, 40, 20, 255});
    cairo_restore(cr);
}

} // namespace sw::print
