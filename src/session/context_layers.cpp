// Context layer loading: GDAL read, PROJ transform.
#include "session/context_layers.hpp"

#include "geo/crs_transform.hpp"
#include "io/context_reader.hpp"

#include <cmath>

namespace sw {
namespace {

bool projectInPlace(const geo::CrsTransform& t, std::vector<Point>& pts) {
    std::vector<double> x(pts.size()), y(pts.size());
    for (std::size_t i = 0; i < pts.size(); ++i) {
        x[i] = pts[i].x();
        y[i] = pts[i].y();
    }
    t.transform(x.data(), y.data(), x.size());
    bool ok = true;
    for (std::size_t i = 0; i < pts.size(); ++i) {
        pts[i] = Point(x[i], y[i]);
        ok = ok && std::isfinite(x[i]) && std::isfinite(y[i]);
    }
    return ok;
}

} // namespace

Result<ContextLayer> loadContextLayer(const std::string& path, const std::string& working_crs) {
    if (working_crs.empty())
        return Error{path + ": load wards or incidents first (the map's CRS is not known yet)"};
    io::ContextFile f = io::readContextFile(path);
    if (!f.layer.report.error.empty())
        return Error{f.layer.report.error};
    ContextLayer& layer = f.layer;
    if (f.source_crs == working_crs)
        return std::move(layer);
    auto t = geo::CrsTransform::create(f.source_crs, working_crs);
    if (!t)
        return Error{path + ": " + t.error()};
    // Points and lines lose their feature numbers once split into parts, so a part that
    // cannot be projected is counted as such in the warnings.
    const std::size_t points_before = layer.points.size();
    projectInPlace(t.value(), layer.points);
    std::erase_if(layer.points,
                  [](const Point& p) { return !std::isfinite(p.x()) || !std::isfinite(p.y()); });
    const std::size_t lost_points = points_before - layer.points.size();
    const std::size_t lost_lines = std::erase_if(
        layer.lines, [&t](std::vector<Point>& l) { return !projectInPlace(t.value(), l); });
    if (lost_points + lost_lines > 0)
        layer.report.warnings.push_back(path + ": " + std::to_string(lost_points) + " points and " +
                                        std::to_string(lost_lines) +
                                        " lines could not be projected to " + working_crs +
                                        " and are not drawn");
    if (layer.points.empty() && layer.lines.empty())
        return Error{path + ": nothing could be projected to " + working_crs};
    return std::move(layer);
}

} // namespace sw
