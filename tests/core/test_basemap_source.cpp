// Basemap sources as typed (OpenStreetMap, tile URLs, WMTS, files, options) and the look of
// the picture (greyscale and opacity).
#include "core/basemap_source.hpp"

#include <doctest/doctest.h>

using namespace sw;

namespace {
bool noFiles(const std::string&) {
    return false;
}
bool allFiles(const std::string&) {
    return true;
}
} // namespace

TEST_CASE("basemap sources: OpenStreetMap is online, attributed and off until asked for") {
    auto osm = parseBasemapSource(" OSM ");
    REQUIRE(osm.ok());
    CHECK(osm.value().kind == BasemapKind::Xyz);
    CHECK(osm.value().location == "https://tile.openstreetmap.org/{z}/{x}/{y}.png");
    CHECK(osm.value().attribution == "(c) OpenStreetMap contributors");
    CHECK(osm.value().online);
    CHECK(basemapPrivacyNotice(osm.value()) ==
          "Basemap OpenStreetMap: the area in view is sent to tile.openstreetmap.org to fetch its "
          "tiles (cached on this computer).");
    CHECK(BasemapSource{}.location.empty()); // no basemap unless one is chosen
}

TEST_CASE("basemap sources: tile URLs, WMTS and files, with options") {
    auto xyz = parseBasemapSource("http://127.0.0.1:8080/t/{z}/{x}/{-y}.png,maxzoom=16,"
                                  "attribution=Ordnance Survey");
    REQUIRE(xyz.ok());
    CHECK(xyz.value().kind == BasemapKind::Xyz);
    CHECK(xyz.value().location == "http://127.0.0.1:8080/t/{z}/{x}/{-y}.png");
    CHECK(xyz.value().max_zoom == 16);
    CHECK(xyz.value().attribution == "Ordnance Survey");
    CHECK(xyz.value().name == "Tiles from 127.0.0.1:8080");

    auto wmts = parseBasemapSource("https://example.org/wmts/WMTSCapabilities.xml");
    REQUIRE(wmts.ok());
    CHECK(wmts.value().kind == BasemapKind::Wmts);
    CHECK(wmts.value().location == "WMTS:https://example.org/wmts/WMTSCapabilities.xml");
    CHECK(wmts.value().online);
    auto layer = parseBasemapSource("WMTS:https://example.org/cap.xml,layer=roads");
    REQUIRE(layer.ok());
    CHECK(layer.value().location == "WMTS:https://example.org/cap.xml,layer=roads");

    auto file = parseBasemapSource("/data/kent,2024.mbtiles", allFiles);
    REQUIRE(file.ok());
    CHECK(file.value().kind == BasemapKind::File);
    CHECK(file.value().location == "/data/kent,2024.mbtiles");
    CHECK(file.value().name == "kent,2024.mbtiles");
    CHECK(!file.value().online);
    CHECK(basemapPrivacyNotice(file.value()).empty());
}

TEST_CASE("basemap sources: bad input is a one-line message") {
    CHECK(parseBasemapSource("").error() ==
          "basemap: no source given (osm, a tile URL with {z}/{x}/{y}, a WMTS URL or a raster "
          "file)");
    CHECK(parseBasemapSource("https://tiles.example.org/{z}/{x}.png").error() ==
          "basemap: the tile URL 'https://tiles.example.org/{z}/{x}.png' needs {z}, {x} and {y} "
          "(or {-y}) in it");
    CHECK(parseBasemapSource("https://t.org/{z}/{x}/{y}.png,maxzoom=30").error() ==
          "basemap: maxzoom must be a whole number from 0 to 24, not '30'");
    CHECK(parseBasemapSource("missing.tif", noFiles).error() ==
          "basemap: missing.tif: no such file");
    CHECK(parseBasemapSource("", noFiles).badRequest());
}

TEST_CASE("basemap look: greyscale by luma and alpha times the opacity") {
    BasemapImage img;
    img.width = 2;
    img.height = 1;
    img.rgba = {255, 0, 0, 255, 0, 0, 255, 128};
    const BasemapImage grey = lookedAt(img, {0.5f, true});
    CHECK(grey.rgba[0] == 54); // 0.2126 * 255
    CHECK(grey.rgba[1] == 54);
    CHECK(grey.rgba[2] == 54);
    CHECK(grey.rgba[3] == 128);
    CHECK(grey.rgba[4] == 18); // 0.0722 * 255
    CHECK(grey.rgba[7] == 64);
    const BasemapImage colour = lookedAt(img, {1.0f, false});
    CHECK(colour.rgba == img.rgba);
}
