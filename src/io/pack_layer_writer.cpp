// The partner formats through GDAL.
#include "io/pack_layer_writer.hpp"

#include "core/atomic_file.hpp"
#include "core/short_field_names.hpp"
#include "io/gdal_setup.hpp"
#include "io/ogr_fields.hpp"
#include "io/ogr_geometry.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <memory>

namespace sw::io {
namespace fs = std::filesystem;

namespace {

struct FormatInfo {
    PackFormat format;
    const char* name;
    const char* title;
    const char* driver;
    const char* ext;
    bool one_file; // every layer in one file named after the pack
};

constexpr FormatInfo kFormats[] = {
    {PackFormat::Shapefile, "shp", "ESRI Shapefile", "ESRI Shapefile", ".shp", false},
    {PackFormat::GeoPackage, "gpkg", "GeoPackage", "GPKG", ".gpkg", true},
    {PackFormat::GeoJson, "geojson", "GeoJSON (RFC 7946)", "GeoJSON", ".geojson", false},
    {PackFormat::Kml, "kml", "KML", "LIBKML", ".kml", false},
    {PackFormat::Csv, "csv", "CSV", "CSV", ".csv", false},
    {PackFormat::Xlsx, "xlsx", "Excel workbook (XLSX)", "XLSX", ".xlsx", true},
};

const FormatInfo& infoOf(PackFormat f) {
    for (const auto& i : kFormats)
        if (i.format == f)
            return i;
    return kFormats[0];
}

bool tabular(PackFormat f) {
    return f == PackFormat::Csv || f == PackFormat::Xlsx;
}

std::string numberText(const FieldValue& v) {
    if (const auto* i = std::get_if<std::int64_t>(&v))
        return std::to_string(*i);
    if (const auto* d = std::get_if<double>(&v)) {
        char buf[40];
        std::snprintf(buf, sizeof buf, "%.10g", *d);
        return buf;
    }
    return {};
}

std::string dateText(const DateValue& d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
    return buf;
}

std::string hexColour(const Rgba& c, bool alpha) {
    char buf[16];
    if (alpha)
        std::snprintf(buf, sizeof buf, "#%02X%02X%02X%02X", c.r, c.g, c.b, c.a);
    else
        std::snprintf(buf, sizeof buf, "#%02X%02X%02X", c.r, c.g, c.b);
    return buf;
}

// The columns one layer gets in a format: the layer's own, then, for the tabular formats, the
// geometry as numbers.
struct Columns {
    std::vector<FieldSpec> specs; // long names
    std::vector<std::string> names;
    std::vector<std::uint8_t> as_text; // a number or date column written as text
    bool centroid = false, xy = false;
};

Columns columnsFor(const OutLayer& layer, PackFormat format) {
    Columns c;
    c.specs = layer.fields;
    if (tabular(format) && layer.geometry == OutLayer::Geometry::Polygon) {
        c.specs.push_back({"centroid_easting", FieldSpec::Type::Real});
        c.specs.push_back({"centroid_northing", FieldSpec::Type::Real});
        c.centroid = true;
    }
    if (format == PackFormat::Xlsx && layer.geometry == OutLayer::Geometry::Point) {
        c.specs.push_back({"easting", FieldSpec::Type::Real});
        c.specs.push_back({"northing", FieldSpec::Type::Real});
        c.xy = true;
    }
    std::vector<std::string> long_names;
    for (const auto& f : c.specs)
        long_names.push_back(f.name);
    c.names = format == PackFormat::Shapefile ? shortFieldNames(long_names) : long_names;
    c.as_text.assign(c.specs.size(), 0);
    for (std::size_t i = 0; i < layer.fields.size(); ++i) {
        if (!tabular(format) && format != PackFormat::Kml)
            break;
        if (layer.fields[i].type == FieldSpec::Type::Date &&
            (format == PackFormat::Csv || format == PackFormat::Kml))
            c.as_text[i] = 1; // ISO dates, not GDAL's YYYY/MM/DD
        for (const auto& row : layer.rows)
            if (tabular(format) && i < row.size() && std::holds_alternative<Suppressed>(row[i]))
                c.as_text[i] = 1;
    }
    return c;
}

OGRwkbGeometryType geometryType(const OutLayer& layer, PackFormat format) {
    if (format == PackFormat::Xlsx || layer.geometry == OutLayer::Geometry::None)
        return wkbNone;
    return layer.geometry == OutLayer::Geometry::Point ? wkbPoint : wkbMultiPolygon;
}

Status createFields(OGRLayer& ogr, const Columns& c, PackFormat format, const std::string& where) {
    for (std::size_t i = 0; i < c.specs.size(); ++i) {
        const OGRFieldType t = c.as_text[i] ? OFTString : ogrFieldType(c.specs[i].type);
        OGRFieldDefn def(c.names[i].c_str(), t);
        if (t == OFTString && format == PackFormat::Shapefile)
            def.SetWidth(254);
        if (ogr.CreateField(&def) != OGRERR_NONE)
            return Error{where + ": cannot create field '" + c.names[i] + "' (" + lastGdalError() +
                         ")"};
    }
    return okStatus();
}

void setValue(OGRFeature& feat, int idx, const FieldValue& v, bool as_text,
              const std::string& marker) {
    if (as_text && std::holds_alternative<Suppressed>(v))
        feat.SetField(idx, std::get<Suppressed>(v).small ? marker.c_str() : kWithheldText);
    else if (as_text && std::holds_alternative<DateValue>(v))
        feat.SetField(idx, dateText(std::get<DateValue>(v)).c_str());
    else if (as_text && !std::holds_alternative<std::monostate>(v) &&
             !std::holds_alternative<std::string>(v))
        feat.SetField(idx, numberText(v).c_str());
    else
        setOgrField(feat, idx, v);
}

Status writeFeatures(OGRLayer& ogr, const OutLayer& layer, const Columns& c, PackFormat format,
                     OGRSpatialReference& srs, const std::string& marker,
                     const std::string& where) {
    const bool with_geometry = geometryType(layer, format) != wkbNone;
    for (std::size_t r = 0; r < layer.rows.size(); ++r) {
        OGRFeature feat(ogr.GetLayerDefn());
        const auto& row = layer.rows[r];
        for (std::size_t i = 0; i < row.size() && i < layer.fields.size(); ++i)
            setValue(feat, static_cast<int>(i), row[i], c.as_text[i], marker);
        const int extra = static_cast<int>(layer.fields.size());
        if (c.centroid && r < layer.shapes.size() && !layer.shapes[r].empty()) {
            Point centre;
            bg::centroid(layer.shapes[r], centre);
            feat.SetField(extra, std::round(centre.x()));
            feat.SetField(extra + 1, std::round(centre.y()));
        }
        if (c.xy && r < layer.points.size()) {
            feat.SetField(extra, layer.points[r].x());
            feat.SetField(extra + 1, layer.points[r].y());
        }
        if (with_geometry && layer.geometry == OutLayer::Geometry::Polygon &&
            r < layer.shapes.size()) {
            OGRMultiPolygon mp = toOgrMultiPolygon(layer.shapes[r]);
            mp.assignSpatialReference(&srs);
            feat.SetGeometry(&mp);
        } else if (with_geometry && r < layer.points.size()) {
            OGRPoint pt(layer.points[r].x(), layer.points[r].y());
            pt.assignSpatialReference(&srs);
            feat.SetGeometry(&pt);
        }
        if (format == PackFormat::Kml) {
            const int k = styleClassOf(layer.style, layer.fields, row);
            if (k >= 0) {
                const StyleClass& sc = layer.style.classes[static_cast<std::size_t>(k)];
                const std::string style = layer.geometry == OutLayer::Geometry::Point
                                              ? "SYMBOL(c:" + hexColour(sc.fill, false) + ")"
                                              : "PEN(c:" + hexColour(sc.outline, false) +
                                                    ",w:2px);BRUSH(fc:" + hexColour(sc.fill, true) +
                                                    ")";
                feat.SetStyleString(style.c_str());
            }
        }
        if (ogr.CreateFeature(&feat) != OGRERR_NONE)
            return Error{where + ": cannot write feature " + std::to_string(r + 1) + " (" +
                         lastGdalError() + ")"};
    }
    return okStatus();
}

char** layerOptions(PackFormat format, const OutLayer& layer) {
    char** lco = nullptr;
    switch (format) {
    case PackFormat::Shapefile:
        lco = CSLSetNameValue(lco, "ENCODING", "UTF-8");
        break;
    case PackFormat::GeoJson:
        lco = CSLSetNameValue(lco, "RFC7946", "YES");
        lco = CSLSetNameValue(lco, "DESCRIPTION", layer.title.c_str());
        break;
    case PackFormat::Csv:
        lco = CSLSetNameValue(lco, "STRING_QUOTING", "IF_NEEDED");
        lco = CSLSetNameValue(lco, "CREATE_CSVT", "YES");
        if (layer.geometry == OutLayer::Geometry::Polygon)
            lco = CSLSetNameValue(lco, "GEOMETRY", "AS_WKT");
        else if (layer.geometry == OutLayer::Geometry::Point)
            lco = CSLSetNameValue(lco, "GEOMETRY", "AS_XY");
        break;
    case PackFormat::GeoPackage:
        lco = CSLSetNameValue(lco, "DESCRIPTION", layer.title.c_str());
        break;
    default:
        break;
    }
    return lco;
}

Status writeOne(GDALDataset& ds, const OutLayer& layer, PackFormat format, OGRSpatialReference& srs,
                const std::string& marker, const std::string& where, Columns& columns) {
    columns = columnsFor(layer, format);
    char** lco = layerOptions(format, layer);
    const OGRwkbGeometryType gt = geometryType(layer, format);
    OGRLayer* ogr = ds.CreateLayer(layer.name.c_str(), gt == wkbNone ? nullptr : &srs, gt, lco);
    CSLDestroy(lco);
    if (!ogr)
        return Error{where + ": cannot create the layer " + layer.name + " (" + lastGdalError() +
                     ")"};
    const bool tx = ds.StartTransaction() == OGRERR_NONE;
    if (auto st = createFields(*ogr, columns, format, where); !st)
        return st;
    if (auto st = writeFeatures(*ogr, layer, columns, format, srs, marker, where); !st)
        return st;
    if (tx && ds.CommitTransaction() != OGRERR_NONE)
        return Error{where + ": cannot commit " + layer.name + " (" + lastGdalError() + ")"};
    return okStatus();
}

Status writeStylesTable(GDALDataset& ds, const std::vector<OutLayer>& layers,
                        const std::string& where) {
    char** lco = CSLSetNameValue(nullptr, "FID", "id");
    OGRLayer* styles = ds.CreateLayer("layer_styles", nullptr, wkbNone, lco);
    CSLDestroy(lco);
    if (!styles)
        return Error{where + ": cannot create layer_styles (" + lastGdalError() + ")"};
    const char* text_fields[] = {"f_table_catalog",   "f_table_schema", "f_table_name",
                                 "f_geometry_column", "styleName",      "styleQML",
                                 "styleSLD"};
    for (const char* f : text_fields) {
        OGRFieldDefn def(f, OFTString);
        styles->CreateField(&def);
    }
    OGRFieldDefn def_default("useAsDefault", OFTInteger);
    def_default.SetSubType(OFSTBoolean);
    styles->CreateField(&def_default);
    for (const char* f : {"description", "owner", "ui"}) {
        OGRFieldDefn def(f, OFTString);
        styles->CreateField(&def);
    }
    OGRFieldDefn def_time("update_time", OFTDateTime);
    styles->CreateField(&def_time);
    for (const auto& layer : layers) {
        OGRFeature feat(styles->GetLayerDefn());
        feat.SetField("f_table_catalog", "");
        feat.SetField("f_table_schema", "");
        feat.SetField("f_table_name", layer.name.c_str());
        feat.SetField("f_geometry_column",
                      layer.geometry == OutLayer::Geometry::None ? "" : "geom");
        feat.SetField("styleName", layer.style.name.c_str());
        feat.SetField("styleQML", qmlText(layer.style).c_str());
        feat.SetField("styleSLD", "");
        feat.SetField("useAsDefault", 1);
        feat.SetField("description", layer.title.c_str());
        feat.SetField("owner", "streetweek");
        const std::time_t now = std::time(nullptr);
        std::tm utc{};
        gmtime_r(&now, &utc);
        feat.SetField("update_time", utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday, utc.tm_hour,
                      utc.tm_min, static_cast<float>(utc.tm_sec), 100);
        if (styles->CreateFeature(&feat) != OGRERR_NONE)
            return Error{where + ": cannot store the style of " + layer.name + " (" +
                         lastGdalError() + ")"};
    }
    return okStatus();
}

} // namespace

std::optional<PackFormat> parsePackFormat(std::string_view name) {
    for (const auto& i : kFormats)
        if (name == i.name)
            return i.format;
    if (name == "json")
        return PackFormat::GeoJson;
    return std::nullopt;
}

const char* packFormatName(PackFormat f) {
    return infoOf(f).name;
}
const char* packFormatTitle(PackFormat f) {
    return infoOf(f).title;
}

int styleClassOf(const LayerStyle& style, const std::vector<FieldSpec>& fields,
                 const std::vector<FieldValue>& row) {
    if (style.classes.empty())
        return -1;
    if (style.kind == LayerStyle::Kind::Single)
        return 0;
    std::size_t idx = fields.size();
    for (std::size_t i = 0; i < fields.size(); ++i)
        if (fields[i].name == style.field)
            idx = i;
    if (idx >= row.size())
        return -1;
    const FieldValue& v = row[idx];
    for (std::size_t k = 0; k < style.classes.size(); ++k) {
        const StyleClass& c = style.classes[k];
        if (style.kind == LayerStyle::Kind::Categorised) {
            const std::string text =
                std::holds_alternative<std::string>(v) ? std::get<std::string>(v) : numberText(v);
            if (text == c.value)
                return static_cast<int>(k);
            continue;
        }
        double x = 0;
        if (const auto* i = std::get_if<std::int64_t>(&v))
            x = static_cast<double>(*i);
        else if (const auto* d = std::get_if<double>(&v))
            x = *d;
        else
            return -1;
        if (x >= c.lower && (x <= c.upper || k + 1 == style.classes.size()))
            return static_cast<int>(k);
    }
    return -1;
}

Result<WrittenLayers> writePackLayers(const std::string& folder, const std::string& base,
                                      PackFormat format, const std::vector<OutLayer>& layers,
                                      const std::string& crs, const std::string& marker) {
    ensureGdal();
    const FormatInfo& info = infoOf(format);
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(info.driver);
    if (!driver)
        return Error{std::string("GDAL has no ") + info.driver + " driver"};
    OGRSpatialReference srs;
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    if (srs.SetFromUserInput(crs.c_str()) != OGRERR_NONE)
        return Error{"unknown CRS '" + crs + "'"};
    WrittenLayers out;
    std::unique_ptr<GDALDataset> shared;
    const auto open = [&](const std::string& file) -> Result<GDALDataset*> {
        const std::string path = (fs::path(folder) / file).string();
        GDALDataset* ds = driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr);
        if (!ds)
            return Error{path + ": cannot create the file (" + lastGdalError() + ")"};
        out.files.push_back(file);
        return ds;
    };
    if (info.one_file) {
        auto ds = open(base + info.ext);
        if (!ds)
            return ds.failure();
        shared.reset(ds.value());
    }
    for (const auto& layer : layers) {
        std::unique_ptr<GDALDataset> own;
        const std::string file = info.one_file ? base + info.ext : layer.name + info.ext;
        if (!info.one_file) {
            auto ds = open(file);
            if (!ds)
                return ds.failure();
            own.reset(ds.value());
        }
        GDALDataset& ds = info.one_file ? *shared : *own;
        Columns columns;
        if (auto st = writeOne(ds, layer, format, srs, marker, file, columns); !st)
            return st.failure();
        if (format == PackFormat::Shapefile) {
            std::vector<std::pair<std::string, std::string>> renamed;
            for (std::size_t i = 0; i < columns.specs.size(); ++i)
                if (columns.names[i] != columns.specs[i].name)
                    renamed.emplace_back(columns.specs[i].name, columns.names[i]);
            out.renamed.emplace_back(layer.name, std::move(renamed));
        }
        if (own) {
            CPLErrorReset();
            GDALClose(GDALDataset::ToHandle(own.release()));
            if (CPLGetLastErrorType() == CE_Failure)
                return Error{file + ": cannot finish the file (" + lastGdalError() + ")"};
        }
        if (format == PackFormat::Shapefile || format == PackFormat::GeoJson) {
            const std::string qml = layer.name + ".qml";
            const auto map = [&columns](const std::string& long_name) {
                for (std::size_t i = 0; i < columns.specs.size(); ++i)
                    if (columns.specs[i].name == long_name)
                        return columns.names[i];
                return long_name;
            };
            if (auto st = writeFileAtomically((fs::path(folder) / qml).string(),
                                              qmlText(layer.style, map));
                !st)
                return st.failure();
            out.files.push_back(qml);
        }
    }
    if (format == PackFormat::GeoPackage)
        if (auto st = writeStylesTable(*shared, layers, base + info.ext); !st)
            return st.failure();
    if (shared) {
        CPLErrorReset();
        GDALClose(GDALDataset::ToHandle(shared.release()));
        if (CPLGetLastErrorType() == CE_Failure)
            return Error{base + info.ext + ": cannot finish the file (" + lastGdalError() + ")"};
    }
    return out;
}

} // namespace sw::io
