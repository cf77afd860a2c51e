// Reads ward boundaries from any GDAL vector source (Shapefile, GeoPackage, GeoJSON, KML...).
#pragma once

#include "core/load_report.hpp"
#include "core/wards.hpp"

#include <string>

namespace sw::io {

struct WardReadOptions {
    std::string code_field; // empty = detect (WDnnCD, LSOAnnCD, ward_code, code, ...)
    std::string name_field; // empty = detect (WDnnNM, LSOAnnNM, ward_name, name, ...)
};

struct WardFile {
    WardSet wards;          // coordinates in source_crs, areas and bounds not yet set
    FileReport report;      // rows = features
    std::string source_crs; // WKT, or EPSG:4326 when the layer has none
    bool source_geographic = true;
};

WardFile readWardFile(const std::string& path, const WardReadOptions& options);

// Detects the code and name fields from a list of field names; empty when none fits.
std::pair<std::string, std::string> detectWardFields(const std::vector<std::string>& fields);

} // namespace sw::io
