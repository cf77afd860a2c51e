// Expands the user's --incidents arguments (files, folders, .zip archives) into files.
#pragma once

#include "core/result.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace sw::io {

// Limits on archives: entries, and how far their data files may inflate (CSV compresses about
// 10 times; a 2 MB zip that inflates to 2 GiB is refused), above a size worth checking.
constexpr std::size_t kMaxArchiveEntries = 200'000;
constexpr std::uint64_t kMaxInflation = 200;
constexpr std::uint64_t kMinBombBytes = 256ull << 20;

// Every CSV or GDAL vector file named, or inside a named folder or zip archive (sorted by
// name). A missing path is an error naming it; files inside a folder that cannot be read (a
// symlink loop, a pipe) are skipped with a line in `warnings`.
Result<std::vector<std::string>> expandIncidentInputs(const std::vector<std::string>& paths,
                                                      std::vector<std::string>* warnings = nullptr);

// The path GDAL's virtual file API reads a file through (/vsigzip/ for .gz files).
std::string vsiPath(const std::string& path);

// Bytes of a file (inflated, inside a zip) through GDAL's virtual file API; 0 when unknown.
std::uint64_t inputBytes(const std::string& path);

// True for extensions read as incident or ward sources (csv, gpkg, shp, geojson, json, kml, ...).
bool isDataFileName(const std::string& name);

} // namespace sw::io
