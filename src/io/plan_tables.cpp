// The plan store's tables and fields.
#include "io/plan_tables.hpp"

#include "core/text.hpp"
#include "io/gdal_setup.hpp"
#include "io/ogr_geometry.hpp"

namespace sw::io::plan_store {

// The areas' columns (the geometry aside), areaFieldNames()'s first 13, then the revision.
const std::vector<FieldDef>& areaColumns() {
    static const std::vector<FieldDef> cols = {{"area_id", OFTString},
                                               {"name", OFTString},
                                               {"shape", OFTString},
                                               {"week_start", OFTDate},
                                               {"lead", OFTString},
                                               {"partners", OFTString},
                                               {"status", OFTString},
                                               {"notes", OFTString},
                                               {"locked", OFTInteger, OFSTBoolean},
                                               {"excluded", OFTInteger, OFSTBoolean},
                                               {"centre_x", OFTReal},
                                               {"centre_y", OFTReal},
                                               {"radius_m", OFTReal},
                                               {"revision", OFTInteger64}};
    return cols;
}

Status addField(OGRLayer* layer, const FieldDef& d) {
    OGRFieldDefn f(d.name, d.type);
    f.SetSubType(d.sub);
    if (layer->CreateField(&f) != OGRERR_NONE)
        return Error{std::string("cannot add the field ") + d.name + " (" + lastGdalError() + ")"};
    return okStatus();
}

// Adds the columns streetweek writes that the layer lacks (a plan made elsewhere, a column
// renamed in QGIS); the others' columns are left as they are.
Status ensureAreaColumns(OGRLayer* layer) {
    for (const auto& d : areaColumns())
        if (layer->GetLayerDefn()->GetFieldIndex(d.name) < 0)
            if (auto st = addField(layer, d); !st)
                return st;
    return okStatus();
}

void setAreaField(OGRFeature& f, const TargetArea& a, std::size_t field,
                  const OGRSpatialReference* srs) {
    const auto setText = [&](const char* name, const std::string& v) {
        f.SetField(name, v.c_str());
    };
    switch (field) {
    case 0:
        setText("area_id", a.id);
        break;
    case 1:
        setText("name", a.name);
        break;
    case 2:
        f.SetField("shape", shapeName(a.shape_kind));
        break;
    case 3:
        if (a.week != kNoDay) {
            int y = 0, m = 0, d = 0;
            civilFromDays(a.week, y, m, d);
            f.SetField("week_start", y, m, d);
        } else {
            f.SetFieldNull(f.GetFieldIndex("week_start"));
        }
        break;
    case 4:
        setText("lead", a.lead);
        break;
    case 5:
        setText("partners", a.partners);
        break;
    case 6:
        f.SetField("status", statusName(a.status));
        break;
    case 7:
        setText("notes", a.notes);
        break;
    case 8:
        f.SetField("locked", a.locked ? 1 : 0);
        break;
    case 9:
        f.SetField("excluded", a.excluded ? 1 : 0);
        break;
    case 10:
    case 11:
    case 12: {
        const char* name = field == 10 ? "centre_x" : field == 11 ? "centre_y" : "radius_m";
        const double v = field == 10 ? a.centre.x() : field == 11 ? a.centre.y() : a.radius_m;
        if (a.shape_kind == AreaShape::Circle)
            f.SetField(name, v);
        else
            f.SetFieldNull(f.GetFieldIndex(name));
        break;
    }
    default: {
        OGRMultiPolygon mp = toOgrMultiPolygon(a.shape);
        if (srs)
            mp.assignSpatialReference(const_cast<OGRSpatialReference*>(srs));
        f.SetGeometry(&mp);
        break;
    }
    }
}

void setAllAreaFields(OGRFeature& f, const TargetArea& a, const OGRSpatialReference* srs) {
    for (std::size_t i = 0; i < kAreaFieldCount; ++i)
        setAreaField(f, a, i, srs);
}

Result<OGRSpatialReference> srsOf(const std::string& crs) {
    OGRSpatialReference srs;
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    if (srs.SetFromUserInput(crs.c_str()) != OGRERR_NONE)
        return Error{"unknown CRS '" + crs + "'"};
    return srs;
}

Status writeAreas(GDALDataset& ds, const Plan& plan, const std::string& crs) {
    auto srs = srsOf(crs);
    if (!srs)
        return srs.failure();
    const bool pg = EQUAL(ds.GetDriverName(), "PostgreSQL");
    char** opts =
        pg ? CSLSetNameValue(CSLSetNameValue(nullptr, "GEOMETRY_NAME", "geom"), "FID", "fid")
           : CSLSetNameValue(nullptr, "DESCRIPTION",
                             "streetweek target areas: the street-week plan");
    OGRLayer* layer = ds.CreateLayer(kAreas, &srs.value(), wkbMultiPolygon, opts);
    CSLDestroy(opts);
    if (!layer)
        return Error{std::string("cannot create the ") + kAreas + " layer (" + lastGdalError() +
                     ")"};
    for (const auto& d : areaColumns())
        if (auto st = addField(layer, d); !st)
            return st;
    for (const auto& a : plan.areas) {
        OGRFeature feat(layer->GetLayerDefn());
        setAllAreaFields(feat, a, &srs.value());
        feat.SetField("revision", static_cast<GIntBig>(std::max<std::int64_t>(a.revision, 1)));
        if (layer->CreateFeature(&feat) != OGRERR_NONE)
            return Error{"cannot write area " + a.id + " (" + lastGdalError() + ")"};
    }
    return okStatus();
}

OGRLayer* tableOf(GDALDataset& ds, const char* name, const std::vector<FieldDef>& fields) {
    if (OGRLayer* l = ds.GetLayerByName(name))
        return l;
    OGRLayer* layer = ds.CreateLayer(name, nullptr, wkbNone, nullptr);
    if (!layer)
        return nullptr;
    for (const auto& f : fields)
        if (!addField(layer, f))
            return nullptr;
    return layer;
}

const std::vector<FieldDef>& settingColumns() {
    static const std::vector<FieldDef> c = {{"key", OFTString}, {"value", OFTString}};
    return c;
}
const std::vector<FieldDef>& sourceColumns() {
    static const std::vector<FieldDef> c = {{"role", OFTString},
                                            {"path", OFTString},
                                            {"bytes", OFTInteger64},
                                            {"checksum", OFTString},
                                            {"rows", OFTInteger64}};
    return c;
}
const std::vector<FieldDef>& historyColumns() {
    static const std::vector<FieldDef> c = {{"saved_at", OFTString},  {"who", OFTString},
                                            {"area_id", OFTString},   {"field", OFTString},
                                            {"old_value", OFTString}, {"new_value", OFTString}};
    return c;
}

std::vector<std::pair<std::string, std::string>> settingRows(const Plan& plan) {
    auto rows = plan.settings;
    for (const auto& a : plan.agencies)
        rows.emplace_back("agency", a);
    return rows;
}

Status addSetting(OGRLayer* l, const std::string& key, const std::string& value) {
    OGRFeature f(l->GetLayerDefn());
    f.SetField("key", key.c_str());
    f.SetField("value", value.c_str());
    if (l->CreateFeature(&f) != OGRERR_NONE)
        return Error{std::string("cannot write to ") + kSettings + " (" + lastGdalError() + ")"};
    return okStatus();
}

Status addSource(OGRLayer* l, const PlanSource& s) {
    OGRFeature f(l->GetLayerDefn());
    f.SetField("role", s.role.c_str());
    f.SetField("path", s.path.c_str());
    f.SetField("bytes", static_cast<GIntBig>(s.bytes));
    f.SetField("checksum", s.checksum.c_str());
    if (s.rows)
        f.SetField("rows", static_cast<GIntBig>(*s.rows));
    else
        f.SetFieldNull(f.GetFieldIndex("rows"));
    if (l->CreateFeature(&f) != OGRERR_NONE)
        return Error{std::string("cannot write to ") + kSources + " (" + lastGdalError() + ")"};
    return okStatus();
}

Status writeContents(GDALDataset& ds, const Plan& plan, const std::string& crs) {
    if (auto st = writeAreas(ds, plan, crs); !st)
        return st;
    OGRLayer* settings = tableOf(ds, kSettings, settingColumns());
    OGRLayer* sources = tableOf(ds, kSources, sourceColumns());
    if (!settings || !sources || !tableOf(ds, kHistory, historyColumns()))
        return Error{"cannot create the plan's tables (" + lastGdalError() + ")"};
    for (const auto& [k, v] : settingRows(plan))
        if (auto st = addSetting(settings, k, v); !st)
            return st;
    for (const auto& s : plan.sources)
        if (auto st = addSource(sources, s); !st)
            return st;
    return okStatus();
}

// ---- Reading --------------------------------------------------------------------------------

std::string text(OGRFeature& f, const char* name) {
    const int i = f.GetFieldIndex(name);
    return i >= 0 && f.IsFieldSetAndNotNull(i) ? f.GetFieldAsString(i) : "";
}

std::optional<double> number(OGRFeature& f, const char* name) {
    const int i = f.GetFieldIndex(name);
    if (i < 0 || !f.IsFieldSetAndNotNull(i))
        return std::nullopt;
    return f.GetFieldAsDouble(i);
}

bool isDb(const std::string& path) {
    return path.size() > 3 && lower(path.substr(0, 3)) == "pg:";
}

// The plan's store opened with GDAL (the GPKG or PostgreSQL driver only).
DatasetPtr openStore(const std::string& path, bool update) {
    static const char* gpkg[] = {"GPKG", nullptr};
    static const char* pg[] = {"PostgreSQL", nullptr};
    return DatasetPtr(GDALDataset::FromHandle(
        GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | (update ? GDAL_OF_UPDATE : GDAL_OF_READONLY),
                   isDb(path) ? pg : gpkg, nullptr, nullptr)));
}

// Runs a statement whose result is not needed.
void execute(GDALDataset& ds, const char* sql) {
    if (OGRLayer* r = ds.ExecuteSQL(sql, nullptr, nullptr))
        ds.ReleaseResultSet(r);
}

// The database's name for a person ("PG:... password=secret" never shown).
std::string storeName(const std::string& path) {
    if (!isDb(path))
        return path;
    std::string out = "PG:", part;
    const std::string rest = path.substr(3) + " ";
    for (char c : rest) {
        if (c != ' ') {
            part += c;
            continue;
        }
        if (!part.empty() && lower(part).rfind("password=", 0) != 0)
            out += (out.size() > 3 ? " " : "") + part;
        part.clear();
    }
    return out;
}

} // namespace sw::io::plan_store
