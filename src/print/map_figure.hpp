// A printed map's content, free of Cairo so that the session can fill it: the wards (with
// non-overlapping labels) over an optional basemap, a density surface on a ramp with values on its legend, hotspot
// outlines, shaded classes (Gi*), target areas in their status colours, the attribution.
// print/map_drawing.hpp draws it into a frame on a PNG, PDF or SVG surface.
#pragma once

#include "core/basemap_source.hpp"
#include "core/colour_ramps.hpp"
#include "core/kde.hpp"
#include "core/target_area.hpp"
#include "core/wards.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace sw {

struct MapShading {
    MultiPolygon shape;
    Rgba fill;
    std::string label; // the legend's line (one per distinct label)
};

struct MapFigure {
    // Drawn first, as it is (already grey and faded: core lookedAt), over its own box; the
    // wards are then filled lightly so that its streets show through.
    std::shared_ptr<const BasemapImage> basemap;
    const WardSet* wards = nullptr;
    bool ward_labels = false;
    const Grid* density = nullptr; // drawn where above density_floor
    double density_floor = 0;      // cells at or below are left clear
    double density_scale = 1;      // the legend's values: cell value * scale
    std::string density_title;     // "Incidents per km²"
    Ramp density_ramp = Ramp::YlOrRd;
    std::vector<MultiPolygon> outlines; // hotspot outlines
    std::string outline_label = "Hotspot";
    std::vector<MapShading> shading; // filled classes (Gi*), drawn under the outlines
    std::vector<TargetArea> areas;
    std::string attribution;   // printed inside the frame's foot
    std::optional<Box> extent; // default: the wards', else the areas'
};

} // namespace sw
