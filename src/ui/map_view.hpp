// The map view: pan by drag, zoom at the cursor (wheel, +/-), fit (F or Home); overlays drawn
// with ImGui (ward labels, banner, cursor position, attribution, scale bar).
#pragma once

#include "render/map_camera.hpp"
#include "render/map_geometry.hpp"
#include "session/live_analysis.hpp"
#include "session/session.hpp"
#include "ui/area_tools.hpp"
#include "ui/map_ui_state.hpp"
#include "ui/shortcut_keys.hpp"

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
    ShortcutKeys keys;                // the backend's key codes (set by the app)
};

// Reads mouse/keyboard input for the map when ImGui does not want it. `left_drag_pans` false:
// the left button belongs to a drawing tool (the middle button still pans).
void handleMapInput(MapViewState& view, const Box& data_bounds, bool left_drag_pans = true);

struct ShortcutRequests {
    bool save_plan = false;  // Ctrl+S
    bool save_image = false; // Ctrl+Shift+S
};

// Keyboard shortcuts for the map state (see the help panel).
ShortcutRequests handleShortcuts(const ShortcutKeys& keys, MapUiState& ui, const Session& session,
                                 double now_s);

// This frame's input for the target-area tools (ui/area_tools): the cursor in map metres when
// it is over the map, the buttons, and the tool keys (P, C, R, Enter, Esc, Delete, Ctrl+Z,
// Ctrl+Y) when no text field has the keyboard.
AreaToolInput readAreaToolInput(const MapViewState& view);

// What the legend and the hover tooltip show besides the session.
struct MapOverlayInfo {
    const MapUiState* ui = nullptr;
    const MapAnalysis* analysis = nullptr; // latest live analysis, if any
    const std::vector<LayerDrawStyle>* styles = nullptr;
    std::vector<std::size_t> layer_counts; // points per layer in the period, in the study area
    ClassBreaks breaks;                    // choropleth classes (empty: off)
    std::vector<Rgba> class_colours;
    std::string choropleth_title;
    std::string title;               // map title (layers and period)
    std::string basemap_attribution; // "Basemap (c) ..." when a basemap is drawn
    float top_margin = 0;            // pixels taken by the menu bar
    std::size_t point_stride = 1;    // 1 in k points drawn (level of detail)
    float scale = 1;                 // furniture scale (a map image larger than the window)
    bool drawing = false;            // a target-area tool or drag is active: no hover tooltip
};

// Draws labels and the map furniture (title, legend, scale bar, north arrow, attribution,
// cursor position, hover tooltip) on ImGui's background draw list.
void drawMapOverlays(const MapViewState& view, const Session& session, const MapGeometry& geometry,
                     const geo::CrsTransform* to_lonlat, const MapOverlayInfo& info);

} // namespace sw::ui
