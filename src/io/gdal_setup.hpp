// One-time GDAL/OGR driver registration and a quiet error handler.
#pragma once

#include <string>

namespace sw::io {

// Registers drivers once; safe to call from anywhere.
void ensureGdal();
// The last GDAL error message (CPLGetLastErrorMsg), trimmed to one line.
std::string lastGdalError();

} // namespace sw::io
