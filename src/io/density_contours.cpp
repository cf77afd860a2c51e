// GDALContourGenerateEx with POLYGONIZE=YES at one fixed level over an in-memory raster.
#include "io/density_contours.hpp"

#include "io/gdal_setup.hpp"

#include <gdal_alg.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <memory>
#include <string>

namespace sw::io {
namespace {

Ring ringOf(const OGRLinearRing* r) {
    Ring out;
    for (int i = 0; i < r->getNumPoints(); ++i)
        out.emplace_back(r->getX(i), r->getY(i));
    return out;
}

void addPolygons(const OGRGeometry* g, std::vector<Polygon>& out) {
    if (!g)
        return;
    const auto type = wkbFlatten(g->getGeometryType());
    if (type == wkbPolygon) {
        const OGRPolygon* poly = g->toPolygon();
        Polygon p;
        p.outer() = ringOf(poly->getExteriorRing());
        for (int i = 0; i < poly->getNumInteriorRings(); ++i)
            p.inners().push_back(ringOf(poly->getInteriorRing(i)));
        bg::correct(p);
        out.push_back(std::move(p));
    } else if (type == wkbMultiPolygon || type == wkbGeometryCollection) {
        for (const auto* part : g->toGeometryCollection())
            addPolygons(part, out);
    }
}

// The region of the first region cell whose centre lies in the polygon, or 0.
std::int32_t regionOf(const Polygon& p, const Grid& g, const RegionLabels& regions) {
    const Box b = bg::return_envelope<Box>(p);
    const auto col0 = static_cast<std::int64_t>(std::floor((b.min_corner().x() - g.xmin) / g.cell));
    const auto col1 = static_cast<std::int64_t>(std::floor((b.max_corner().x() - g.xmin) / g.cell));
    const auto row0 = static_cast<std::int64_t>(std::floor((g.ymax - b.max_corner().y()) / g.cell));
    const auto row1 = static_cast<std::int64_t>(std::floor((g.ymax - b.min_corner().y()) / g.cell));
    const auto cols = static_cast<std::int64_t>(g.cols), rows = static_cast<std::int64_t>(g.rows);
    for (std::int64_t r = std::max<std::int64_t>(0, row0); r <= std::min(rows - 1, row1); ++r)
        for (std::int64_t c = std::max<std::int64_t>(0, col0); c <= std::min(cols - 1, col1); ++c) {
            const std::int32_t id = regions.label[static_cast<std::size_t>(r * cols + c)];
            if (id <= 0)
                continue;
            const Point centre(g.xmin + (static_cast<double>(c) + 0.5) * g.cell,
                               g.ymax - (static_cast<double>(r) + 0.5) * g.cell);
            if (bg::covered_by(centre, p))
                return id;
        }
    return 0;
}

} // namespace

Result<std::vector<MultiPolygon>> contourRegions(const Grid& g, const RegionLabels& regions,
                                                 double threshold,
                                                 const std::vector<std::uint8_t>& in_study,
                                                 const std::vector<MultiPolygon>& fallback) {
    ensureGdal();
    std::vector<MultiPolygon> out(static_cast<std::size_t>(regions.count));
    if (regions.count == 0)
        return out;
    const int cols = static_cast<int>(g.cols), rows = static_cast<int>(g.rows);
    std::unique_ptr<GDALDataset> ras(GetGDALDriverManager()->GetDriverByName("MEM")->Create(
        "", cols, rows, 1, GDT_Float64, nullptr));
    if (!ras)
        return Error{"cannot create an in-memory raster (" + lastGdalError() + ")"};
    double gt[6] = {g.xmin, g.cell, 0, g.ymax, 0, -g.cell};
    ras->SetGeoTransform(gt);
    // Outside the study area (and where there is no value) the surface is taken as below the
    // threshold (and below zero), so an outline closes at the study area's edge as the hotspot
    // cells do.
    const double below = std::min(0.0, threshold) - 1;
    std::vector<double> values(g.values.size());
    double top = threshold;
    for (std::size_t i = 0; i < values.size(); ++i) {
        const bool inside = std::isfinite(g.values[i]) && (in_study.empty() || in_study[i]);
        values[i] = inside ? g.values[i] : below;
        top = std::max(top, values[i]);
    }
    if (ras->GetRasterBand(1)->RasterIO(GF_Write, 0, 0, cols, rows, values.data(), cols, rows,
                                        GDT_Float64, 0, 0) != CE_None)
        return Error{"cannot fill the density raster"};
    std::unique_ptr<GDALDataset> vec(GetGDALDriverManager()->GetDriverByName("Memory")->Create(
        "", 0, 0, 0, GDT_Unknown, nullptr));
    OGRLayer* layer = vec->CreateLayer("contours", nullptr, wkbMultiPolygon, nullptr);
    OGRFieldDefn id("id", OFTInteger), lo("min", OFTReal), hi("max", OFTReal);
    layer->CreateField(&id);
    layer->CreateField(&lo);
    layer->CreateField(&hi);
    // The threshold and a level above every value: the band between them is the hotspots'
    // (newer GDAL no longer adds the raster's extremes as levels of its own).
    char level[96];
    std::snprintf(level, sizeof level, "FIXED_LEVELS=%.17g,%.17g", threshold,
                  top + std::abs(top) + 1);
    const char* opts[] = {
        level, "POLYGONIZE=YES", "ID_FIELD=0", "ELEV_FIELD_MIN=1", "ELEV_FIELD_MAX=2", nullptr};
    if (GDALContourGenerateEx(ras->GetRasterBand(1), layer, const_cast<char**>(opts), nullptr,
                              nullptr) != CE_None)
        return Error{"contouring failed (" + lastGdalError() + ")"};
    for (auto& f : *layer) {
        if (!(f->GetFieldAsDouble(1) >= threshold))
            continue; // the band below the threshold
        std::vector<Polygon> parts;
        addPolygons(f->GetGeometryRef(), parts);
        for (auto& p : parts)
            if (const std::int32_t rid = regionOf(p, g, regions); rid > 0)
                out[static_cast<std::size_t>(rid - 1)].push_back(std::move(p));
    }
    for (std::size_t i = 0; i < out.size(); ++i)
        if (out[i].empty() && i < fallback.size())
            out[i] = fallback[i];
    return out;
}

} // namespace sw::io
