// Expands the user's --incidents arguments (files, folders, .zip archives) into files.
#pragma once

#include "core/result.hpp"

#include <string>
#include <vector>

namespace sw::io {

// Every CSV or GDAL vector file named, or inside a named folder or zip archive
// (sorted by name). A missing path is an error naming it.
Result<std::vector<std::string>> expandIncidentInputs(const std::vector<std::string>& paths);

// True for extensions read as incident or ward sources (csv, gpkg, shp, geojson, json, kml, ...).
bool isDataFileName(const std::string& name);

} // namespace sw::io
