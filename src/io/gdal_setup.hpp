// One-time GDAL/OGR driver registration and a quiet error handler.
#pragma once

#include <string>

class OGRLayer;

namespace sw::io {

// Registers drivers once; safe to call from anywhere.
void ensureGdal();
// The last GDAL error message (CPLGetLastErrorMsg) on one line; `fallback` when GDAL gave
// none, so a message never ends in empty brackets.
std::string lastGdalError(const std::string& fallback = "GDAL gave no reason");

// A layer's CRS as "AUTH:CODE" when it has one, else WKT2; EPSG:4326 (with `missing` set)
// when the layer declares none. OGC:CRS84 (GeoJSON) is reported as EPSG:4326 (lon/lat order).
struct LayerCrs {
    std::string crs;
    bool geographic = true;
    bool missing = false;
};
LayerCrs layerCrs(OGRLayer& layer);

} // namespace sw::io
