// Basemaps through GDAL: XYZ tiles from a server the test starts on 127.0.0.1 (tiles it made),
// MBTiles, GeoPackage tiles and a GeoTIFF it wrote, all warped to EPSG:27700 with the colours
// where they belong; the tile cache; a server that is down, slow or sends garbage, and a file
// without a CRS, each a one-line message.
#include "io/basemap_raster.hpp"
#include "test_support.hpp"
#include "tile_server.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <functional>
#include <set>

using namespace sw;

namespace {

// A view of 8 x 6 km over Chatham and Gillingham in British National Grid, 400 x 300 pixels.
io::BasemapRequest medwayView() {
    io::BasemapRequest r;
    r.xmin = 574000;
    r.ymin = 164000;
    r.xmax = 582000;
    r.ymax = 170000;
    r.width = 400;
    r.height = 300;
    return r;
}

// Red west of 0.56 E, blue east: the view's column 20 (about 0.50 E) is red, column 380
// (about 0.61 E) blue.
const test::SplitColours kSplit{test::mercatorX(0.56)};

struct Rgba4 {
    int r, g, b, a;
};
Rgba4 pixel(const BasemapImage& img, int col, int row) {
    const std::size_t i = (static_cast<std::size_t>(row) * static_cast<std::size_t>(img.width) +
                           static_cast<std::size_t>(col)) *
                          4;
    return {img.rgba[i], img.rgba[i + 1], img.rgba[i + 2], img.rgba[i + 3]};
}

void checkSplit(const BasemapImage& img) {
    REQUIRE(img.width == 400);
    REQUIRE(img.height == 300);
    for (int row : {30, 150, 270}) {
        const Rgba4 w = pixel(img, 20, row), e = pixel(img, 380, row);
        CHECK(w.r == doctest::Approx(220).epsilon(0.02));
        CHECK(w.b == doctest::Approx(30).epsilon(0.1));
        CHECK(w.a == 255);
        CHECK(e.b == doctest::Approx(220).epsilon(0.02));
        CHECK(e.r == doctest::Approx(30).epsilon(0.1));
        CHECK(e.a == 255);
    }
}

BasemapSource fileSource(const std::string& path) {
    auto s = parseBasemapSource(path);
    REQUIRE(s.ok());
    return s.value();
}

} // namespace

TEST_CASE("basemap: XYZ tiles from a local server are warped to British National Grid") {
    test::TempDir dir;
    const int tiles =
        test::writeXyzTiles(dir.file("tiles"), 11, 14, 0.45, 51.31, 0.66, 51.42, kSplit);
    REQUIRE(tiles > 20);
    test::TileServer server(dir.file("tiles"));
    auto parsed = parseBasemapSource(server.xyzUrl() + ",maxzoom=14,attribution=Test tiles");
    REQUIRE(parsed.ok());
    BasemapSource s = parsed.value();
    s.cache_dir = dir.file("cache");
    CHECK(s.online);
    CHECK(s.max_zoom == 14);

    auto img = io::renderBasemap(s, medwayView());
    REQUIRE_MESSAGE(img.ok(), (img.ok() ? "" : img.error()));
    checkSplit(img.value());
    CHECK(img.value().attribution == "Test tiles");

    // Only the tiles of one zoom level that suits 20 m pixels (zoom 12 or 13), a handful.
    const auto asked = server.requests();
    REQUIRE(!asked.empty());
    std::set<std::string> zooms;
    for (const auto& path : asked)
        zooms.insert(path.substr(1, path.find('/', 1) - 1));
    CHECK(zooms.size() == 1);
    CHECK((*zooms.begin() == "12" || *zooms.begin() == "13"));
    CHECK(asked.size() <= 24);
    for (const auto& ua : server.userAgents())
        CHECK(ua.find("streetweek/") == 0);

    // Drawn again: every tile comes from the cache, nothing is asked of the server.
    auto again = io::renderBasemap(s, medwayView());
    REQUIRE(again.ok());
    checkSplit(again.value());
    CHECK(server.requests().size() == asked.size());

    // A view where the server has no tiles (404): transparent, not an error.
    io::BasemapRequest far = medwayView();
    far.xmin = 300000;
    far.xmax = 308000;
    auto empty = io::renderBasemap(s, far);
    REQUIRE_MESSAGE(empty.ok(), (empty.ok() ? "" : empty.error()));
    CHECK(pixel(empty.value(), 200, 150).a == 0);
}

TEST_CASE("basemap: MBTiles, GeoPackage tiles and a GeoTIFF made by GDAL") {
    test::TempDir dir;
    const double x0 = test::mercatorX(0.40), x1 = test::mercatorX(0.75);
    // 51.25..51.50 N in Web Mercator metres.
    const double y0 = 6666000, y1 = 6711000;
    for (const char* driver : {"MBTiles", "GPKG", "GTiff"}) {
        CAPTURE(driver);
        const std::string path =
            dir.file(std::string("base.") + (std::string(driver) == "MBTiles" ? "mbtiles"
                                             : std::string(driver) == "GPKG"  ? "gpkg"
                                                                              : "tif"));
        REQUIRE(test::writeSplitRaster(path, driver, x0, y0, x1, y1, 25, kSplit));
        BasemapSource s = fileSource(path);
        CHECK(!s.online);
        auto img = io::renderBasemap(s, medwayView());
        REQUIRE_MESSAGE(img.ok(), (img.ok() ? "" : img.error()));
        checkSplit(img.value());
    }
}

TEST_CASE("basemap: a server that is down, slow or sends garbage is a message") {
    test::TempDir dir;
    auto check = [&](const std::string& url, const std::string& cache,
                     const std::function<std::string(const std::string&)>& why) {
        auto parsed = parseBasemapSource(url);
        REQUIRE(parsed.ok());
        BasemapSource s = parsed.value();
        s.cache_dir = dir.file(cache);
        s.timeout_s = 1;
        io::BasemapRequest small = medwayView(); // a tile or two
        small.xmax = small.xmin + 1000;
        small.ymax = small.ymin + 750;
        small.width = 100;
        small.height = 75;
        auto img = io::renderBasemap(s, small);
        REQUIRE(!img.ok());
        const std::string host = url.substr(7, url.find('/', 7) - 7);
        CHECK(img.error() == "basemap Tiles from " + host + ": " + why(host));
    };
    int dead_port = 0;
    {
        test::TileServer gone(dir.path().string());
        dead_port = gone.port();
    }
    check("http://127.0.0.1:" + std::to_string(dead_port) + "/{z}/{x}/{y}.png", "down",
          [](const std::string& host) {
              return "could not reach the tile server at " + host +
                     " (is it running, and is this computer online?)";
          });
    {
        test::TileServer slow(dir.path().string(), test::TileServer::Mode::Slow, 2500);
        const auto t0 = std::chrono::steady_clock::now();
        check(slow.xyzUrl(), "slow", [](const std::string& host) {
            return "the tile server at " + host + " did not answer within 1 s";
        });
        CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(30));
    }
    {
        test::TileServer garbage(dir.path().string(), test::TileServer::Mode::Garbage);
        check(garbage.xyzUrl(), "garbage", [](const std::string& host) {
            return "the tile server at " + host + " sent something that is not a tile image";
        });
    }
}

TEST_CASE("basemap: a raster without a CRS, or not a raster, is a message") {
    test::TempDir dir;
    const std::string tif = dir.file("nocrs.tif");
    REQUIRE(test::writeSplitRaster(tif, "GTiff", 0, 0, 1000, 1000, 10, kSplit, false));
    auto img = io::renderBasemap(fileSource(tif), medwayView());
    REQUIRE(!img.ok());
    CHECK(img.error() == "basemap nocrs.tif: has no coordinate system, so it cannot be placed "
                         "under the wards");
    const std::string junk = test::writeFile(dir.file("junk.tif"), "not a tiff");
    auto bad = io::renderBasemap(fileSource(junk), medwayView());
    REQUIRE(!bad.ok());
    CHECK(bad.error().find("basemap junk.tif: cannot be opened: ") == 0);
}

namespace {

// A WMTS capabilities document (RESTful, Google Maps compatible matrices 0..14) whose tiles
// are the local server's z/x/y.png.
std::string wmtsCapabilities(const std::string& tile_root_url) {
    std::string matrices;
    for (int z = 0; z <= 14; ++z) {
        const double scale = 559082264.0287178 / std::pow(2.0, z);
        const long n = 1L << z;
        matrices += "<TileMatrix><ows:Identifier>" + std::to_string(z) +
                    "</ows:Identifier><ScaleDenominator>" + std::to_string(scale) +
                    "</ScaleDenominator><TopLeftCorner>-20037508.3427892 20037508.3427892"
                    "</TopLeftCorner><TileWidth>256</TileWidth><TileHeight>256</TileHeight>"
                    "<MatrixWidth>" +
                    std::to_string(n) + "</MatrixWidth><MatrixHeight>" + std::to_string(n) +
                    "</MatrixHeight></TileMatrix>";
    }
    return R"(<?xml version="1.0" encoding="UTF-8"?>
<Capabilities xmlns="http://www.opengis.net/wmts/1.0" xmlns:ows="http://www.opengis.net/ows/1.1" version="1.0.0">
<Contents><Layer><ows:Identifier>test</ows:Identifier>
<ows:WGS84BoundingBox><ows:LowerCorner>-180 -85</ows:LowerCorner><ows:UpperCorner>180 85</ows:UpperCorner></ows:WGS84BoundingBox>
<Style isDefault="true"><ows:Identifier>default</ows:Identifier></Style><Format>image/png</Format>
<TileMatrixSetLink><TileMatrixSet>g</TileMatrixSet></TileMatrixSetLink>
<ResourceURL format="image/png" resourceType="tile" template=")" +
           tile_root_url + R"(/{TileMatrix}/{TileCol}/{TileRow}.png"/></Layer>
<TileMatrixSet><ows:Identifier>g</ows:Identifier><ows:SupportedCRS>urn:ogc:def:crs:EPSG::3857</ows:SupportedCRS>)" +
           matrices + "</TileMatrixSet></Contents></Capabilities>";
}

} // namespace

TEST_CASE("basemap: a WMTS service (capabilities and tiles from the local server)") {
    test::TempDir dir;
    REQUIRE(test::writeXyzTiles(dir.file("tiles"), 11, 14, 0.45, 51.31, 0.66, 51.42, kSplit) > 20);
    test::TileServer server(dir.path().string());
    const std::string root = "http://127.0.0.1:" + std::to_string(server.port());
    test::writeFile(dir.file("WMTSCapabilities.xml"), wmtsCapabilities(root + "/tiles"));
    auto parsed = parseBasemapSource(root + "/WMTSCapabilities.xml");
    REQUIRE(parsed.ok());
    CHECK(parsed.value().kind == BasemapKind::Wmts);
    BasemapSource s = parsed.value();
    s.cache_dir = dir.file("cache");
    auto img = io::renderBasemap(s, medwayView());
    REQUIRE_MESSAGE(img.ok(), (img.ok() ? "" : img.error()));
    checkSplit(img.value());
    const auto asked = server.requests();
    REQUIRE(asked.size() > 1);
    CHECK(asked.front() == "/WMTSCapabilities.xml");
    // Its tiles are cached in the source's cache folder, not in the working directory.
    CHECK(std::filesystem::exists(dir.file("cache")));
    CHECK_FALSE(std::filesystem::exists("gdalwmscache"));
}
