// Writes hotspot areas as polygons with their statistics to GeoPackage, Shapefile or GeoJSON:
// rank, area_km2, incidents, one count per layer (by key), share_pct, pai, peak, wards.
#pragma once

#include "core/hotspots.hpp"
#include "core/result.hpp"
#include "io/vector_writer.hpp"

#include <string>
#include <vector>

namespace sw::io {

Status exportHotspots(const std::string& path, const std::vector<HotspotArea>& hotspots,
                      const std::vector<std::string>& layer_keys, const std::string& crs,
                      const std::string& description, const VectorWriteOptions& options = {});

} // namespace sw::io
