// GUI smoke test: renders the bundled sample offscreen under Xvfb through
// `streetweek gui --screenshot` and checks the picture shows ward fills, not a blank frame.
#include "../cli/cli_runner.hpp"
#include "test_support.hpp"

#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>
#include <stb/stb_image.h>

#include <cstdlib>
#include <iostream>

namespace {

bool haveXvfbRun() {
    return std::system("command -v xvfb-run >/dev/null 2>&1") == 0;
}

// The ward palette blended at the default fill opacity over the background.
bool looksLikeWardFill(const unsigned char* p) {
    static const int palette[][3] = {{251, 180, 174}, {179, 205, 227}, {204, 235, 197},
                                     {222, 203, 228}, {254, 217, 166}, {255, 255, 204},
                                     {229, 216, 189}, {253, 218, 236}};
    static const double bg[3] = {0.90 * 255, 0.93 * 255, 0.96 * 255};
    for (const auto& c : palette) {
        bool match = true;
        for (int k = 0; k < 3; ++k)
            match = match && std::abs(p[k] - (bg[k] * 0.45 + c[k] * 0.55)) <= 6;
        if (match)
            return true;
    }
    return false;
}

} // namespace

TEST_CASE("the map screenshot shows ward fills and points") {
    sw::test::TempDir dir;
    const std::string png = dir.file("map.png");
    const std::string prefix =
        std::getenv("DISPLAY") ? "" : "xvfb-run -a -s '-screen 0 1280x1024x24' ";
    const std::string cmd = prefix + STREETWEEK_BIN + std::string(" gui --screenshot ") + png +
                            " --size 900x700 --frames 3 2>&1";
    const int status = std::system(cmd.c_str());
    REQUIRE(status == 0);
    int w = 0, h = 0, n = 0;
    unsigned char* img = stbi_load(png.c_str(), &w, &h, &n, 3);
    REQUIRE(img != nullptr);
    CHECK(w == 900);
    CHECK(h == 700);
    double ward = 0, background = 0, red_banner = 0;
    for (int i = 0; i < w * h; ++i) {
        const unsigned char* p = img + 3 * i;
        if (looksLikeWardFill(p))
            ward += 1;
        if (std::abs(p[0] - 230) <= 1 && std::abs(p[1] - 237) <= 1 && std::abs(p[2] - 245) <= 1)
            background += 1;
        if (p[0] > 180 && p[1] < 60 && p[2] < 60)
            red_banner += 1;
    }
    stbi_image_free(img);
    const double total = static_cast<double>(w) * h;
    MESSAGE("ward-fill pixels " << ward / total << ", background " << background / total);
    CHECK(ward / total > 0.10);       // wards cover a good part of the view
    CHECK(background / total > 0.02); // the map is framed by background, not blank or all fill
    CHECK(red_banner > 500);          // the SYNTHETIC banner
}

int main(int argc, char** argv) {
    if (!std::getenv("DISPLAY") && !haveXvfbRun()) {
        std::cout << "SKIP: no DISPLAY and no xvfb-run (install xvfb)\n";
        return 77;
    }
    doctest::Context ctx(argc, argv);
    return ctx.run();
}
