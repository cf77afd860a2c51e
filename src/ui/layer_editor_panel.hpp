// The layer rule editor panel, open while ui.layer_draft is (Edit or Add layer in Layers).
#pragma once

#include "session/session.hpp"
#include "ui/map_ui_state.hpp"

namespace sw::ui {

// A colour swatch that opens a picker; true when the colour changed (also used by Layers).
bool colourButton(const char* id, Rgba& colour);

// True when a rule was added, changed or deleted (the map rebuilds that layer's points).
bool drawLayerEditorPanel(Session& session, MapUiState& ui);

} // namespace sw::ui
