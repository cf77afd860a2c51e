// Shared by the GUI tests: the synthetic sample's options, screenshots of the map through
// `streetweek gui --screenshot`, windows driven by drive_map.sh, and PNGs read back as RGB
// pixels.
#pragma once

#include "test_support.hpp"

#include <stb/stb_image.h>

#include <cstdlib>
#include <string>
#include <vector>

namespace sw::test::gui {

// The synthetic sample (written once by `streetweek sample` in main()): its invented hotspots
// sit where the tests look for them. The bundled default is real Medway data.
inline std::string g_sample;

struct Image {
    int w = 0, h = 0;
    std::vector<unsigned char> px;
    const unsigned char* at(int x, int y) const {
        return &px[3 * (static_cast<std::size_t>(y) * w + x)];
    }
};

// A PNG as RGB; empty when it cannot be read.
inline Image loadPng(const std::string& path) {
    Image img;
    int n = 0;
    unsigned char* data = stbi_load(path.c_str(), &img.w, &img.h, &n, 3);
    if (!data)
        return img;
    img.px.assign(data, data + 3 * img.w * img.h);
    stbi_image_free(data);
    return img;
}

// What runs a window command: nothing with a DISPLAY, else a private X server of this size.
inline std::string xServer(const char* screen = "1280x1024x24") {
    return std::getenv("DISPLAY") ? "" : "xvfb-run -a -s '-screen 0 " + std::string(screen) + "' ";
}

// The command that drives a real map window (tests/gui/drive_map.sh) in `dir` with the map's
// options, then the steps (key:, click:, type:, shot:, ...).
inline std::string driveMap(const std::string& dir, const std::string& options,
                            const std::string& steps) {
    return xServer("1200x800x24") + STREETWEEK_TESTS_DIR "/gui/drive_map.sh " + STREETWEEK_BIN +
           " " + dir + " '" + options + "' " + steps + " 2>&1";
}

// A plan of two suggested weeks on the sample, written to `path`.
inline bool suggestPlan(const std::string& path) {
    return std::system((std::string(STREETWEEK_BIN) + " suggest --quiet " + g_sample +
                        " --weeks 2 --out " + path + " >/dev/null 2>&1")
                           .c_str()) == 0;
}

// Runs `streetweek gui --screenshot` on the sample with the options; returns the picture.
inline Image screenshot(const std::string& options, int w, int h) {
    TempDir dir;
    const std::string png = dir.file("map.png");
    const std::string cmd = xServer() + STREETWEEK_BIN + std::string(" gui --screenshot ") + png +
                            " --size " + std::to_string(w) + "x" + std::to_string(h) + " " +
                            g_sample + " " + options + " 2>&1";
    if (std::system(cmd.c_str()) != 0)
        return {};
    return loadPng(png);
}

} // namespace sw::test::gui
