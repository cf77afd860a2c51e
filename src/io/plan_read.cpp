// Reading a plan: its areas (dates and yes/no as people write them; rows streetweek cannot use
// kept aside and listed), settings, sources and history.
#include "io/plan_file.hpp"
#include "io/plan_tables.hpp"

#include "core/text.hpp"
#include "io/gdal_setup.hpp"
#include "io/ogr_geometry.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>
#include <unistd.h>

namespace fs = std::filesystem;

namespace sw::io {
using namespace plan_store;
namespace {

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

} // namespace

Result<Plan> plan_store::readFrom(GDALDataset& ds, const std::string& path) {
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
                const std::string fresh = nextAreaId(plan.areas);
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
