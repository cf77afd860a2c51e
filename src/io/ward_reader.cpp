// Ward boundary reading through GDAL/OGR.
#include "io/ward_reader.hpp"

#include "core/incident_table.hpp"
#include "core/text.hpp"
#include "io/gdal_setup.hpp"
#include "io/ogr_geometry.hpp"
#include "io/vector_source.hpp"

#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <memory>
#include <regex>

namespace sw::io {
namespace {

// Why a shape's vertices (holes included) cannot be meant in its CRS; null when they can.
const char* badVertex(const MultiPolygon& shape, bool geographic) {
    const double limit = geographic ? 360.0 : 1e8;
    const char* why = nullptr;
    const auto check = [&](const Ring& ring) {
        for (const auto& pt : ring)
            if (!std::isfinite(pt.x()) || !std::isfinite(pt.y()))
                why = "coordinate not finite (NaN or infinity)";
            else if (!why && (std::abs(pt.x()) > limit || std::abs(pt.y()) > limit ||
                              (geographic && std::abs(pt.y()) > 90)))
                why = geographic ? "coordinate outside longitude/latitude range"
                                 : "coordinate out of range (over 100,000 km)";
    };
    for (const auto& p : shape) {
        check(p.outer());
        for (const auto& in : p.inners())
            check(in);
    }
    return why;
}

} // namespace

std::pair<std::string, std::string> detectWardFields(const std::vector<std::string>& fields) {
    // Area codes and names by kind, wards first: a ward file that also carries its district
    // (WD23CD and LAD23CD) must be read by ward, or merging same-code features would collapse
    // every ward into its district.
    std::string code, name;
    for (const char* kind : {"wd", "ward", "lsoa", "msoa", "oa", "lad"}) {
        const std::regex code_re(std::string("^") + kind + "[0-9]{0,2}cd$", std::regex::icase);
        const std::regex name_re(std::string("^") + kind + "[0-9]{0,2}nm$", std::regex::icase);
        for (const auto& f : fields) {
            if (code.empty() && std::regex_match(f, code_re))
                code = f;
            if (name.empty() && std::regex_match(f, name_re))
                name = f;
        }
    }
    for (const char* c : {"ward_code", "wardcode", "code", "gss_code", "id"})
        for (const auto& f : fields)
            if (code.empty() && equalsIgnoreCase(f, c))
                code = f;
    for (const char* c : {"ward_name", "wardname", "name", "ward"})
        for (const auto& f : fields)
            if (name.empty() && equalsIgnoreCase(f, c))
                name = f;
    return {code, name};
}

WardFile readWardFile(const std::string& path, const WardReadOptions& opt) {
    ensureGdal();
    WardFile out;
    out.report.path = path;
    out.wards.source_path = path;
    auto src = openVectorSource(path);
    if (!src) {
        out.report.error = src.error();
        return out;
    }
    OGRLayer* layer = src.value().layer(0);
    out.report.format = src.value().format;
    OGRFeatureDefn* defn = layer->GetLayerDefn();
    std::vector<std::string> fields;
    for (int i = 0; i < defn->GetFieldCount(); ++i)
        fields.emplace_back(defn->GetFieldDefn(i)->GetNameRef());
    auto [code_f, name_f] = detectWardFields(fields);
    if (!opt.code_field.empty())
        code_f = opt.code_field;
    if (!opt.name_field.empty())
        name_f = opt.name_field;
    const int code_i = code_f.empty() ? -1 : defn->GetFieldIndex(code_f.c_str());
    const int name_i = name_f.empty() ? -1 : defn->GetFieldIndex(name_f.c_str());
    if (!opt.code_field.empty() && code_i < 0) {
        out.report.error = path + ": no field named '" + opt.code_field + "'";
        return out;
    }
    if (!opt.name_field.empty() && name_i < 0) {
        out.report.error = path + ": no field named '" + opt.name_field + "'";
        return out;
    }
    if (code_i < 0 && name_i < 0)
        out.report.warnings.push_back(path +
                                      ": no ward code or name field found (use --ward-code-field "
                                      "and --ward-name-field); wards are numbered");
    out.wards.code_field = code_i >= 0 ? code_f : "";
    out.wards.name_field = name_i >= 0 ? name_f : "";
    // The district the wards belong to (LAD23NM), when the file carries it: titles name it.
    int district_i = -1;
    const std::regex district_re("^lad[0-9]{0,2}nm$", std::regex::icase);
    for (std::size_t i = 0; i < fields.size(); ++i)
        if (district_i < 0 && std::regex_match(fields[i], district_re) && fields[i] != name_f)
            district_i = static_cast<int>(i);
    std::vector<std::string> districts;

    LayerCrs crs = layerCrs(*layer);
    const bool shapefile = lowerExtension(path) == "shp";
    const std::string no_crs =
        shapefile ? ": no .prj beside the shapefile (its CRS)" : ": the layer has no CRS";
    if (crs.missing) {
        // Metres in Great Britain's range cannot be degrees: read them as British National Grid.
        OGREnvelope env;
        if (layer->GetExtent(&env, TRUE) == OGRERR_NONE && env.MinX >= -1e4 && env.MinY >= -1e4 &&
            env.MaxX <= 8e5 && env.MaxY <= 1.3e6 && (env.MaxX > 360 || env.MaxY > 90)) {
            crs = LayerCrs{"EPSG:27700", false, true};
            out.report.warnings.push_back(path + no_crs +
                                          "; the coordinates look like British National Grid "
                                          "metres: read as EPSG:27700");
        } else {
            out.report.warnings.push_back(path + no_crs + "; read as WGS84 longitude/latitude");
        }
    }
    out.source_crs = crs.crs;
    out.source_geographic = crs.geographic;

    std::uint64_t number = 0;
    CPLErrorReset();
    layer->ResetReading();
    for (auto& feat : *layer) {
        ++number;
        ++out.report.rows_read;
        const OGRGeometry* g = feat->GetGeometryRef();
        if (!g || g->IsEmpty()) {
            out.report.rejected.add("no geometry", number);
            continue;
        }
        Ward w;
        if (!toMultiPolygon(g, w.shape)) {
            out.report.rejected.add("not a polygon", number);
            continue;
        }
        // A vertex no CRS can mean (NaN, 1e308, or beyond the globe in degrees) rejects the
        // feature, so it can neither move the working CRS nor stretch the study area.
        const char* why = badVertex(w.shape, crs.geographic);
        if (why) {
            out.report.rejected.add(why, number);
            continue;
        }
        w.feature = number;
        w.code =
            code_i >= 0 && feat->IsFieldSetAndNotNull(code_i) ? feat->GetFieldAsString(code_i) : "";
        w.name =
            name_i >= 0 && feat->IsFieldSetAndNotNull(name_i) ? feat->GetFieldAsString(name_i) : "";
        if (w.code.empty())
            w.code = "ward_" + std::to_string(number);
        if (w.name.empty())
            w.name = w.code;
        if (district_i >= 0 && feat->IsFieldSetAndNotNull(district_i)) {
            const std::string d = feat->GetFieldAsString(district_i);
            if (!d.empty() && std::find(districts.begin(), districts.end(), d) == districts.end())
                districts.push_back(d);
        }
        out.wards.wards.push_back(std::move(w));
    }
    out.report.rows_kept = out.wards.size();
    if (districts.size() == 1 || districts.size() == 2)
        out.wards.district =
            districts.size() == 1 ? districts[0] : districts[0] + " and " + districts[1];
    else if (districts.size() > 2)
        out.wards.district = std::to_string(districts.size()) + " districts";
    // A file that ends early (a truncated .shp) stops the features before the count its
    // index promises: say so rather than load part of the district quietly.
    const GIntBig declared = layer->GetFeatureCount(FALSE);
    if (declared > static_cast<GIntBig>(number))
        out.report.warnings.push_back(path + ": only " + std::to_string(number) + " of the " +
                                      std::to_string(declared) +
                                      " features it declares could be read (" +
                                      lastGdalError("is the file truncated?") + ")");
    if (out.wards.empty() && out.report.error.empty())
        out.report.error = path + ": no ward polygons could be read";
    return out;
}

} // namespace sw::io
