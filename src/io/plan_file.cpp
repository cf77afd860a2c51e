// Plan GeoPackage reading and atomic writing through GDAL.
#include "io/plan_file.hpp"

#include "core/atomic_file.hpp"
#include "core/text.hpp"
#include "io/gdal_setup.hpp"
#include "io/ogr_geometry.hpp"
#include "io/vector_writer.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cstdio>
#include <filesystem>
#include <memory>

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

constexpr const char* kAreas = "target_areas";
constexpr const char* kSettings = "plan_settings";
constexpr const char* kSources = "plan_sources";

Status addField(OGRLayer* layer, const char* name, OGRFieldType type,
                OGRFieldSubType sub = OFSTNone) {
    OGRFieldDefn f(name, type);
    f.SetSubType(sub);
    if (layer->CreateField(&f) != OGRERR_NONE)
        return Error{std::string("cannot add the field ") + name + " (" + lastGdalError() + ")"};
    return okStatus();
}

Status writeAreas(GDALDataset& ds, const Plan& plan, const std::string& crs) {
    OGRSpatialReference srs;
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    if (srs.SetFromUserInput(crs.c_str()) != OGRERR_NONE)
        return Error{"unknown CRS '" + crs + "'"};
    char** opts =
        CSLSetNameValue(nullptr, "DESCRIPTION", "streetweek target areas: the street-week plan");
    OGRLayer* layer = ds.CreateLayer(kAreas, &srs, wkbMultiPolygon, opts);
    CSLDestroy(opts);
    if (!layer)
        return Error{std::string("cannot create the ") + kAreas + " layer (" + lastGdalError() +
                     ")"};
    for (const char* name : {"area_id", "name", "shape"})
        if (auto st = addField(layer, name, OFTString); !st)
            return st;
    if (auto st = addField(layer, "week_start", OFTDate); !st)
        return st;
    for (const char* name : {"lead", "partners", "status", "notes"})
        if (auto st = addField(layer, name, OFTString); !st)
            return st;
    for (const char* name : {"locked", "excluded"})
        if (auto st = addField(layer, name, OFTInteger, OFSTBoolean); !st)
            return st;
    for (const char* name : {"centre_x", "centre_y", "radius_m"})
        if (auto st = addField(layer, name, OFTReal); !st)
            return st;
    for (const auto& a : plan.areas) {
        OGRFeature feat(layer->GetLayerDefn());
        feat.SetField("area_id", a.id.c_str());
        feat.SetField("name", a.name.c_str());
        feat.SetField("shape", shapeName(a.shape_kind));
        if (a.week != kNoDay) {
            int y = 0, m = 0, d = 0;
            civilFromDays(a.week, y, m, d);
            feat.SetField("week_start", y, m, d);
        }
        feat.SetField("lead", a.lead.c_str());
        feat.SetField("partners", a.partners.c_str());
        feat.SetField("status", statusName(a.status));
        feat.SetField("notes", a.notes.c_str());
        feat.SetField("locked", a.locked ? 1 : 0);
        feat.SetField("excluded", a.excluded ? 1 : 0);
        if (a.shape_kind == AreaShape::Circle) {
            feat.SetField("centre_x", a.centre.x());
            feat.SetField("centre_y", a.centre.y());
            feat.SetField("radius_m", a.radius_m);
        }
        OGRMultiPolygon mp = toOgrMultiPolygon(a.shape);
        mp.assignSpatialReference(&srs);
        feat.SetGeometry(&mp);
        if (layer->CreateFeature(&feat) != OGRERR_NONE)
            return Error{"cannot write area " + a.id + " (" + lastGdalError() + ")"};
    }
    return okStatus();
}

template <typename Row>
Status writeTable(GDALDataset& ds, const char* name, const std::vector<const char*>& fields,
                  const std::vector<OGRFieldType>& types, std::size_t rows, Row row) {
    OGRLayer* layer = ds.CreateLayer(name, nullptr, wkbNone, nullptr);
    if (!layer)
        return Error{std::string("cannot create the ") + name + " table (" + lastGdalError() + ")"};
    for (std::size_t i = 0; i < fields.size(); ++i)
        if (auto st = addField(layer, fields[i], types[i]); !st)
            return st;
    for (std::size_t r = 0; r < rows; ++r) {
        OGRFeature feat(layer->GetLayerDefn());
        row(r, feat);
        if (layer->CreateFeature(&feat) != OGRERR_NONE)
            return Error{std::string("cannot write to ") + name + " (" + lastGdalError() + ")"};
    }
    return okStatus();
}

Status writeContents(GDALDataset& ds, const Plan& plan, const std::string& crs) {
    if (auto st = writeAreas(ds, plan, crs); !st)
        return st;
    std::vector<std::pair<std::string, std::string>> settings = plan.settings;
    for (const auto& a : plan.agencies)
        settings.emplace_back("agency", a);
    if (auto st =
            writeTable(ds, kSettings, {"key", "value"}, {OFTString, OFTString}, settings.size(),
                       [&](std::size_t r, OGRFeature& f) {
                           f.SetField("key", settings[r].first.c_str());
                           f.SetField("value", settings[r].second.c_str());
                       });
        !st)
        return st;
    return writeTable(ds, kSources, {"role", "path", "bytes", "checksum", "rows"},
                      {OFTString, OFTString, OFTInteger64, OFTString, OFTInteger64},
                      plan.sources.size(), [&](std::size_t r, OGRFeature& f) {
                          const PlanSource& s = plan.sources[r];
                          f.SetField("role", s.role.c_str());
                          f.SetField("path", s.path.c_str());
                          f.SetField("bytes", static_cast<GIntBig>(s.bytes));
                          f.SetField("checksum", s.checksum.c_str());
                          if (s.rows)
                              f.SetField("rows", static_cast<GIntBig>(*s.rows));
                          else
                              f.SetFieldNull(f.GetFieldIndex("rows"));
                      });
}

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

// One target_areas feature as an area; a reason when it cannot be one.
std::string readArea(OGRFeature& f, OGRCoordinateTransformation* to_crs, TargetArea& a) {
    a.id = text(f, "area_id");
    a.name = text(f, "name");
    a.shape_kind = parseShape(text(f, "shape")).value_or(AreaShape::Drawn);
    const int wi = f.GetFieldIndex("week_start");
    if (wi >= 0 && f.IsFieldSetAndNotNull(wi)) {
        int y = 0, m = 0, d = 0, h = 0, mi = 0, tz = 0;
        float s = 0;
        if (f.GetFieldAsDateTime(wi, &y, &m, &d, &h, &mi, &s, &tz) && y > 0)
            a.week = makeDay(y, m, d);
        else if (const auto day = parseDay(text(f, "week_start")))
            a.week = *day;
        else
            return "week_start '" + text(f, "week_start") + "' is not a date (YYYY-MM-DD)";
    }
    a.lead = text(f, "lead");
    a.partners = text(f, "partners");
    const std::string status = text(f, "status");
    if (const auto st = parseStatus(status))
        a.status = *st;
    else if (!status.empty())
        return "status '" + status + "' is not proposed, approved or done";
    a.notes = text(f, "notes");
    a.locked = number(f, "locked").value_or(0) != 0;
    a.excluded = number(f, "excluded").value_or(0) != 0;
    OGRGeometry* g = f.GetGeometryRef();
    if (!g || g->IsEmpty())
        return "no geometry";
    if (to_crs && g->transform(to_crs) != OGRERR_NONE)
        return "cannot be projected to the plan's CRS";
    if (!toMultiPolygon(g, a.shape))
        return "not a polygon";
    for (const auto& p : a.shape)
        for (const auto& pt : p.outer())
            if (!std::isfinite(pt.x()) || !std::isfinite(pt.y()))
                return "coordinate not finite";
    bg::correct(a.shape);
    if (a.shape_kind == AreaShape::Circle) {
        const auto x = number(f, "centre_x"), y = number(f, "centre_y"), r = number(f, "radius_m");
        if (x && y && r && *r > 0) {
            a.centre = Point(*x, *y);
            a.radius_m = *r;
        } else {
            a.shape_kind = AreaShape::Drawn; // a circle whose centre was lost: a polygon now
        }
    }
    return {};
}

} // namespace

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

Status writePlan(const std::string& path, const Plan& plan, const std::string& crs) {
    ensureGdal();
    if (!endsWithIgnoreCase(path, ".gpkg"))
        return badRequest(path + ": a plan is a GeoPackage (.gpkg)");
    const fs::path target = fs::absolute(path);
    std::error_code ec;
    if (!fs::is_directory(target.parent_path(), ec))
        return Error{path + ": the folder " + target.parent_path().string() + " does not exist"};
    if (fs::is_directory(target, ec))
        return badRequest(path + ": is a folder");
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

Result<Plan> readPlan(const std::string& path) {
    ensureGdal();
    std::error_code ec;
    if (!fs::exists(path, ec))
        return Error{path + ": no such file"};
    DatasetPtr ds(GDALDataset::FromHandle(
        GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
    if (!ds)
        return Error{path + ": not a readable GeoPackage (" + lastGdalError("unknown format") +
                     ")"};
    OGRLayer* areas = ds->GetLayerByName(kAreas);
    if (!areas)
        return Error{path + ": not a streetweek plan (no " + kAreas + " layer)"};
    Plan plan;
    plan.agencies.clear();
    OGRSpatialReference target;
    target.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    target.importFromEPSG(27700);
    std::unique_ptr<OGRCoordinateTransformation> to_crs;
    if (const OGRSpatialReference* srs = areas->GetSpatialRef(); srs && !srs->IsSame(&target)) {
        OGRSpatialReference source(*srs);
        source.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        to_crs.reset(OGRCreateCoordinateTransformation(&source, &target));
    }
    std::uint64_t number_in_file = 0;
    for (auto& f : *areas) {
        ++number_in_file;
        TargetArea a;
        if (const std::string why = readArea(*f, to_crs.get(), a); !why.empty()) {
            plan.load_warnings.push_back(path + ": feature " + std::to_string(number_in_file) +
                                         (a.id.empty() ? "" : " (" + a.id + ")") + ": " + why +
                                         "; left out");
            continue;
        }
        if (a.id.empty())
            a.id = nextAreaId(plan.areas);
        for (const auto& other : plan.areas)
            if (other.id == a.id) {
                const std::string fresh = nextAreaId(plan.areas);
                plan.load_warnings.push_back(path + ": feature " + std::to_string(number_in_file) +
                                             ": id " + a.id + " is used twice; renamed " + fresh);
                a.id = fresh;
                break;
            }
        plan.areas.push_back(std::move(a));
    }
    if (OGRLayer* s = ds->GetLayerByName(kSettings))
        for (auto& f : *s) {
            const std::string key = text(*f, "key"), value = text(*f, "value");
            if (key == "agency")
                plan.agencies.push_back(value);
            else if (!key.empty())
                plan.settings.emplace_back(key, value);
        }
    if (plan.agencies.empty())
        plan.agencies = defaultAgencies();
    if (OGRLayer* s = ds->GetLayerByName(kSources))
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

} // namespace sw::io
