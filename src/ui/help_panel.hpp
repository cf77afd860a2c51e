// Help panel: keyboard shortcuts and how the map works.
#pragma once

namespace sw::ui {

void drawHelpPanel(bool& open);

} // namespace sw::ui
