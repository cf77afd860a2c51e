// Basemap pictures through GDAL: XYZ tiles through the WMS driver (with its on-disk cache and
// a User-Agent naming streetweek), WMTS, MBTiles, GeoPackage tiles and any other raster,
// warped to the working CRS over the box in view at the size it is shown.
#pragma once

#include "core/basemap_source.hpp"
#include "core/progress.hpp"
#include "core/result.hpp"

#include <string>

namespace sw::io {

// What GDAL opens for a source: the WMS service description (XML) for XYZ tiles, the
// "WMTS:" string, or the file path; `cached` keeps XYZ tiles in tileCacheDir.
std::string gdalConnection(const BasemapSource& source, bool cached = true);

// The tile cache folder: source.cache_dir, else $XDG_CACHE_HOME/streetweek/tiles, else
// ~/.cache/streetweek/tiles.
std::string tileCacheDir(const BasemapSource& source);

struct BasemapRequest {
    double xmin = 0, ymin = 0, xmax = 0, ymax = 0; // in `crs`
    int width = 0, height = 0;                     // pixels of the picture
    std::string crs = "EPSG:27700";                // the working CRS
};

// The basemap over the request's box: only the tiles of the zoom level that suits the
// picture's resolution are fetched. A server that is down, slow (past the source's timeout)
// or sends something that is not an image, a file GDAL cannot read or one without a CRS is a
// one-line message naming the source; a cancelled progress stops the fetch.
Result<BasemapImage> renderBasemap(const BasemapSource& source, const BasemapRequest& request,
                                   Progress* progress = nullptr);

} // namespace sw::io
