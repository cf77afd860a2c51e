// The Basemap menu (none, OpenStreetMap, a tile URL or file, opacity, greyscale) and the
// Basemap panel where a source is typed and an online one is agreed to: the view area is sent
// to the tile server only after the user has read so and turned it on.
#pragma once

#include "ui/basemap_layer.hpp"

#include <optional>
#include <string>

namespace sw::ui {

struct BasemapPanelState {
    bool open = false;
    std::string text;                     // the source as typed
    std::optional<BasemapSource> pending; // an online source waiting for "Turn on"
    std::string message;                  // why the typed source cannot be used
};

// Reads the typed source: a file or offline source is chosen at once, an online one waits in
// `pending` for the user to agree to its notice.
void submitBasemap(BasemapPanelState& state, BasemapLayer& layer);

// Items of the Basemap menu (inside the menu bar); `look` is the map's (saved in its settings).
void drawBasemapMenu(BasemapPanelState& state, BasemapLayer& layer, BasemapLook& look);

// The panel, while open.
void drawBasemapPanel(BasemapPanelState& state, BasemapLayer& layer);

} // namespace sw::ui
