// GeoTIFF output through GDAL.
#include "io/raster_writer.hpp"

#include "core/atomic_file.hpp"
#include "io/gdal_setup.hpp"
#include "io/vector_writer.hpp"

#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <cmath>
#include <filesystem>

namespace sw::io {

Status writeGeoTiff(const std::string& path, const Grid& g, const std::string& crs,
                    const std::vector<std::pair<std::string, std::string>>& metadata,
                    const std::string& band_description, bool zero_is_value) {
    ensureGdal();
    namespace fs = std::filesystem;
    const fs::path target = fs::absolute(path);
    std::error_code ec;
    if (!fs::exists(target.parent_path(), ec))
        return Error{path + ": the folder " + target.parent_path().string() + " does not exist"};
    removeStaleTemporaries(target.parent_path().string());
    GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("GTiff");
    if (!drv)
        return Error{"GDAL has no GTiff driver"};
    TemporaryFile tmp(target.string());
    char** opts = nullptr;
    opts = CSLSetNameValue(opts, "COMPRESS", "DEFLATE");
    opts = CSLSetNameValue(opts, "PREDICTOR", "3");
    opts = CSLSetNameValue(opts, "TILED", "YES");
    opts = CSLSetNameValue(opts, "BIGTIFF", "IF_SAFER");
    GDALDataset* ds = drv->Create(tmp.path().c_str(), static_cast<int>(g.cols),
                                  static_cast<int>(g.rows), 1, GDT_Float32, opts);
    CSLDestroy(opts);
    if (!ds)
        return Error{path + ": cannot create the GeoTIFF (" + lastGdalError() + ")"};
    auto fail = [&](const std::string& why) -> Status {
        GDALClose(ds);
        return Error{path + ": " + why};
    };
    double gt[6] = {g.xmin, g.cell, 0.0, g.ymax, 0.0, -g.cell};
    ds->SetGeoTransform(gt);
    OGRSpatialReference srs;
    if (srs.SetFromUserInput(crs.c_str()) != OGRERR_NONE)
        return fail("unknown CRS '" + crs + "'");
    ds->SetSpatialRef(&srs);
    for (const auto& [k, v] : metadata)
        ds->SetMetadataItem(k.c_str(), v.c_str());
    GDALRasterBand* band = ds->GetRasterBand(1);
    band->SetNoDataValue(kNoData);
    band->SetDescription(band_description.c_str());
    std::vector<float> row(g.cols);
    for (std::size_t r = 0; r < g.rows; ++r) {
        for (std::size_t c = 0; c < g.cols; ++c) {
            const double v = g.values[r * g.cols + c];
            const bool none = std::isnan(v) || (v == 0.0 && !zero_is_value);
            row[c] = none ? static_cast<float>(kNoData) : static_cast<float>(v);
        }
        if (band->RasterIO(GF_Write, 0, static_cast<int>(r), static_cast<int>(g.cols), 1,
                           row.data(), static_cast<int>(g.cols), 1, GDT_Float32, 0, 0) != CE_None)
            return fail("write failed (" + lastGdalError() + ")");
    }
    CPLErrorReset();
    GDALClose(ds); // void in GDAL 3.6: a failed flush shows as the last error
    if (CPLGetLastErrorType() == CE_Failure)
        return Error{path + ": could not finish the GeoTIFF (" + lastGdalError() + ")"};
    return tmp.commit();
}

} // namespace sw::io
