// The plan file: one GeoPackage partners open in QGIS. A `target_areas` polygon layer
// (EPSG:27700) with the schedule attributes, a `plan_settings` table (key, value) and a
// `plan_sources` table (role, path, bytes, checksum). Saving is atomic: the file is written
// beside the target under a temporary name, flushed to disk and renamed over it, so a crash,
// kill or full disk mid-save leaves the previous plan whole.
#pragma once

#include "core/result.hpp"
#include "core/target_area.hpp"

#include <string>

namespace sw::io {

Result<Plan> readPlan(const std::string& path);
// `crs`: the areas' CRS (the session's working CRS).
Status writePlan(const std::string& path, const Plan& plan, const std::string& crs = "EPSG:27700");

// The checksum a plan records for a data file (FNV-1a 64 of its bytes, 16 hex digits); empty
// when it cannot be read.
std::string fileChecksum(const std::string& path);

} // namespace sw::io
