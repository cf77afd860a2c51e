// Context layers for the map: read with GDAL and projected to the working CRS.
#pragma once

#include "core/context_layer.hpp"
#include "core/result.hpp"

#include <string>

namespace sw {

// Reads `path` and projects it to `working_crs`. Features that cannot be projected are
// skipped and counted in the layer's report; a file with nothing to draw is an error.
Result<ContextLayer> loadContextLayer(const std::string& path, const std::string& working_crs);

} // namespace sw
