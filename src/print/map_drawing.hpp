// Draws a MapFigure into a frame of a Cairo surface: background, density, wards, shading,
// outlines, areas and their labels, ward labels that overlap nothing, then the legend, scale
// bar, north arrow and attribution. u scales every size (1: a 1600 px wide image).
#pragma once

#include "print/cairo_drawing.hpp"
#include "print/map_figure.hpp"

namespace sw::print {

struct Frame {
    double x = 0, y = 0, w = 0, h = 0;
};

// Returns the number of ward labels placed.
int drawMapFigure(cairo_t* cr, const Frame& frame, const MapFigure& figure, double u);

} // namespace sw::print
