// Shared by the GUI tests: the synthetic sample's options, screenshots of the map through
// `streetweek gui --screenshot`, and PNGs read back as RGB pixels.
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

// Runs `streetweek gui --screenshot` on the sample with the options; returns the picture.
inline Image screenshot(const std::string& options, int w, int h) {
    TempDir dir;
    const std::string png = dir.file("map.png");
    const std::string prefix =
        std::getenv("DISPLAY") ? "" : "xvfb-run -a -s '-screen 0 1280x1024x24' ";
    const std::string cmd = prefix + STREETWEEK_BIN + std::string(" gui --screenshot ") + png +
                            " --size " + std::to_string(w) + "x" + std::to_string(h) + " " +
                            g_sample + " " + options + " 2>&1";
    if (std::system(cmd.c_str()) != 0)
        return {};
    return loadPng(png);
}

} // namespace sw::test::gui
