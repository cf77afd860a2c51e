// Basemap pictures in the session's working CRS.
#include "session/basemap_view.hpp"

#include "io/basemap_raster.hpp"

namespace sw {

Result<BasemapImage> basemapImage(const Session& session, const BasemapSource& source,
                                  const Box& box, int width, int height, Progress* progress) {
    return basemapImage(session.data().working_crs, source, box, width, height, progress);
}

Result<BasemapImage> basemapImage(const std::string& working_crs, const BasemapSource& source,
                                  const Box& box, int width, int height, Progress* progress) {
    io::BasemapRequest r;
    r.xmin = box.min_corner().x();
    r.ymin = box.min_corner().y();
    r.xmax = box.max_corner().x();
    r.ymax = box.max_corner().y();
    r.width = width;
    r.height = height;
    if (!working_crs.empty())
        r.crs = working_crs;
    return io::renderBasemap(source, r, progress);
}

} // namespace sw
