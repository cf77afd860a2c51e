// A context layer: any vector file shown over the map for orientation (CCTV sites, schools,
// roads, licensed premises), drawn simply: points as markers, lines and polygon outlines as
// lines. Not used by any analysis.
#pragma once

#include "core/geometry.hpp"
#include "core/layer_rules.hpp"
#include "core/load_report.hpp"

#include <string>
#include <vector>

namespace sw {

struct ContextLayer {
    std::string name; // the file's name without its folder, e.g. "cctv.geojson"
    std::string path;
    std::vector<Point> points;             // point features (and multipoint parts)
    std::vector<std::vector<Point>> lines; // line strings and polygon rings
    FileReport report;                     // features read, kept and skipped (with reasons)
    Rgba colour{40, 40, 40, 255};
    float size_px = 7; // marker size for points
    bool visible = true;

    Box bounds() const;
};

// A distinct colour for the n-th context layer (dark, saturated: they sit over pale fills).
Rgba contextColour(std::size_t n);

} // namespace sw
