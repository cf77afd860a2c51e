// GDAL vector output with atomic replacement.
#include "io/vector_writer.hpp"

#include "core/atomic_file.hpp"
#include "core/incident_table.hpp"
#include "io/gdal_setup.hpp"
#include "io/ogr_fields.hpp"
#include "io/ogr_geometry.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <filesystem>

namespace sw::io {
namespace fs = std::filesystem;

namespace {

std::string extOf(const std::string& path) {
    std::string e = lowerExtension(path);
    if (!e.empty())
        e.insert(e.begin(), '.');
    return e;
}

const char* driverFor(const std::string& ext) {
    if (ext == ".csv")
        return "CSV";
    if (ext == ".gpkg")
        return "GPKG";
    if (ext == ".shp")
        return "ESRI Shapefile";
    if (ext == ".geojson" || ext == ".json")
        return "GeoJSON";
    return nullptr;
}

} // namespace

struct VectorWriter::Impl {
    std::string target, temp_dir, temp_path;
    std::unique_ptr<GDALDataset> ds;
    OGRLayer* layer = nullptr;
    std::vector<FieldSpec> fields;
    OGRSpatialReference srs;
    bool in_transaction = false;
    ~Impl() {
        ds.reset();
        if (!temp_dir.empty()) {
            std::error_code ec;
            fs::remove_all(temp_dir, ec);
        }
    }
};

bool isWritableVectorPath(const std::string& path) {
    return driverFor(extOf(path)) != nullptr;
}

Result<std::unique_ptr<VectorWriter>> VectorWriter::create(const std::string& path,
                                                           const std::string& layer_name,
                                                           const std::vector<FieldSpec>& fields,
                                                           bool polygons, const std::string& crs,
                                                           const VectorWriteOptions& options) {
    ensureGdal();
    const std::string ext = extOf(path);
    const char* driver_name = driverFor(ext);
    if (!driver_name)
        return Error{path + ": unsupported output format '" + ext +
                     "' (use .csv, .gpkg, .shp or .geojson)"};
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(driver_name);
    if (!driver)
        return Error{path + ": GDAL has no " + std::string(driver_name) + " driver"};
    const fs::path target = fs::absolute(path);
    std::error_code ec;
    if (!fs::exists(target.parent_path(), ec))
        return Error{path + ": the folder " + target.parent_path().string() + " does not exist"};

    removeStaleTemporaries(target.parent_path().string());
    std::unique_ptr<VectorWriter> w(new VectorWriter());
    w->impl_ = std::make_unique<Impl>();
    Impl& im = *w->impl_;
    w->polygons_ = polygons && ext != ".csv";
    im.target = target.string();
    im.fields = fields;
    im.temp_dir = temporaryPathFor(target.string()); // a folder: a shapefile is several files
    fs::create_directories(im.temp_dir, ec);
    if (ec)
        return Error{path + ": cannot write in " + target.parent_path().string() + " (" +
                     ec.message() + ")"};
    im.temp_path = (fs::path(im.temp_dir) / target.filename()).string();
    im.ds.reset(driver->Create(im.temp_path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!im.ds)
        return Error{path + ": cannot create the file (" + lastGdalError() + ")"};
    if (w->polygons_) {
        im.srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        if (im.srs.SetFromUserInput(crs.c_str()) != OGRERR_NONE)
            return Error{path + ": unknown CRS '" + crs + "'"};
    }
    char** lco = nullptr;
    if (ext == ".shp")
        lco = CSLSetNameValue(lco, "ENCODING", "UTF-8");
    if (ext == ".geojson" || ext == ".json")
        lco = CSLSetNameValue(lco, "RFC7946", options.geojson_working_crs ? "NO" : "YES");
    if (ext == ".csv") {
        lco = CSLSetNameValue(lco, "STRING_QUOTING", "IF_NEEDED");
        lco = CSLSetNameValue(lco, "CREATE_CSVT", "YES");
    }
    im.layer = im.ds->CreateLayer(layer_name.c_str(), w->polygons_ ? &im.srs : nullptr,
                                  w->polygons_ ? wkbMultiPolygon : wkbNone, lco);
    CSLDestroy(lco);
    if (!im.layer)
        return Error{path + ": cannot create the layer (" + lastGdalError() + ")"};
    // One transaction for the whole file (GeoPackage is slow without); formats without
    // transactions ignore it.
    im.in_transaction = im.ds->StartTransaction() == OGRERR_NONE;
    for (const auto& f : fields) {
        OGRFieldDefn def(f.name.c_str(), ogrFieldType(f.type));
        if (f.type == FieldSpec::Type::Text)
            def.SetWidth(ext == ".shp" ? 120 : 0);
        if (im.layer->CreateField(&def) != OGRERR_NONE)
            return Error{path + ": cannot create field '" + f.name + "' (" + lastGdalError() + ")"};
    }
    return w;
}

VectorWriter::~VectorWriter() = default;

Status VectorWriter::add(const std::vector<FieldValue>& values, const MultiPolygon* shape) {
    Impl& im = *impl_;
    OGRFeature feat(im.layer->GetLayerDefn());
    for (std::size_t i = 0; i < values.size() && i < im.fields.size(); ++i)
        setOgrField(feat, static_cast<int>(i), values[i]);
    if (polygons_ && shape) {
        OGRMultiPolygon mp = toOgrMultiPolygon(*shape);
        mp.assignSpatialReference(&im.srs);
        feat.SetGeometry(&mp);
    }
    if (im.layer->CreateFeature(&feat) != OGRERR_NONE)
        return Error{im.target + ": cannot write a feature (" + lastGdalError() + ")"};
    return okStatus();
}

void VectorWriter::setDescription(const std::string& text) {
    if (impl_->layer)
        impl_->layer->SetMetadataItem("DESCRIPTION", text.c_str());
}

Status VectorWriter::commit() {
    Impl& im = *impl_;
    if (im.in_transaction && im.ds->CommitTransaction() != OGRERR_NONE)
        return Error{im.target + ": cannot commit (" + lastGdalError() + ")"};
    im.layer = nullptr;
    GDALClose(GDALDataset::ToHandle(im.ds.release()));
    std::error_code ec;
    const fs::path target(im.target);
    const std::string stem = target.stem().string();
    for (const auto& entry : fs::directory_iterator(im.temp_dir, ec)) {
        const fs::path src = entry.path();
        if (src.stem().string() != stem)
            continue;
        if (auto st = moveIntoPlace(src.string(), (target.parent_path() / src.filename()).string());
            !st)
            return st;
    }
    return okStatus();
}

} // namespace sw::io
