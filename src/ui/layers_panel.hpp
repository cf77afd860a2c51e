// The Layers panel: one row per layer rule with visibility, colour and count, point size and
// opacity, and the rule editor (add, edit, delete layers).
#pragma once

#include "render/draw_styles.hpp"
#include "session/session.hpp"
#include "ui/map_ui_state.hpp"

#include <vector>

namespace sw::ui {

// Edits layer visibility, colour, point style and rules in the session; `counts` are
// the points each layer holds. Edit and Add layer open ui.layer_draft in the rule editor.
void drawLayersPanel(Session& session, MapUiState& ui, const std::vector<std::size_t>& counts,
                     float& ward_fill_opacity, bool& show_labels);

} // namespace sw::ui
