// How the map draws its layers, as plain values the UI state keeps and the settings file saves
// (no GL): incident point styles, the density surface's ramp and range, context layer styles,
// and the options of one draw.
#pragma once

#include "core/basemap_source.hpp"
#include "core/colour_ramps.hpp"
#include "render/map_geometry.hpp"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace sw {

struct LayerDrawStyle {
    Rgba colour;
    float size_px = 4.0f;
    float opacity = 0.85f;
    bool visible = true;
    PointRange range{0, SIZE_MAX}; // the points drawn (the period); clamped to the layer
    PointRange outside{0, 0};      // the period's points outside the study area (drawn dimmed)
    float outside_opacity = 0.25f; // their opacity, relative to `opacity` (0: hidden)
    std::size_t stride = 1;        // draw every stride-th point of the range (level of detail)
};

struct DensityStyle {
    bool visible = true;
    Ramp ramp = Ramp::YlOrRd;
    float opacity = 0.75f;
    float min = 0, max = 1; // the ramp's range
    float floor = 0;        // values at or below are transparent
};

struct ContextDrawStyle {
    Rgba colour;
    float size_px = 7;
    bool visible = true;
};

struct MapDrawOptions {
    bool basemap_visible = false; // the uploaded basemap picture, under everything
    BasemapLook basemap;
    float ward_fill_opacity = 0.55f;
    DensityStyle density;
    bool hotspots_visible = true;
    bool classes_visible = false; // the classed grid (Gi* hot and cold spots)
    float classes_opacity = 0.7f;
    std::vector<ContextDrawStyle> context; // per context layer (as uploaded)
};

} // namespace sw
