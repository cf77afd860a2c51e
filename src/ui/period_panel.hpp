// Period panel: the month range over the data's months, and play/pause stepping month by month.
#pragma once

#include "session/session.hpp"
#include "ui/map_ui_state.hpp"

namespace sw::ui {

void drawPeriodPanel(MapUiState& ui, const Session& session, double now_s);

} // namespace sw::ui
