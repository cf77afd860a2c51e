// The GeoTIFF writer: values, nodata, georeferencing and metadata round trip through GDAL; a
// failed write leaves the old file and no temporary files behind.
#include "io/density_export.hpp"
#include "io/raster_writer.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>
#include <gdal_priv.h>

#include <cmath>
#include <filesystem>
#include <memory>

using namespace sw;

namespace {

Grid smallGrid() {
    Grid g;
    g.xmin = 570000;
    g.ymax = 161000;
    g.cell = 10;
    g.cols = 3;
    g.rows = 2;
    g.values = {0.0, 1.5, 2.25, std::nan(""), 4.0, -3.0};
    return g;
}

std::vector<float> readBand(GDALDataset& ds) {
    std::vector<float> v(static_cast<std::size_t>(ds.GetRasterXSize() * ds.GetRasterYSize()));
    REQUIRE(ds.GetRasterBand(1)->RasterIO(GF_Read, 0, 0, ds.GetRasterXSize(), ds.GetRasterYSize(),
                                          v.data(), ds.GetRasterXSize(), ds.GetRasterYSize(),
                                          GDT_Float32, 0, 0) == CE_None);
    return v;
}

std::size_t filesIn(const std::filesystem::path& dir) {
    std::size_t n = 0;
    for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir))
        ++n;
    return n;
}

} // namespace

TEST_CASE("writeGeoTiff: values, nodata for NaN and zero, north-up transform, CRS, metadata") {
    test::TempDir dir;
    const std::string path = dir.file("g.tif");
    REQUIRE(io::writeGeoTiff(path, smallGrid(), "EPSG:27700", {{"STREETWEEK_TEST", "yes"}},
                             "test band"));
    GDALAllRegister();
    std::unique_ptr<GDALDataset> ds(GDALDataset::Open(path.c_str(), GDAL_OF_RASTER));
    REQUIRE(ds);
    CHECK(ds->GetRasterXSize() == 3);
    CHECK(ds->GetRasterYSize() == 2);
    double gt[6];
    REQUIRE(ds->GetGeoTransform(gt) == CE_None);
    CHECK(gt[0] == 570000);
    CHECK(gt[1] == 10);
    CHECK(gt[3] == 161000);
    CHECK(gt[5] == -10);
    const OGRSpatialReference* srs = ds->GetSpatialRef();
    REQUIRE(srs);
    CHECK(std::string(srs->GetAuthorityCode(nullptr)) == "27700");
    CHECK(std::string(ds->GetMetadataItem("STREETWEEK_TEST")) == "yes");
    CHECK(std::string(ds->GetRasterBand(1)->GetDescription()) == "test band");
    int has_nodata = 0;
    CHECK(ds->GetRasterBand(1)->GetNoDataValue(&has_nodata) == io::kNoData);
    CHECK(has_nodata);
    const auto v = readBand(*ds);
    CHECK(v == std::vector<float>{-9999.0f, 1.5f, 2.25f, -9999.0f, 4.0f, -3.0f});

    // A dual surface keeps zero as a value.
    REQUIRE(io::writeGeoTiff(path, smallGrid(), "EPSG:27700", {}, "dual", true));
    ds.reset(GDALDataset::Open(path.c_str(), GDAL_OF_RASTER));
    REQUIRE(ds);
    CHECK(readBand(*ds)[0] == 0.0f);
    CHECK(filesIn(dir.path()) == 1); // no temporary file left beside it
}

TEST_CASE("writeGeoTiff: a failure names the file and leaves what was there") {
    test::TempDir dir;
    const std::string path = test::writeFile(dir.file("keep.tif"), "old contents");
    CHECK_FALSE(
        io::writeGeoTiff(dir.file("no/such/folder/x.tif"), smallGrid(), "EPSG:27700", {}, ""));
    auto bad_crs = io::writeGeoTiff(path, smallGrid(), "NOT:A:CRS", {}, "");
    REQUIRE_FALSE(bad_crs);
    CHECK(bad_crs.error().find("keep.tif") != std::string::npos);
    CHECK(test::readFile(path) == "old contents");
    CHECK(filesIn(dir.path()) == 1);
}

TEST_CASE("exportDensity: the parameters travel in the metadata") {
    test::TempDir dir;
    io::DensityExportInfo info;
    info.kde.radius_m = 250;
    info.kde.cell_size_m = 10;
    info.period = "2022-01..2022-06";
    info.incidents = 42;
    const std::string path = dir.file("d.tif");
    REQUIRE(io::exportDensity(path, smallGrid(), "EPSG:27700", info));
    GDALAllRegister();
    std::unique_ptr<GDALDataset> ds(GDALDataset::Open(path.c_str(), GDAL_OF_RASTER));
    REQUIRE(ds);
    CHECK(std::string(ds->GetMetadataItem("STREETWEEK_RADIUS_M")) == "250");
    CHECK(std::string(ds->GetMetadataItem("STREETWEEK_CELL_SIZE_M")) == "10");
    CHECK(std::string(ds->GetMetadataItem("STREETWEEK_PERIOD")) == "2022-01..2022-06");
    CHECK(std::string(ds->GetMetadataItem("STREETWEEK_LAYERS")) == "all incidents");
    CHECK(std::string(ds->GetMetadataItem("STREETWEEK_INCIDENTS")) == "42");
    CHECK(ds->GetMetadataItem("STREETWEEK_SYNTHETIC") == nullptr);
}
