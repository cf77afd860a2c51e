// Draws a report chart into a frame of a Cairo surface (PDF, PNG or SVG): monthly lines with
// markers and gaps where a month has no data, or bars across with their labels on the left;
// axes with round ticks, a legend and the chart's note. u scales every size (1: points).
#pragma once

#include "print/map_drawing.hpp"
#include "print/report_document.hpp"

namespace sw::print {

void drawChart(cairo_t* cr, const Frame& frame, const ReportChart& chart, double u = 1);

// Tick values from 0 to at least `top`: 0, step, 2 step, ... with a 1, 2 or 5 step.
std::vector<double> niceTicks(double top, int about = 5);

} // namespace sw::print
