// GUI tests of the basemap and the Wards panel's chart: tiles from a server the test starts
// on 127.0.0.1 under the wards (in screenshots, a saved image wider than the window, and after
// the Basemap menu is driven with xdotool), a server that is down, and the monthly chart.
#include "core/layer_rules.hpp"
#include "gui/gui_support.hpp"
#include "tile_server.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <memory>

using namespace sw::test::gui;

namespace {

// Red and blue test tiles (split at 0.57 E, about the middle of the --view box below) served
// on 127.0.0.1, for the basemap tests.
struct BasemapFixture {
    sw::test::TempDir dir;
    std::unique_ptr<sw::test::TileServer> server;
    BasemapFixture() {
        sw::test::writeXyzTiles(dir.file("tiles"), 10, 13, 0.25, 51.25, 0.90, 51.50,
                                sw::test::SplitColours{sw::test::mercatorX(0.57)});
        server = std::make_unique<sw::test::TileServer>(dir.file("tiles"));
    }
    std::string url() const { return server->xyzUrl() + ",maxzoom=13,attribution=Test tiles"; }
};

const char* kBasemapView = " --view 572000,163000,586000,175000 --no-points --no-density "
                           "--no-hotspots ";

bool reddish(const unsigned char* p) {
    return p[0] > p[2] + 60;
}
bool bluish(const unsigned char* p) {
    return p[2] > p[0] + 60;
}

// Samples every 10th pixel of a band of columns [x0, x1) below the menu bar.
int countIn(const Image& img, int x0, int x1, bool (*pred)(const unsigned char*)) {
    int n = 0;
    for (int y = 40; y < img.h - 40; y += 10)
        for (int x = x0; x < x1; x += 10)
            n += pred(img.at(x, y)) ? 1 : 0;
    return n;
}

} // namespace

TEST_CASE("a basemap from a local tile server is drawn under the wards, in the saved image too") {
    BasemapFixture tiles;
    const std::string cache = " --basemap-colour";
    // The tile cache and the window's settings stay inside the test's folder.
    setenv("XDG_CACHE_HOME", tiles.dir.file("cache").c_str(), 1);
    setenv("XDG_CONFIG_HOME", tiles.dir.file("config").c_str(), 1);
    const Image plain = screenshot(std::string(kBasemapView) + " --hide-panels", 1000, 700);
    const Image based = screenshot(std::string(kBasemapView) + " --hide-panels --basemap '" +
                                       tiles.url() + "'" + cache,
                                   1000, 700);
    REQUIRE(plain.w == 1000);
    REQUIRE(based.w == 1000);
    const int west = countIn(based, 0, 250, reddish), east = countIn(based, 750, 1000, bluish);
    const int samples = countIn(based, 0, 250, [](const unsigned char*) { return true; });
    MESSAGE("with the basemap: red west " << west << ", blue east " << east << " of " << samples
                                          << "; without: " << countIn(plain, 0, 250, reddish)
                                          << ", " << countIn(plain, 750, 1000, bluish));
    CHECK(west > samples * 8 / 10);
    CHECK(east > samples * 8 / 10);
    CHECK(countIn(plain, 750, 1000, bluish) < samples / 10);
    CHECK(countIn(based, 0, 250, bluish) < samples / 20); // the colours where they belong
    CHECK(!tiles.server->requests().empty());
    for (const auto& ua : tiles.server->userAgents())
        CHECK(ua.find("streetweek/") == 0);

    // A saved image wider than the window shows more of the map: the basemap reaches its edges.
    sw::test::TempDir out;
    const std::string png = out.file("wide.png");
    const std::string prefix = xServer();
    REQUIRE(std::system((prefix + STREETWEEK_BIN + std::string(" gui --size 1000x700 ") + g_sample +
                         kBasemapView + " --basemap '" + tiles.url() + "'" + cache +
                         " --save-image " + png + " --image-size 1800x700 >/dev/null 2>&1")
                            .c_str()) == 0);
    const Image wide = loadPng(png);
    REQUIRE(wide.w == 1800);
    const int wide_samples = countIn(wide, 0, 100, [](const unsigned char*) { return true; });
    CHECK(countIn(wide, 0, 100, reddish) > wide_samples * 8 / 10);
    CHECK(countIn(wide, 1700, 1800, bluish) > wide_samples * 8 / 10);
    unsetenv("XDG_CACHE_HOME");
    unsetenv("XDG_CONFIG_HOME");
}

TEST_CASE("a tile server that is down: the map still draws and says why") {
    int dead_port = 0;
    {
        sw::test::TempDir d;
        sw::test::TileServer gone(d.path().string());
        dead_port = gone.port();
    }
    sw::test::TempDir dir;
    const std::string png = dir.file("map.png");
    const std::string prefix = xServer();
    const std::string log = dir.file("log.txt");
    const int rc = std::system((prefix + STREETWEEK_BIN + std::string(" gui --screenshot ") + png +
                                " --size 800x600 " + g_sample + " --basemap http://127.0.0.1:" +
                                std::to_string(dead_port) + "/{z}/{x}/{y}.png > " + log + " 2>&1")
                                   .c_str());
    CHECK(rc == 0);
    CHECK(std::filesystem::exists(png));
    const std::string text = sw::test::readFile(log);
    CHECK(text.find("the area in view is sent to 127.0.0.1:" + std::to_string(dead_port)) !=
          std::string::npos);
    CHECK(text.find("could not reach the tile server at 127.0.0.1:" + std::to_string(dead_port)) !=
          std::string::npos);
    CHECK(text.find("(the map works without it)") != std::string::npos);
}

TEST_CASE("Basemap > Tile URL: typed, its notice agreed to with a click, the tiles come in") {
    BasemapFixture tiles;
    sw::test::TempDir dir;
    setenv("XDG_CACHE_HOME", tiles.dir.file("cache").c_str(), 1);
    // Basemap menu (114, 10) > Tile URL or raster file... (190, 69); the panel opens at
    // (380, 80) with its text field at (600, 159); after Enter the notice's Turn on button is
    // at (416, 246).
    const std::string cmd =
        driveMap(dir.path().string(), g_sample + kBasemapView + " --basemap-colour",
                 "click:114,10 click:190,69 click:600,159 'type:" + tiles.server->xyzUrl() +
                     ",maxzoom=13' key:Return shot:notice click:416,246 wait:2 shot:tiles");
    REQUIRE(std::system(cmd.c_str()) == 0);
    unsetenv("XDG_CACHE_HOME");
    CHECK(!tiles.server->requests().empty());
    const Image shot = loadPng(dir.file("tiles.png"));
    REQUIRE(shot.w > 0);
    // The map between the left panels (to x 340) and the right ones (from x 630).
    CHECK(countIn(shot, 345, 420, reddish) + countIn(shot, 560, 625, bluish) > 60);
}

TEST_CASE("the Wards panel charts the study area's months per shown layer, a year earlier dashed") {
    // 1280 x 960: the Wards panel sits at the bottom right, its Monthly chart tab open.
    const Image img = screenshot("--layer asb --layer weapons --no-points --no-density "
                                 "--no-hotspots",
                                 1280, 960);
    REQUIRE(img.w == 1280);
    sw::Rgba asb{};
    for (const auto& l : sw::defaultLayers())
        if (l.key == "asb")
            asb = l.colour;
    int line = 0;
    for (int y = 560; y < 800; ++y)
        for (int x = 900; x < 1270; ++x) {
            const unsigned char* p = img.at(x, y);
            line += std::abs(p[0] - asb.r) < 30 && std::abs(p[1] - asb.g) < 30 &&
                            std::abs(p[2] - asb.b) < 30
                        ? 1
                        : 0;
        }
    MESSAGE("pixels of the ASB line in the Wards panel's chart: " << line);
    CHECK(line > 150); // two years of months (the synthetic sample), solid and dashed
}
