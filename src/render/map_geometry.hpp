// CPU-side map geometry (no GL): ward triangles and outlines with their fill colours, and
// incident positions per layer, as float offsets from an origin. Built off the UI thread.
#pragma once

#include "core/geometry.hpp"
#include "core/incident_table.hpp"
#include "core/layer_rules.hpp"
#include "core/wards.hpp"

#include <vector>

namespace sw {

struct MapGeometry {
    Point origin{0, 0};                           // world point float positions are relative to
    std::vector<float> fill_vertices;             // x, y, r, g, b, a per vertex (triangles)
    std::vector<float> outline_vertices;          // x, y, r, g, b, a per vertex (line segments)
    std::vector<std::vector<float>> layer_points; // per layer: x, y per point
    std::vector<std::size_t> layer_counts;        // points per layer
    std::vector<Point> ward_label_anchors;        // a point inside each ward, for labels
    std::vector<int> ward_colour_index;           // palette index per ward (neighbours differ)
};

// A soft categorical palette for ward fills (ColorBrewer Pastel1-like).
Rgba wardPaletteColour(int index);

MapGeometry buildMapGeometry(const WardSet& wards, const IncidentTable& incidents,
                             const std::vector<LayerRule>& layers);

} // namespace sw
