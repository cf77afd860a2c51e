// The basemap under the map and the report's maps: one action for the map window (in the
// background, for the box in view) and for printed maps (for the figure's box at print size),
// in the session's working CRS.
#pragma once

#include "core/basemap_source.hpp"
#include "core/geometry.hpp"
#include "core/progress.hpp"
#include "session/session.hpp"

namespace sw {

// The basemap over `box` (working CRS) as a picture of `width` x `height` pixels.
Result<BasemapImage> basemapImage(const Session& session, const BasemapSource& source,
                                  const Box& box, int width, int height,
                                  Progress* progress = nullptr);
// The same for a working CRS given as text (a background job copies it, not the session).
Result<BasemapImage> basemapImage(const std::string& working_crs, const BasemapSource& source,
                                  const Box& box, int width, int height,
                                  Progress* progress = nullptr);

} // namespace sw
