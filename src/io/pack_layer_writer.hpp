// Writes a set of layers (one table each, with polygons, points or no geometry) into a folder
// in one of the partner formats, through GDAL:
//   shp      one shapefile set per layer (.shp .shx .dbf .prj .cpg, UTF-8) with its .qml;
//            field names from the fixed short-name table (core/short_field_names.hpp)
//   gpkg     one GeoPackage with every layer and a QGIS `layer_styles` table
//   geojson  one RFC 7946 file per layer (WGS84 longitude/latitude) with its .qml
//   kml      one KML file per layer (WGS84), each feature coloured as its style class
//   csv      one file per layer: numbers unquoted, a .csvt of column types, the polygon as WKT
//            (points as X, Y) and centroid columns
//   xlsx     one workbook, a sheet per layer, centroid (or point) columns for the geometry
// A suppressed count is null in shp, gpkg, geojson and kml; in csv and xlsx, where its column
// is then text, a small count is the marker text ("<5") and a value withheld with it (so that
// the small one cannot be worked out) is "[c]".
#pragma once

#include "core/geometry.hpp"
#include "core/result.hpp"
#include "io/layer_style.hpp"
#include "io/vector_writer.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sw::io {

constexpr const char* kWithheldText = "[c]";

enum class PackFormat { Shapefile, GeoPackage, GeoJson, Kml, Csv, Xlsx };
std::optional<PackFormat> parsePackFormat(std::string_view name); // shp, gpkg, geojson, ...
const char* packFormatName(PackFormat format);                    // "shp"
const char* packFormatTitle(PackFormat format);                   // "ESRI Shapefile"

struct OutLayer {
    enum class Geometry { Polygon, Point, None };
    std::string name;  // file or layer name: target_areas
    std::string title; // one line: what the layer is
    Geometry geometry = Geometry::Polygon;
    std::vector<FieldSpec> fields; // long names
    std::vector<std::vector<FieldValue>> rows;
    std::vector<MultiPolygon> shapes; // Polygon: one per row (working CRS)
    std::vector<Point> points;        // Point: one per row (working CRS)
    LayerStyle style;

    // The index of a field by name, or fields.size() when it has none of that name.
    std::size_t fieldIndex(std::string_view field) const {
        for (std::size_t i = 0; i < fields.size(); ++i)
            if (fields[i].name == field)
                return i;
        return fields.size();
    }
};

struct WrittenLayers {
    std::vector<std::string> files; // names within the folder
    // Shapefile: per layer, the fields whose names were shortened (long, short).
    std::vector<std::pair<std::string, std::vector<std::pair<std::string, std::string>>>> renamed;
};

// The folder must exist (the pack's temporary folder); `base` names the one-file formats
// (gpkg, xlsx); `crs` is the working CRS of the geometry; `suppressed_text` is written for a
// suppressed count in csv and xlsx.
Result<WrittenLayers> writePackLayers(const std::string& folder, const std::string& base,
                                      PackFormat format, const std::vector<OutLayer>& layers,
                                      const std::string& crs, const std::string& suppressed_text);

// The style class a row falls in (the layer's single class for Kind::Single), or -1.
int styleClassOf(const LayerStyle& style, const std::vector<FieldSpec>& fields,
                 const std::vector<FieldValue>& row);

} // namespace sw::io
