// The density surface of a selection, as every output that derives from it (the kde GeoTIFF,
// hotspot outlines, the pack, the report, the map) must see it: rows of sources that are not
// public were moved at load (unless the user asked for exact locations), and a cell that fewer
// than LoadRequest::mask_min_rows of them reach shows the public rows' density only.
#pragma once

#include "core/kde.hpp"
#include "core/progress.hpp"
#include "core/result.hpp"
#include "session/incident_selection.hpp"

#include <string>
#include <vector>

namespace sw {

// Per selected point: 1 when its row's location is a masked one (a non-public source, loaded
// without --exact-locations).
std::vector<std::uint8_t> maskedPoints(const Session& session, const Selection& selection);

// The selection's KDE on the params' grid; a note is added when cells were held back.
Result<KdeResult> selectionDensity(const Session& session, const Selection& selection,
                                   const KdeParams& params, const Box& extent,
                                   std::vector<std::string>& notes, Progress* progress = nullptr);

} // namespace sw
