// The plan store's tables and fields, shared by reading (plan_read.cpp) and saving
// (plan_save.cpp) a plan in a GeoPackage or the office's PostgreSQL; for io only.
#pragma once

#include "core/plan_merge.hpp"
#include "core/result.hpp"
#include "core/target_area.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace sw::io::plan_store {

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

constexpr std::size_t kGeometryField = kAreaFieldCount - 1; // areaFieldNames()'s last

// The areas' columns (the geometry aside), areaFieldNames()'s first 13, then the revision.
const std::vector<FieldDef>& areaColumns();
const std::vector<FieldDef>& settingColumns();
const std::vector<FieldDef>& sourceColumns();
const std::vector<FieldDef>& historyColumns();
Status addField(OGRLayer* layer, const FieldDef& d);
// Adds the columns streetweek writes that the layer lacks (a plan made elsewhere, a column
// renamed in QGIS); the others' columns are left as they are.
Status ensureAreaColumns(OGRLayer* layer);
// Field i (areaFieldNames()'s order; the last is the geometry) of the area on the feature.
void setAreaField(OGRFeature& f, const TargetArea& a, std::size_t field,
                  const OGRSpatialReference* srs);
void setAllAreaFields(OGRFeature& f, const TargetArea& a, const OGRSpatialReference* srs);
Result<OGRSpatialReference> srsOf(const std::string& crs);
// The table, made with these fields when the store lacks it; nullptr when it cannot be.
OGRLayer* tableOf(GDALDataset& ds, const char* name, const std::vector<FieldDef>& fields);
// The plan's settings rows, its agencies as "agency" rows after them.
std::vector<std::pair<std::string, std::string>> settingRows(const Plan& plan);
Status addSetting(OGRLayer* l, const std::string& key, const std::string& value);
Status addSource(OGRLayer* l, const PlanSource& s);
// A new store's tables filled with the plan.
Status writeContents(GDALDataset& ds, const Plan& plan, const std::string& crs);
std::string text(OGRFeature& f, const char* name);
std::optional<double> number(OGRFeature& f, const char* name);

bool isDb(const std::string& path);
// The plan's store opened with GDAL (the GPKG or PostgreSQL driver only).
DatasetPtr openStore(const std::string& path, bool update);
// Runs a statement whose result is not needed.
void execute(GDALDataset& ds, const char* sql);
// The store's name for a person ("PG:... password=secret" never shown).
std::string storeName(const std::string& path);

// The plan in an open store (plan_read.cpp); `name` is how messages name it.
Result<Plan> readFrom(GDALDataset& ds, const std::string& name);

} // namespace sw::io::plan_store
