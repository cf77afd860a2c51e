// `streetweek gui` (and no arguments): the map, on the given data or the bundled sample.
#include "cli/commands.hpp"
#include "cli/load_options.hpp"
#include "session/bundled_sample.hpp"

#include <cstdio>
#include <iostream>

namespace sw::cli {

int runGuiCommand(int argc, char** argv) {
    auto specs = loadOptionSpecs(false);
    specs.push_back({"layer", "NAME", "show this layer (default: the standard layers)", true});
    specs.push_back({"screenshot", "PNG", "render offscreen, save the map as PNG and exit", false});
    specs.push_back({"frames", "N", "frames to render before the screenshot (default 3)", false});
    specs.push_back({"size", "WxH", "window or screenshot size (default 1280x800)", false});
    Args args("gui", "Opens the map on the given data, or on the bundled synthetic sample.", specs);
    if (auto err = args.parse(argc, argv, 2))
        return fail("gui", *err, kExitUsage);
    if (args.help()) {
        std::cout << args.usage();
        return kExitOk;
    }
    GuiOptions o;
    if (args.has("wards") || args.has("incidents")) {
        auto req = loadRequestFrom(args, false);
        if (!req)
            return fail("gui", req.error(), kExitUsage);
        o.request = req.value();
    } else {
        auto req = bundledSampleRequest();
        if (!req)
            return fail("gui", req.error(), kExitFailure);
        o.request = req.value();
        if (args.has("threads"))
            o.request.threads =
                static_cast<unsigned>(parseInteger(args.get("threads")).value_or(0));
    }
    o.visible_layers = args.all("layer");
    o.screenshot = args.get("screenshot");
    if (args.has("frames")) {
        const auto n = parseInteger(args.get("frames"));
        if (!n || *n < 1 || *n > 10000)
            return fail("gui", "--frames must be from 1 to 10000", kExitUsage);
        o.frames = static_cast<int>(*n);
    }
    if (args.has("size")) {
        int w = 0, h = 0;
        char extra = 0;
        if (std::sscanf(args.get("size").c_str(), "%dx%d%c", &w, &h, &extra) != 2 || w < 64 ||
            h < 64 || w > 16384 || h > 16384)
            return fail("gui", "--size must be WIDTHxHEIGHT, e.g. 1600x900", kExitUsage);
        o.width = w;
        o.height = h;
    }
    return runGui(o);
}

} // namespace sw::cli
