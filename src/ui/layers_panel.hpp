// The Layers panel: one row per layer rule with visibility, colour, point size and count.
#pragma once

#include "render/map_renderer.hpp"
#include "session/session.hpp"

#include <vector>

namespace sw::ui {

// Edits layer visibility and colour in the session's rules and sizes in `styles`.
void drawLayersPanel(Session& session, std::vector<LayerDrawStyle>& styles,
                     const std::vector<std::size_t>& counts, float& ward_fill_opacity,
                     bool& show_labels);

} // namespace sw::ui
