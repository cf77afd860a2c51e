// Cairo primitives shared by the printed maps, charts and report pages: a world-to-page view,
// polygons, text with and without a halo, word wrapping, scale bars and north arrows. Sizes
// are in the surface's units (pixels for PNG, points for PDF).
#pragma once

#include "core/geometry.hpp"
#include "core/layer_rules.hpp"

#include <cairo.h>

#include <string>
#include <vector>

namespace sw::print {

// World metres (y up) to the surface (y down).
struct View {
    double scale = 1, x0 = 0, y1 = 0, left = 0, top = 0;
    double sx(double x) const { return left + (x - x0) * scale; }
    double sy(double y) const { return top + (y1 - y) * scale; }
    // The box centred in the frame with a margin (1.04: 2% each side).
    static View fit(const Box& world, double x, double y, double w, double h, double margin = 1.04);
};

constexpr Rgba kInk{26, 26, 26, 255};

void setColour(cairo_t* cr, const Rgba& c, double alpha = 1);
void polygonPath(cairo_t* cr, const View& v, const MultiPolygon& shape);
void drawShape(cairo_t* cr, const View& v, const MultiPolygon& shape, const Rgba& fill,
               double fill_alpha, const Rgba& line, double line_width);

void setFont(cairo_t* cr, double size, bool bold = false);
double textWidth(cairo_t* cr, const std::string& text); // at the current font
// Text with a white halo; centred on (x, y) when `centre`, else (x, y) is the baseline start.
void haloText(cairo_t* cr, double x, double y, const std::string& text, double size,
              const Rgba& ink, bool centre, double halo = 3.5, bool bold = false);
void plainText(cairo_t* cr, double x, double y, const std::string& text, double size,
               bool bold = false, const Rgba& ink = kInk);
// Words wrapped to `width` at the current font ("\n" breaks a line).
std::vector<std::string> wrapText(cairo_t* cr, const std::string& text, double width);

// The largest 1, 2 or 5 times a power of ten not above `metres`.
double niceLength(double metres);
// A four-part scale bar at (x, y) about a fifth of the frame wide; u scales its text.
void scaleBar(cairo_t* cr, const View& v, double x, double y, double frame_width, double u);
// A north arrow with its tip at (x, y), about 60u tall.
void northArrow(cairo_t* cr, double x, double y, double u);

} // namespace sw::print
