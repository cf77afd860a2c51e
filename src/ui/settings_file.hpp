// Settings that persist between runs of the map (not for offscreen screenshots): the hotspot
// and drawing settings, the choropleth, layer visibility and colours, point style. A plain
// key=value file in $XDG_CONFIG_HOME/streetweek (or ~/.config/streetweek) beside ImGui's
// window layout. Unknown or bad lines are ignored; the file is written whole on exit.
#pragma once

#include "render/draw_styles.hpp"
#include "session/session.hpp"
#include "ui/map_ui_state.hpp"

#include <string>
#include <vector>

namespace sw::ui {

// The settings folder (created if missing); empty when there is no home folder.
std::string settingsDir();

// `recent`: the Data panel's recent files (optional).
void loadSettings(const std::string& path, MapUiState& ui, Session& session,
                  std::vector<LayerDrawStyle>& styles, std::vector<std::string>* recent = nullptr);
// Layer rules and their styles are saved from the session.
bool saveSettings(const std::string& path, const MapUiState& ui, const Session& session,
                  const std::vector<std::string>* recent = nullptr);

} // namespace sw::ui
