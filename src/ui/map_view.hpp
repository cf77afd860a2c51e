// The map view: pan by drag, zoom at the cursor (wheel, +/-), fit (F or Home); overlays drawn
// with ImGui (ward labels, banner, cursor position, attribution, scale bar).
#pragma once

#include "render/map_camera.hpp"
#include "render/map_geometry.hpp"
#include "session/session.hpp"

#include <optional>
#include <string>

namespace sw::geo {
class CrsTransform;
}

namespace sw::ui {

struct MapViewState {
    MapCamera camera;
    float ward_fill_opacity = 0.55f;
    bool show_labels = true;
    bool fit_requested = true;
    std::optional<Point> hover_world; // cursor position in working-CRS metres
};

// Reads mouse/keyboard input for the map when ImGui does not want it.
void handleMapInput(MapViewState& view, const Box& data_bounds);

// Draws labels and the map furniture on ImGui's background draw list.
void drawMapOverlays(const MapViewState& view, const Session& session, const MapGeometry& geometry,
                     const geo::CrsTransform* to_lonlat);

} // namespace sw::ui
