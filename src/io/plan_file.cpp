// Plan GeoPackage reading, atomic writing of new plans and in-place editing through GDAL.
#include "io/plan_file.hpp"

#include "core/atomic_file.hpp"
#include "core/text.hpp"
#include "io/gdal_setup.hpp"
#include "io/ogr_geometry.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <map>
#include <memory>
#include <pwd.h>
#include <random>
#include <set>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

namespace fs = std::filesystem;

namespace sw::io {
namespace {

struct DatasetCloser {
    void operator()(GDALDataset* ds) const {
        if (ds)
            GDALClose(GDALDataset::ToHandle(ds));
    }
};
using DatasetPtr = std::unique_ptr<GDALDataset, DatasetCloser>;

// GDAL's warnings on values it cannot read (a text date in a DATE column) are ours to report.
struct QuietGdal {
    QuietGdal() { CPLPushErrorHandler(CPLQuietErrorHandler); }
    ~QuietGdal() { CPLPopErrorHandler(); }
    QuietGdal(const QuietGdal&) = delete;
    QuietGdal& operator=(const QuietGdal&) = delete;
};

constexpr const char* kAreas = "target_areas";
constexpr const char* kSettings = "plan_settings";
constexpr const char* kSources = "plan_sources";
constexpr const char* kHistory = "plan_history";

// ---- Fields ---------------------------------------------------------------------------------

struct FieldDef {
    const char* name;
    OGRFieldType type;
    OGRFieldSubType sub = OFSTNone;
};

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
constexpr std::size_t kGeometryField = kAreaFieldCount - 1;

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

// Yes or no as QGIS, spreadsheets and people write it; nullopt for anything else.
std::optional<bool> parseYesNo(std::string_view t) {
    const std::string v = lower(trim(t));
    if (v.empty() || v == "0" || v == "no" || v == "n" || v == "false" || v == "f")
        return false;
    if (v == "1" || v == "yes" || v == "y" || v == "true" || v == "t" || v == "-1")
        return true;
    return std::nullopt;
}

// The stored text of the columns GDAL would misread silently (a date or yes/no written as text
// into a DATE or BOOLEAN column reads as NULL or 0), by feature id.
struct RawValues {
    std::string week, locked, excluded;
    bool has_week = false, has_locked = false, has_excluded = false;
};
std::map<GIntBig, RawValues> rawValues(GDALDataset& ds, OGRLayer* layer) {
    std::map<GIntBig, RawValues> out;
    const OGRFeatureDefn* defn = layer->GetLayerDefn();
    const char* fid = layer->GetFIDColumn();
    if (!fid || !*fid)
        return out;
    // The id cast, so that it comes back as a field (a bare key column becomes the result's FID).
    std::string sql = std::string("SELECT CAST(\"") + fid + "\" AS INTEGER) AS sw_row";
    const char* cols[] = {"week_start", "locked", "excluded"};
    bool any = false;
    for (const char* c : cols) {
        const bool has = defn->GetFieldIndex(c) >= 0;
        sql += has ? std::string(", CAST(\"") + c + "\" AS TEXT) AS raw_" + c
                   : std::string(", NULL AS raw_") + c;
        any = any || has;
    }
    if (!any)
        return out;
    sql += std::string(" FROM \"") + layer->GetName() + "\"";
    OGRLayer* r = ds.ExecuteSQL(sql.c_str(), nullptr, nullptr);
    if (!r)
        return out;
    for (auto& f : *r) {
        RawValues v;
        const auto get = [&](int i, std::string& s, bool& has) {
            has = f->IsFieldSetAndNotNull(i);
            s = has ? f->GetFieldAsString(i) : "";
        };
        get(1, v.week, v.has_week);
        get(2, v.locked, v.has_locked);
        get(3, v.excluded, v.has_excluded);
        out[f->GetFieldAsInteger64(0)] = v;
    }
    ds.ReleaseResultSet(r);
    return out;
}

std::string shortValue(const std::string& v) {
    return v.size() > 40 ? v.substr(0, 37) + "..." : v;
}

// One target_areas feature as an area; a reason when it cannot be one (the row is then kept in
// the file as it is and not shown).
// `note`: said of an area that is shown all the same.
std::string readArea(OGRFeature& f, const RawValues* raw, OGRCoordinateTransformation* to_crs,
                     bool projected, TargetArea& a, std::string& note) {
    a.fid = f.GetFID();
    a.id = text(f, "area_id");
    a.name = text(f, "name");
    a.revision = static_cast<std::int64_t>(number(f, "revision").value_or(0));
    a.shape_kind = parseShape(text(f, "shape")).value_or(AreaShape::Drawn);
    const std::string week = raw ? raw->week : text(f, "week_start");
    if (!trim(week).empty()) {
        if (const auto day = parseDateAsDay(trim(week)))
            a.week = *day;
        else
            return "has week_start '" + shortValue(week) +
                   "', which is not a date (2025-03-03 or 03/03/2025)";
    }
    a.lead = text(f, "lead");
    a.partners = text(f, "partners");
    const std::string status = text(f, "status");
    if (const auto st = parseStatus(lower(trim(status))))
        a.status = *st;
    else if (!trim(status).empty())
        return "has status '" + shortValue(status) +
               "', which streetweek does not use (proposed, approved or done)";
    a.notes = text(f, "notes");
    for (const auto& [name, value, target] :
         {std::tuple<const char*, std::string, bool*>{
              "locked", raw ? raw->locked : text(f, "locked"), &a.locked},
          std::tuple<const char*, std::string, bool*>{
              "excluded", raw ? raw->excluded : text(f, "excluded"), &a.excluded}}) {
        const auto yes = parseYesNo(value);
        if (!yes)
            return std::string("has ") + name + " '" + shortValue(value) +
                   "', which is not yes or no";
        *target = *yes;
    }
    OGRGeometry* g = f.GetGeometryRef();
    if (!g || g->IsEmpty())
        return "has no geometry";
    const auto flat = wkbFlatten(g->getGeometryType());
    if (flat != wkbPolygon && flat != wkbMultiPolygon && flat != wkbCurvePolygon &&
        flat != wkbMultiSurface)
        return std::string("is a ") + OGRGeometryTypeToName(g->getGeometryType()) +
               ", not a polygon";
    OGREnvelope env;
    g->getEnvelope(&env);
    for (double v : {env.MinX, env.MinY, env.MaxX, env.MaxY})
        if (!std::isfinite(v) || std::fabs(v) > 1e7) {
            char buf[64];
            std::snprintf(buf, sizeof buf, "%g", v);
            return std::string("has a coordinate out of any map's range (") + buf + ")";
        }
    if (projected && std::fabs(env.MinX) <= 180 && std::fabs(env.MaxX) <= 180 &&
        std::fabs(env.MinY) <= 90 && std::fabs(env.MaxY) <= 90)
        return "has coordinates that look like longitude and latitude in a layer of metres";
    if (to_crs && g->transform(to_crs) != OGRERR_NONE)
        return "cannot be projected to the plan's CRS";
    // An outline that crosses itself (a bow-tie) is mended as QGIS's Fix geometries would;
    // when that changes its area, the person is told (the file keeps its own outline until the
    // area's shape is next changed).
    std::unique_ptr<OGRGeometry> mended;
    if (!g->IsValid()) {
        mended.reset(g->MakeValid());
        if (!mended || mended->IsEmpty())
            return "has an outline that crosses itself and cannot be mended";
        const auto areaOf = [](const OGRGeometry* x) {
            const auto t = wkbFlatten(x->getGeometryType());
            if (t == wkbPolygon)
                return x->toPolygon()->get_Area();
            if (t == wkbMultiPolygon)
                return x->toMultiPolygon()->get_Area();
            if (t == wkbGeometryCollection)
                return x->toGeometryCollection()->get_Area();
            return 0.0;
        };
        const double before = std::fabs(areaOf(g)), after = areaOf(mended.get());
        if (std::fabs(after - before) > 1e-3 * std::max(after, 1.0))
            note = "has an outline that crosses itself: shown mended (as QGIS's Fix geometries "
                   "would); mend it in the file";
        g = mended.get();
    }
    if (!toMultiPolygon(g, a.shape))
        return "is not a polygon";
    bg::correct(a.shape);
    if (a.shape_kind == AreaShape::Circle) {
        const auto x = number(f, "centre_x"), y = number(f, "centre_y"), r = number(f, "radius_m");
        if (x && y && r && *r > 0 && std::isfinite(*x) && std::isfinite(*y) && *r < 1e6) {
            a.centre = Point(*x, *y);
            a.radius_m = *r;
        } else {
            a.shape_kind = AreaShape::Drawn; // a circle whose centre was lost: a polygon now
        }
    }
    return {};
}

// A save killed part way leaves a hot journal: the first connection that may write rolls it
// back (a read-only one cannot), so reading opens for update once to let SQLite do that.
void recoverHotJournal(const std::string& path) {
    std::error_code ec;
    const auto size = fs::file_size(path + "-journal", ec);
    if (ec || size == 0 || ::access(path.c_str(), W_OK) != 0)
        return;
    const char* drivers[] = {"GPKG", nullptr};
    QuietGdal quiet;
    DatasetPtr ds(GDALDataset::FromHandle(
        GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, drivers, nullptr, nullptr)));
    if (ds) {
        OGRLayer* r = ds->ExecuteSQL("PRAGMA schema_version", nullptr, nullptr);
        if (r)
            ds->ReleaseResultSet(r);
    }
}

Result<Plan> readFrom(GDALDataset& ds, const std::string& path) {
    QuietGdal quiet;
    OGRLayer* areas = ds.GetLayerByName(kAreas);
    if (!areas)
        return Error{path + ": not a streetweek plan (no " + kAreas + " layer)"};
    Plan plan;
    plan.agencies.clear();
    OGRSpatialReference target;
    target.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    target.importFromEPSG(27700);
    std::unique_ptr<OGRCoordinateTransformation> to_crs;
    bool projected = true;
    if (const OGRSpatialReference* srs = areas->GetSpatialRef()) {
        projected = srs->IsProjected();
        if (!srs->IsSame(&target)) {
            OGRSpatialReference source(*srs);
            source.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
            to_crs.reset(OGRCreateCoordinateTransformation(&source, &target));
        }
    }
    const OGRFeatureDefn* defn = areas->GetLayerDefn();
    for (const char* col : {"week_start", "status", "locked", "excluded"})
        if (defn->GetFieldIndex(col) < 0)
            plan.load_warnings.push_back(path + ": " + kAreas + " has no " + col +
                                         " column (renamed?): read as empty; a save that sets "
                                         "it adds the column");
    const auto raw = rawValues(ds, areas);
    // In row order (a database returns rows in the order it stores them, which an update
    // changes), so that the areas and any id given to a duplicate are the same every read.
    std::vector<std::unique_ptr<OGRFeature>> features;
    areas->ResetReading();
    for (OGRFeature* f; (f = areas->GetNextFeature()) != nullptr;)
        features.emplace_back(f);
    std::sort(features.begin(), features.end(),
              [](const auto& a, const auto& b) { return a->GetFID() < b->GetFID(); });
    for (auto& f : features) {
        TargetArea a;
        std::string note;
        const auto r = raw.find(f->GetFID());
        if (const std::string why = readArea(*f, r == raw.end() ? nullptr : &r->second,
                                             to_crs.get(), projected, a, note);
            !why.empty()) {
            plan.kept.push_back({f->GetFID(), a.id, why});
            plan.load_warnings.push_back(
                path + ": " +
                (a.id.empty() ? "feature " + std::to_string(f->GetFID()) : "area " + a.id) + " " +
                why + ": not shown, kept in the file");
            continue;
        }
        if (!note.empty())
            plan.load_warnings.push_back(path + ": area " + a.id + " " + note);
        if (a.id.empty())
            a.id = nextAreaId(plan.areas);
        for (const auto& other : plan.areas)
            if (other.id == a.id) {
                std::vector<TargetArea> all = plan.areas;
                const std::string fresh = nextAreaId(all);
                plan.load_warnings.push_back(path + ": feature " + std::to_string(f->GetFID()) +
                                             ": id " + a.id + " is used twice; shown as " + fresh +
                                             " (saved so when it is next changed)");
                a.id = fresh;
                break;
            }
        plan.areas.push_back(std::move(a));
    }
    if (OGRLayer* s = ds.GetLayerByName(kSettings))
        for (auto& f : *s) {
            const std::string key = text(*f, "key"), value = text(*f, "value");
            if (key == "agency")
                plan.agencies.push_back(value);
            else if (!key.empty())
                plan.settings.emplace_back(key, value);
        }
    if (plan.agencies.empty())
        plan.agencies = defaultAgencies();
    if (OGRLayer* s = ds.GetLayerByName(kSources))
        for (auto& f : *s) {
            PlanSource src;
            src.role = text(*f, "role");
            src.path = text(*f, "path");
            src.bytes = static_cast<std::uint64_t>(number(*f, "bytes").value_or(0));
            src.checksum = text(*f, "checksum");
            if (const auto rows = number(*f, "rows"))
                src.rows = static_cast<std::uint64_t>(*rows);
            if (!src.path.empty())
                plan.sources.push_back(std::move(src));
        }
    return plan;
}

// ---- Editing in place -----------------------------------------------------------------------

struct History {
    OGRLayer* layer = nullptr;
    std::string when, who;
    Status add(const std::string& area, const std::string& field, const std::string& before,
               const std::string& after) {
        OGRFeature f(layer->GetLayerDefn());
        f.SetField("saved_at", when.c_str());
        f.SetField("who", who.c_str());
        f.SetField("area_id", area.c_str());
        f.SetField("field", field.c_str());
        f.SetField("old_value", before.c_str());
        f.SetField("new_value", after.c_str());
        if (layer->CreateFeature(&f) != OGRERR_NONE)
            return Error{std::string("cannot write to ") + kHistory + " (" + lastGdalError() + ")"};
        return okStatus();
    }
};

std::string historyValue(std::size_t field, const std::string& v) {
    if (field == kGeometryField)
        return v.empty() ? "" : "(outline)";
    return v.size() > 200 ? v.substr(0, 197) + "..." : v;
}

// Writes what differs between `theirs` (the file now) and `merged` (what it must hold): the
// changed fields of changed areas, new areas, deleted areas, changed setting keys, the sources
// when they changed; a history row for each area field.
Status writeDiff(GDALDataset& ds, const Plan& theirs, const Plan& merged, const std::string& crs,
                 History& history, std::size_t& changed) {
    OGRLayer* layer = ds.GetLayerByName(kAreas);
    if (!layer)
        return Error{std::string("no ") + kAreas + " layer"};
    auto srs = srsOf(crs);
    if (!srs)
        return srs.failure();
    const auto& names = areaFieldNames();
    std::map<std::int64_t, const TargetArea*> now;
    for (const auto& a : theirs.areas)
        now[a.fid] = &a;
    std::set<std::int64_t> still;
    bool columns_checked = false;
    const auto columns = [&]() -> Status {
        if (columns_checked)
            return okStatus();
        columns_checked = true;
        return ensureAreaColumns(layer);
    };
    for (const TargetArea& a : merged.areas) {
        const auto it = a.fid >= 0 ? now.find(a.fid) : now.end();
        if (it == now.end()) { // new
            if (auto st = columns(); !st)
                return st;
            OGRFeature f(layer->GetLayerDefn());
            setAllAreaFields(f, a, &srs.value());
            f.SetField("revision", static_cast<GIntBig>(1));
            if (layer->CreateFeature(&f) != OGRERR_NONE)
                return Error{"cannot add area " + a.id + " (" + lastGdalError() + ")"};
            if (auto st = history.add(a.id, "(added)", "", a.name); !st)
                return st;
            ++changed;
            continue;
        }
        still.insert(a.fid);
        const auto before = areaFieldValues(*it->second), after = areaFieldValues(a);
        if (before == after)
            continue;
        if (auto st = columns(); !st)
            return st;
        std::unique_ptr<OGRFeature> f(layer->GetFeature(a.fid));
        if (!f)
            return Error{"area " + a.id + " is no longer in the file"};
        for (std::size_t i = 0; i < kAreaFieldCount; ++i) {
            if (before[i] == after[i])
                continue;
            setAreaField(*f, a, i, &srs.value());
            if (auto st = history.add(a.id, names[i], historyValue(i, before[i]),
                                      historyValue(i, after[i]));
                !st)
                return st;
        }
        f->SetField("revision", static_cast<GIntBig>(it->second->revision + 1));
        if (layer->SetFeature(f.get()) != OGRERR_NONE)
            return Error{"cannot save area " + a.id + " (" + lastGdalError() + ")"};
        ++changed;
    }
    for (const TargetArea& t : theirs.areas)
        if (!still.count(t.fid)) {
            if (layer->DeleteFeature(t.fid) != OGRERR_NONE)
                return Error{"cannot delete area " + t.id + " (" + lastGdalError() + ")"};
            if (auto st = history.add(t.id, "(deleted)", t.name, ""); !st)
                return st;
            ++changed;
        }
    // Settings: the keys whose values changed are rewritten; the others' rows stay.
    const auto rowsOf = [](const Plan& p) {
        std::map<std::string, std::vector<std::string>> m;
        for (const auto& [k, v] : settingRows(p))
            m[k].push_back(v);
        return m;
    };
    const auto s_now = rowsOf(theirs), s_new = rowsOf(merged);
    std::set<std::string> keys;
    for (const auto* m : {&s_now, &s_new})
        for (const auto& [k, v] : *m)
            if (s_now.count(k) != s_new.count(k) || s_now.at(k) != s_new.at(k))
                keys.insert(k);
    if (!keys.empty()) {
        OGRLayer* settings = tableOf(ds, kSettings, settingColumns());
        if (!settings)
            return Error{std::string("cannot open ") + kSettings + " (" + lastGdalError() + ")"};
        std::vector<GIntBig> drop;
        settings->ResetReading();
        for (auto& f : *settings)
            if (keys.count(text(*f, "key")))
                drop.push_back(f->GetFID());
        for (GIntBig fid : drop)
            if (settings->DeleteFeature(fid) != OGRERR_NONE)
                return Error{std::string("cannot update ") + kSettings + " (" + lastGdalError() +
                             ")"};
        for (const auto& k : keys)
            if (const auto it = s_new.find(k); it != s_new.end())
                for (const auto& v : it->second)
                    if (auto st = addSetting(settings, k, v); !st)
                        return st;
    }
    if (theirs.sources != merged.sources) {
        OGRLayer* sources = tableOf(ds, kSources, sourceColumns());
        if (!sources)
            return Error{std::string("cannot open ") + kSources + " (" + lastGdalError() + ")"};
        std::vector<GIntBig> drop;
        sources->ResetReading();
        for (auto& f : *sources)
            drop.push_back(f->GetFID());
        for (GIntBig fid : drop)
            if (sources->DeleteFeature(fid) != OGRERR_NONE)
                return Error{std::string("cannot update ") + kSources + " (" + lastGdalError() +
                             ")"};
        for (const auto& s : merged.sources)
            if (auto st = addSource(sources, s); !st)
                return st;
    }
    return okStatus();
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

// A plan nobody may write (no write bit set, as a plan made read-only on purpose is, even for
// root), or one this user may not write.
bool readOnly(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0)
        return false;
    return (st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0 || ::access(path.c_str(), W_OK) != 0;
}

bool isBusy(const std::string& message) {
    const std::string m = lower(message);
    return m.find("locked") != std::string::npos || m.find("busy") != std::string::npos ||
           m.find("could not serialize") != std::string::npos ||
           m.find("deadlock") != std::string::npos;
}

} // namespace

std::string loginName() {
    if (const char* u = std::getenv("USER"); u && *u)
        return u;
    if (const passwd* pw = ::getpwuid(::getuid()); pw && pw->pw_name)
        return pw->pw_name;
    return "unknown";
}

std::string fileChecksum(const std::string& path) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f)
        return {};
    std::uint64_t h = 1469598103934665603ull;
    std::vector<unsigned char> buf(1 << 20);
    for (std::size_t got; (got = std::fread(buf.data(), 1, buf.size(), f)) > 0;)
        for (std::size_t i = 0; i < got; ++i) {
            h ^= buf[i];
            h *= 1099511628211ull;
        }
    std::fclose(f);
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
    return hex;
}

bool isPlanDatabase(const std::string& path) {
    return isDb(path);
}

bool planExists(const std::string& path) {
    if (!isDb(path)) {
        std::error_code ec;
        return fs::exists(path, ec);
    }
    ensureGdal();
    QuietGdal quiet;
    DatasetPtr ds = openStore(path, false);
    return ds && ds->GetLayerByName(kAreas);
}

std::string planChangeToken(const std::string& path) {
    if (!isDb(path)) {
        std::error_code ec;
        const auto t = fs::last_write_time(path, ec);
        return ec ? std::string() : std::to_string(t.time_since_epoch().count());
    }
    ensureGdal();
    QuietGdal quiet;
    DatasetPtr ds = openStore(path, false);
    if (!ds)
        return {};
    std::string token;
    for (const char* sql : {"SELECT md5(string_agg(t::text, ',' ORDER BY t.fid)) FROM "
                            "target_areas t",
                            "SELECT count(*) FROM plan_history"})
        if (OGRLayer* r = ds->ExecuteSQL(sql, nullptr, nullptr)) {
            for (auto& f : *r)
                token +=
                    std::string(f->IsFieldSetAndNotNull(0) ? f->GetFieldAsString(0) : "") + ";";
            ds->ReleaseResultSet(r);
        }
    return token;
}

// A new plan in the database, or the whole of a plan (in the database or an existing plan
// file) replaced in place, in one transaction: the file or tables stay (with any columns and
// tables others added, and their open connections).
Status writeInPlace(const std::string& path, const Plan& plan, const std::string& crs) {
    DatasetPtr ds = openStore(path, true);
    if (!ds)
        return Error{storeName(path) + ": cannot open the plan (" + lastGdalError() + ")"};
    if (!isDb(path))
        execute(*ds, "PRAGMA busy_timeout = 5000");
    if (!ds->GetLayerByName(kAreas)) {
        Plan none;
        none.agencies.clear();
        if (auto st = writeContents(*ds, none, crs); !st)
            return Error{storeName(path) + ": " + st.error()};
    }
    if (ds->StartTransaction() != OGRERR_NONE)
        return Error{storeName(path) + ": cannot start a transaction (" + lastGdalError() + ")"};
    const auto fail = [&](const std::string& why) -> Status {
        ds->RollbackTransaction();
        return Error{storeName(path) + ": " + why + "; the previous plan is untouched"};
    };
    for (const char* table : {kAreas, kSettings, kSources}) {
        OGRLayer* l = table == std::string(kAreas)      ? ds->GetLayerByName(kAreas)
                      : table == std::string(kSettings) ? tableOf(*ds, kSettings, settingColumns())
                                                        : tableOf(*ds, kSources, sourceColumns());
        if (!l)
            return fail(std::string("cannot open ") + table);
        std::vector<GIntBig> fids;
        l->ResetReading();
        for (auto& f : *l)
            fids.push_back(f->GetFID());
        for (GIntBig fid : fids)
            if (l->DeleteFeature(fid) != OGRERR_NONE)
                return fail(std::string("cannot clear ") + table + " (" + lastGdalError() + ")");
    }
    OGRLayer* areas = ds->GetLayerByName(kAreas);
    auto srs = srsOf(crs);
    if (!srs)
        return fail(srs.error());
    if (auto st = ensureAreaColumns(areas); !st)
        return fail(st.error());
    for (const auto& a : plan.areas) {
        OGRFeature feat(areas->GetLayerDefn());
        setAllAreaFields(feat, a, &srs.value());
        feat.SetField("revision", static_cast<GIntBig>(1));
        if (areas->CreateFeature(&feat) != OGRERR_NONE)
            return fail("cannot write area " + a.id + " (" + lastGdalError() + ")");
    }
    OGRLayer* settings = ds->GetLayerByName(kSettings);
    OGRLayer* sources = ds->GetLayerByName(kSources);
    for (const auto& [k, v] : settingRows(plan))
        if (auto st = addSetting(settings, k, v); !st)
            return fail(st.error());
    for (const auto& src : plan.sources)
        if (auto st = addSource(sources, src); !st)
            return fail(st.error());
    if (!tableOf(*ds, kHistory, historyColumns()))
        return fail("cannot create " + std::string(kHistory));
    if (ds->CommitTransaction() != OGRERR_NONE)
        return fail("cannot finish the save (" + lastGdalError() + ")");
    return okStatus();
}

Status writePlan(const std::string& path, const Plan& plan, const std::string& crs) {
    ensureGdal();
    if (isDb(path))
        return writeInPlace(path, plan, crs);
    if (!endsWithIgnoreCase(path, ".gpkg"))
        return badRequest(path + ": a plan is a GeoPackage (.gpkg)");
    const fs::path target = fs::absolute(path);
    std::error_code ec;
    if (!fs::is_directory(target.parent_path(), ec))
        return Error{path + ": the folder " + target.parent_path().string() + " does not exist"};
    if (fs::is_directory(target, ec))
        return badRequest(path + ": is a folder");
    if (fs::exists(target, ec) && readOnly(target.string()))
        return Error{path + ": the plan is read-only; nothing was saved (save it under another "
                            "name)"};
    if (fs::exists(target, ec)) { // a plan there already: replaced in place, the file kept
        QuietGdal quiet;
        if (DatasetPtr existing = openStore(path, false);
            existing && existing->GetLayerByName(kAreas)) {
            existing.reset();
            return writeInPlace(path, plan, crs);
        }
    }
    removeStaleTemporaries(target.parent_path().string());
    const std::string temp = temporaryPathFor(target.string());
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    if (!driver)
        return Error{"GDAL has no GPKG driver"};
    const auto fail = [&](const std::string& why) -> Status {
        fs::remove(temp, ec);
        fs::remove(temp + "-journal", ec);
        fs::remove(temp + "-wal", ec);
        return Error{path + ": " + why + "; the previous plan is untouched"};
    };
    {
        DatasetPtr ds(driver->Create(temp.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        if (!ds)
            return fail("cannot create the file (" + lastGdalError() + ")");
        const bool tx = ds->StartTransaction() == OGRERR_NONE;
        if (auto st = writeContents(*ds, plan, crs); !st)
            return fail(st.error());
        if (tx && ds->CommitTransaction() != OGRERR_NONE)
            return fail("cannot finish the file (" + lastGdalError() + ")");
        ds->FlushCache();
        CPLErrorReset();
        ds.reset(); // closes it: SQLite writes the last pages here
        if (CPLGetLastErrorType() >= CE_Failure)
            return fail("cannot close the file (" + lastGdalError() + ")");
    }
    if (auto st = moveIntoPlace(temp, target.string()); !st)
        return fail("cannot move the saved plan into place");
    return okStatus();
}

Result<PlanSave> savePlan(const std::string& path, const Plan& base, const Plan& mine,
                          const std::string& crs, const std::string& who,
                          const std::function<void(const std::string&)>& waiting,
                          double max_wait_s) {
    ensureGdal();
    std::error_code ec;
    const bool db = isDb(path);
    if (!db && !endsWithIgnoreCase(path, ".gpkg"))
        return badRequest(path + ": a plan is a GeoPackage (.gpkg) or a PG: database");
    if (!planExists(path)) { // a new plan
        if (auto st = writePlan(path, mine, crs); !st)
            return st.failure();
        auto back = readPlan(path);
        if (!back)
            return back.failure();
        PlanSave out;
        out.plan = std::move(back.value());
        out.changed = mine.areas.size();
        return out;
    }
    if (!db && readOnly(path))
        return Error{path + ": the plan is read-only; nothing was saved (save it under another "
                            "name, or ask its owner)"};
    const fs::path folder = fs::absolute(db ? "." : path).parent_path();
    if (!db && ::access(folder.c_str(), W_OK) != 0)
        return Error{path + ": its folder is read-only (SQLite needs it for the save's journal); "
                            "nothing was saved"};
    History history;
    history.who = who.empty() ? loginName() : who;
    std::mt19937 rng(static_cast<unsigned>(::getpid()));
    const auto deadline = std::chrono::steady_clock::now() +
                          std::chrono::milliseconds(static_cast<long>(1000 * max_wait_s));
    PlanSave out;
    for (int attempt = 0;; ++attempt) {
        std::string busy; // why this attempt must be tried again
        {
            CPLErrorReset();
            DatasetPtr ds = openStore(path, true);
            if (!ds) {
                const std::string why = lastGdalError("unknown format");
                if (!isBusy(why))
                    return Error{storeName(path) + ": cannot open the plan for saving (" + why +
                                 "); nothing was saved"};
                busy = why;
            } else {
                if (!db)
                    execute(*ds, "PRAGMA busy_timeout = 2000");
                if (ds->StartTransaction() != OGRERR_NONE) {
                    busy = lastGdalError();
                } else {
                    if (db) {
                        // Serializable, so that a colleague's commit between this save's read
                        // and its write fails the save (and it is tried again, re-read); and one
                        // streetweek save at a time on this plan.
                        execute(*ds, "SET TRANSACTION ISOLATION LEVEL SERIALIZABLE");
                        execute(*ds, "SELECT pg_advisory_xact_lock(7270031)");
                    }
                    auto theirs = readFrom(*ds, storeName(path));
                    if (!theirs) {
                        ds->RollbackTransaction();
                        if (!isBusy(theirs.error()) && !isBusy(lastGdalError("")))
                            return Error{theirs.error() + "; nothing was saved"};
                        busy = theirs.error();
                    } else {
                        PlanMerge merge = mergePlans(base, mine, theirs.value());
                        if (!merge.clashes.empty()) {
                            ds->RollbackTransaction();
                            out.plan = std::move(merge.plan);
                            out.clashes = std::move(merge.clashes);
                            out.notes = std::move(merge.notes);
                            return out;
                        }
                        history.when = utcNowText("%Y-%m-%dT%H:%M:%SZ");
                        history.layer = tableOf(*ds, kHistory, historyColumns());
                        std::size_t changed = 0;
                        Status st =
                            history.layer
                                ? writeDiff(*ds, theirs.value(), merge.plan, crs, history, changed)
                                : Status(Error{"cannot create " + std::string(kHistory) + " (" +
                                               lastGdalError() + ")"});
                        if (st && ds->CommitTransaction() != OGRERR_NONE)
                            st = Error{"cannot finish the save (" + lastGdalError() + ")"};
                        if (!st) {
                            ds->RollbackTransaction();
                            if (!isBusy(st.error()))
                                return Error{storeName(path) + ": " + st.error() +
                                             "; nothing was saved"};
                            busy = st.error();
                        } else {
                            out.notes = std::move(merge.notes);
                            out.changed = changed;
                        }
                    }
                }
                CPLErrorReset();
                ds.reset();
                if (busy.empty() && !db && CPLGetLastErrorType() >= CE_Failure)
                    return Error{path + ": cannot close the plan (" + lastGdalError() + ")"};
            }
        }
        if (busy.empty())
            break;
        if (std::chrono::steady_clock::now() > deadline)
            return Error{storeName(path) + ": someone else's save held the plan (" + busy +
                         "); nothing was saved, try again"};
        if (out.waits++ == 0 && waiting)
            waiting("the plan is being saved by someone else, trying again");
        std::this_thread::sleep_for(std::chrono::milliseconds(
            20 + std::uniform_int_distribution<int>(0, 80 + 20 * std::min(attempt, 10))(rng)));
    }
    auto back = readPlan(path);
    if (!back)
        return back.failure();
    out.plan = std::move(back.value());
    return out;
}

Result<Plan> readPlan(const std::string& path) {
    ensureGdal();
    std::error_code ec;
    if (isDb(path)) {
        DatasetPtr ds = openStore(path, false);
        if (!ds)
            return Error{storeName(path) + ": cannot open the database (" + lastGdalError() + ")"};
        return readFrom(*ds, storeName(path));
    }
    if (!fs::exists(path, ec))
        return Error{path + ": no such file"};
    recoverHotJournal(path);
    DatasetPtr ds(GDALDataset::FromHandle(
        GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
    if (!ds)
        return Error{path + ": not a readable GeoPackage (" + lastGdalError("unknown format") +
                     ")"};
    return readFrom(*ds, path);
}

Result<std::vector<PlanHistoryRow>> readPlanHistory(const std::string& path) {
    ensureGdal();
    DatasetPtr ds = openStore(path, false);
    if (!ds)
        return Error{storeName(path) + ": cannot open the plan (" +
                     lastGdalError("unknown format") + ")"};
    std::vector<PlanHistoryRow> out;
    if (OGRLayer* h = ds->GetLayerByName(kHistory))
        for (auto& f : *h)
            out.push_back({text(*f, "saved_at"), text(*f, "who"), text(*f, "area_id"),
                           text(*f, "field"), text(*f, "old_value"), text(*f, "new_value")});
    return out;
}

} // namespace sw::io
