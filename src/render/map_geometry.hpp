// CPU-side map geometry (no GL): ward triangles and outlines with their fill colours, and
// incident positions per layer, as float offsets from an origin. Built off the UI thread.
#pragma once

#include "core/context_layer.hpp"
#include "core/geometry.hpp"
#include "core/incident_table.hpp"
#include "core/layer_rules.hpp"
#include "core/wards.hpp"

#include <string>
#include <vector>

namespace sw {

struct MapGeometry {
    Point origin{0, 0};                  // world point float positions are relative to
    std::vector<float> fill_vertices;    // x, y, r, g, b, a per vertex (triangles)
    std::vector<float> outline_vertices; // x, y, r, g, b, a per vertex (line segments)
    // Per layer: x, y per point; the points inside the study area first, then those outside
    // it, each part sorted by month (so a period is one draw range in each part).
    std::vector<std::vector<float>> layer_points;
    std::vector<std::vector<MonthIndex>> layer_months; // per layer: each point's month
    std::vector<std::size_t> layer_counts;             // points per layer
    std::vector<std::size_t> layer_inside;             // of those, inside the study area
    std::vector<std::string> layer_signature;          // the rules the points were built for
    std::vector<std::uint32_t> ward_fill_first, ward_fill_count; // fill vertices per ward
    std::vector<Point> ward_label_anchors; // a point inside each ward, for labels
    std::vector<int> ward_colour_index;    // palette index per ward (neighbours differ)
};

// The points of layer l in months from..to (inclusive; kNoMonth = open): [first, first + count)
// of its sorted buffer, so the renderer draws a period with one call and no per-point work.
struct PointRange {
    std::size_t first = 0, count = 0;
};
PointRange monthRange(const std::vector<MonthIndex>& sorted_months, MonthIndex from, MonthIndex to);
// The same within months[begin, end) (one month-sorted part of a layer's buffer).
PointRange monthRange(const std::vector<MonthIndex>& months, std::size_t begin, std::size_t end,
                      MonthIndex from, MonthIndex to);

// Level of detail for points: the stride that keeps about `budget` points on screen, from the
// points in the period and the share of the data's box that the view shows (1 = every point).
// Capped at 255 (the vertex attribute stride limit).
std::size_t pointStride(std::size_t points_in_period, double visible_share, std::size_t budget);

// Rewrites the fill colour of every ward's triangles (e.g. for a choropleth).
void recolourWardFills(MapGeometry& g, const std::vector<Rgba>& ward_colours, float alpha = 1);

// Outline segments of shapes (e.g. hotspots), as x, y, r, g, b, a vertex pairs relative to
// the origin.
std::vector<float> outlineVertices(const std::vector<MultiPolygon>& shapes, const Point& origin,
                                   const Rgba& colour);

// A context layer as float vertices relative to the origin: line segment end points (x, y
// pairs for GL_LINES, two per segment) and point markers (x, y).
struct ContextVertices {
    std::vector<float> segments;
    std::vector<float> points;
};
ContextVertices contextVertices(const ContextLayer& layer, const Point& origin);

// A soft categorical palette for ward fills (ColorBrewer Pastel1-like).
Rgba wardPaletteColour(int index);

// Layers with points (layer masks are 32-bit).
constexpr std::size_t kMaxLayers = 32;

// Incident positions per layer, sorted by month, relative to `origin`; rebuilt (off the UI
// thread) when the user edits a layer rule.
struct LayerPoints {
    std::vector<std::vector<float>> points; // inside the study area first, then outside
    std::vector<std::vector<MonthIndex>> months;
    std::vector<std::size_t> counts, inside;
    std::vector<std::string> signature; // layerMatchSignature of each rule
};
// `study_area`: incidents with no ward lie outside it (false: every incident is inside).
LayerPoints buildLayerPoints(const IncidentTable& incidents, const std::vector<LayerRule>& layers,
                             const Point& origin, bool study_area);
void setLayerPoints(MapGeometry& g, LayerPoints&& points);

// What decides a layer's points (its rule without name, colour and visibility): when these
// differ from the geometry's, the points need rebuilding.
std::string layerMatchSignature(const LayerRule& rule);
std::vector<std::string> layerSignatures(const std::vector<LayerRule>& layers);

MapGeometry buildMapGeometry(const WardSet& wards, const IncidentTable& incidents,
                             const std::vector<LayerRule>& layers);

} // namespace sw
