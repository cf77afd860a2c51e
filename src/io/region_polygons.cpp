// GDALPolygonize over an in-memory label raster.
#include "io/region_polygons.hpp"

#include "io/gdal_setup.hpp"

#include <gdal_alg.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <memory>

namespace sw::io {

Result<std::vector<MultiPolygon>> polygonizeRegions(const Grid& g, const RegionLabels& regions) {
    ensureGdal();
    std::vector<MultiPolygon> out(static_cast<std::size_t>(regions.count));
    if (regions.count == 0)
        return out;
    GDALDriver* mem = GetGDALDriverManager()->GetDriverByName("MEM");
    std::unique_ptr<GDALDataset> ras(
        mem->Create("", static_cast<int>(g.cols), static_cast<int>(g.rows), 2, GDT_Int32, nullptr));
    if (!ras)
        return Error{"cannot create an in-memory raster (" + lastGdalError() + ")"};
    double gt[6] = {g.xmin, g.cell, 0, g.ymax, 0, -g.cell};
    ras->SetGeoTransform(gt);
    std::vector<std::int32_t> mask(regions.label.size());
    for (std::size_t i = 0; i < mask.size(); ++i)
        mask[i] = regions.label[i] > 0 ? 1 : 0;
    auto write = [&](int band, std::vector<std::int32_t>& data) {
        return ras->GetRasterBand(band)->RasterIO(
            GF_Write, 0, 0, static_cast<int>(g.cols), static_cast<int>(g.rows), data.data(),
            static_cast<int>(g.cols), static_cast<int>(g.rows), GDT_Int32, 0, 0);
    };
    std::vector<std::int32_t> labels(regions.label.begin(), regions.label.end());
    if (write(1, labels) != CE_None || write(2, mask) != CE_None)
        return Error{"cannot fill the label raster"};
    GDALDriver* vmem = GetGDALDriverManager()->GetDriverByName("Memory");
    std::unique_ptr<GDALDataset> vec(vmem->Create("", 0, 0, 0, GDT_Unknown, nullptr));
    OGRLayer* layer = vec->CreateLayer("regions", nullptr, wkbPolygon, nullptr);
    OGRFieldDefn id("id", OFTInteger);
    layer->CreateField(&id);
    if (GDALPolygonize(ras->GetRasterBand(1), ras->GetRasterBand(2), layer, 0, nullptr, nullptr,
                       nullptr) != CE_None)
        return Error{"polygonize failed (" + lastGdalError() + ")"};
    for (auto& f : *layer) {
        const int rid = f->GetFieldAsInteger(0);
        const OGRGeometry* geom = f->GetGeometryRef();
        if (rid < 1 || rid > regions.count || !geom ||
            wkbFlatten(geom->getGeometryType()) != wkbPolygon)
            continue;
        const OGRPolygon* poly = geom->toPolygon();
        Polygon p;
        auto ring = [](const OGRLinearRing* r) {
            Ring out_ring;
            for (int i = 0; i < r->getNumPoints(); ++i)
                out_ring.emplace_back(r->getX(i), r->getY(i));
            return out_ring;
        };
        p.outer() = ring(poly->getExteriorRing());
        for (int i = 0; i < poly->getNumInteriorRings(); ++i)
            p.inners().push_back(ring(poly->getInteriorRing(i)));
        bg::correct(p);
        out[static_cast<std::size_t>(rid - 1)].push_back(std::move(p));
    }
    return out;
}

} // namespace sw::io
