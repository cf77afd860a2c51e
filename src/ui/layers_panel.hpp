// The Layers panel: one row per layer rule with visibility, colour and count, point size and
// opacity, and the rule editor (add, edit, delete layers).
#pragma once

#include "render/draw_styles.hpp"
#include "session/session.hpp"
#include "ui/map_ui_state.hpp"

#include <vector>

namespace sw::ui {

// Edits layer visibility, colour, point style and rules in the session. `counts`: each layer's
// incidents in the period inside the study area (as the legend and every figure count them);
// `totals`: all it holds. Edit and Add layer open ui.layer_draft in the rule editor.
void drawLayersPanel(Session& session, MapUiState& ui, const std::vector<std::size_t>& counts,
                     const std::vector<std::size_t>& totals, float& ward_fill_opacity,
                     bool& show_labels);

} // namespace sw::ui
