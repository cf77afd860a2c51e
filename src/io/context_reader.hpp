// Reads a context layer (points, lines, polygons) from any GDAL vector source; the caller
// projects it to the working CRS.
#pragma once

#include "core/context_layer.hpp"

#include <string>

namespace sw::io {

struct ContextFile {
    ContextLayer layer;     // coordinates in source_crs
    std::string source_crs; // "AUTH:CODE" or WKT; EPSG:4326 when the file has none
};

// Every layer of the file is read. Features without geometry, or with a kind that cannot be
// drawn, are skipped and counted in the report with their feature numbers; a file with no
// drawable feature is an error.
ContextFile readContextFile(const std::string& path);

} // namespace sw::io
