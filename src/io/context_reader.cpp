// Context layer reading through GDAL/OGR.
#include "io/context_reader.hpp"

#include "io/gdal_setup.hpp"
#include "io/vector_source.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <filesystem>
#include <memory>

namespace sw::io {
namespace {

std::vector<Point> curvePoints(const OGRSimpleCurve* c) {
    std::vector<Point> pts;
    pts.reserve(static_cast<std::size_t>(c->getNumPoints()));
    for (int i = 0; i < c->getNumPoints(); ++i)
        pts.emplace_back(c->getX(i), c->getY(i));
    return pts;
}

// Adds the drawable parts of a geometry; false when it has none.
bool addGeometry(const OGRGeometry* g, ContextLayer& out) {
    if (!g || g->IsEmpty())
        return false;
    bool any = false;
    switch (wkbFlatten(g->getGeometryType())) {
    case wkbPoint:
        out.points.emplace_back(g->toPoint()->getX(), g->toPoint()->getY());
        return true;
    case wkbLineString:
        out.lines.push_back(curvePoints(g->toLineString()));
        return true;
    case wkbPolygon:
        for (const auto* ring : *g->toPolygon())
            out.lines.push_back(curvePoints(ring));
        return true;
    case wkbMultiPoint:
    case wkbMultiLineString:
    case wkbMultiPolygon:
    case wkbGeometryCollection:
        for (const auto* part : *g->toGeometryCollection())
            any = addGeometry(part, out) || any;
        return any;
    default: {
        // Curves and surfaces: their linear approximation.
        std::unique_ptr<OGRGeometry> lin(g->getLinearGeometry());
        const auto t = lin ? wkbFlatten(lin->getGeometryType()) : wkbUnknown;
        if (!lin || t == wkbFlatten(g->getGeometryType()))
            return false;
        return addGeometry(lin.get(), out);
    }
    }
}

bool finite(const std::vector<Point>& pts) {
    for (const auto& p : pts)
        if (!std::isfinite(p.x()) || !std::isfinite(p.y()))
            return false;
    return true;
}

} // namespace

ContextFile readContextFile(const std::string& path) {
    ensureGdal();
    ContextFile out;
    ContextLayer& layer = out.layer;
    layer.path = path;
    layer.name = std::filesystem::path(path).filename().string();
    layer.report.path = path;
    auto src = openVectorSource(path);
    if (!src) {
        layer.report.error = src.error();
        return out;
    }
    const VectorSource& ds = src.value();
    layer.report.format = ds.format;
    std::uint64_t number = 0;
    for (int li = 0; li < ds.layerCount(); ++li) {
        OGRLayer* ogr = ds.layer(li);
        const LayerCrs crs = layerCrs(*ogr);
        if (li == 0) {
            out.source_crs = crs.crs;
            if (crs.missing)
                layer.report.warnings.push_back(
                    path + ": the layer has no CRS; read as WGS84 longitude/latitude");
        } else if (crs.crs != out.source_crs) {
            layer.report.warnings.push_back(path + ": layer '" + ogr->GetName() +
                                            "' is in another CRS than the first; left out");
            continue;
        }
        ogr->ResetReading();
        for (auto& feat : *ogr) {
            ++number;
            ++layer.report.rows_read;
            const OGRGeometry* g = feat->GetGeometryRef();
            if (!g || g->IsEmpty()) {
                layer.report.rejected.add("no geometry", number);
                continue;
            }
            ContextLayer parts;
            if (!addGeometry(g, parts)) {
                layer.report.rejected.add(std::string("cannot draw a ") + g->getGeometryName(),
                                          number);
                continue;
            }
            bool ok = finite(parts.points);
            for (const auto& l : parts.lines)
                ok = ok && finite(l);
            if (!ok) {
                layer.report.rejected.add("coordinate not finite (NaN or infinity)", number);
                continue;
            }
            layer.points.insert(layer.points.end(), parts.points.begin(), parts.points.end());
            for (auto& l : parts.lines)
                layer.lines.push_back(std::move(l));
            ++layer.report.rows_kept;
        }
    }
    if (layer.report.rows_kept == 0 && layer.report.error.empty())
        layer.report.error = path + ": no feature could be drawn" +
                             (layer.report.rows_read == 0 ? " (the file has no features)" : "");
    return out;
}

} // namespace sw::io
