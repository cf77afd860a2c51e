// What a basemap is drawn from, as the user names it (`gui --basemap SOURCE`, the Basemap menu,
// `report --basemap`): OpenStreetMap's standard tiles, an XYZ tile URL template, a WMTS
// service, or a local raster file (MBTiles, GeoPackage tiles, GeoTIFF, VRT or anything else
// GDAL reads). Plain values; io/basemap_raster opens and draws them.
#pragma once

#include "core/result.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sw {

enum class BasemapKind {
    Xyz,  // a tile URL template with {z}, {x} and {y} (or {-y} for TMS row order)
    Wmts, // a WMTS GetCapabilities URL (GDAL's "WMTS:" syntax)
    File, // a local raster file
};

struct BasemapSource {
    BasemapKind kind = BasemapKind::File;
    std::string location;    // the URL template, WMTS URL or file path
    std::string name;        // shown in the menu and the legend ("OpenStreetMap")
    std::string attribution; // drawn on the map and in every saved image
    bool online = false;     // the view area is sent to a server
    int max_zoom = 19;       // XYZ: the deepest zoom level the server has
    double timeout_s = 10;   // per tile request
    std::string cache_dir;   // XYZ/WMTS tile cache; empty: the user's cache folder
};

// The OpenStreetMap standard tile layer (tile.openstreetmap.org): online, max zoom 19,
// "(c) OpenStreetMap contributors".
BasemapSource openStreetMapSource();

// Reads what the user typed: "osm" (or "openstreetmap"), an http(s) URL with {z}/{x}/{y}, a
// "WMTS:" string or an http(s) URL ending in WMTSCapabilities.xml, or else a file path (which
// must exist: `exists` is asked). A trailing ",attribution=TEXT" sets the attribution, and
// ",maxzoom=N" an XYZ source's deepest level. Bad input is a one-line message.
Result<BasemapSource> parseBasemapSource(std::string_view text,
                                         bool (*exists)(const std::string&) = nullptr);

// The server an online source's tiles come from ("tile.openstreetmap.org", "127.0.0.1:8080");
// a file source's path.
std::string basemapHost(const BasemapSource& s);

// What the view sends the server: a one-line notice for an online source, empty otherwise.
std::string basemapPrivacyNotice(const BasemapSource& s);

// An RGBA picture of a basemap over a box of the working CRS (row 0 at the top).
struct BasemapImage {
    double xmin = 0, ymin = 0, xmax = 0, ymax = 0;
    int width = 0, height = 0;
    std::vector<std::uint8_t> rgba; // width * height * 4, straight (not premultiplied) alpha
    std::string attribution;
    bool empty() const { return width <= 0 || height <= 0 || rgba.empty(); }
};

// How a basemap is shown: its opacity over the paper and whether it is turned grey, so the
// crime layers stay readable.
struct BasemapLook {
    float opacity = 0.7f;
    bool greyscale = true;
};

// A basemap as chosen: none, or a source and its look.
struct BasemapChoice {
    std::optional<BasemapSource> source;
    BasemapLook look;
};

// The picture as it is shown: greyscale (Rec. 709 luma) when asked, and its
// alpha times the opacity. Used by the printed maps; the map window does the same in a shader.
BasemapImage lookedAt(const BasemapImage& image, const BasemapLook& look);

} // namespace sw
