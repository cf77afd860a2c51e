// `streetweek gui` options applied on top of the saved settings: only what was given changes.
#pragma once

#include "cli/commands.hpp"
#include "session/session.hpp"
#include "ui/map_ui_state.hpp"

namespace sw::app {

// The period, drawing and analysis settings, the layer rules (--layer-rule/--layers), the
// shown layers (--layer) and the layer opened in the rule editor (--edit-layer).
void applyOptions(const cli::GuiOptions& options, ui::MapUiState& ui, Session& session);

} // namespace sw::app
