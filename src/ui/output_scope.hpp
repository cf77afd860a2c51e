// What an export or a report will cover, shown in its dialog and changeable there: the period
// (the map's, or months typed for this output only) and the layers (the map's shown layers,
// named), so that a period left on a test month does not go to partners or the board unseen.
#pragma once

#include "core/result.hpp"
#include "session/incident_selection.hpp"

#include <string>

namespace sw::ui {

struct OutputScope {
    std::string from, to; // YYYY-MM; both empty: the map's period
};

// Draws the period fields (the map's period as their hint) and the layers the output will use.
void drawOutputScope(OutputScope& scope, const SelectionParams& map_selection);

// The map's selection with the typed period applied; an error for months that are not YYYY-MM
// or out of order.
Result<SelectionParams> scopedSelection(const OutputScope& scope, const SelectionParams& map);

// "2025-01 to 2025-03" (or "every month") and the layers' names, for the dialogs' messages.
std::string scopeText(const SelectionParams& selection);

} // namespace sw::ui
