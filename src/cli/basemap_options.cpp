// Basemap options.
#include "cli/basemap_options.hpp"

#include <filesystem>
#include <iostream>

namespace sw::cli {

std::vector<OptionSpec> basemapOptionSpecs() {
    return {{"basemap", "SOURCE",
             "a basemap under the wards: osm (OpenStreetMap, online), a tile URL with "
             "{z}/{x}/{y}, a WMTS capabilities URL, or an MBTiles, GeoPackage or GeoTIFF file; "
             "add ,attribution=TEXT or ,maxzoom=N"},
            {"basemap-opacity", "F", "the basemap's opacity, 0.1 to 1 (default 0.7)"},
            {"basemap-colour", "", "keep the basemap's colours (default: greyscale)"}};
}

Result<BasemapChoice> basemapOptions(const Args& args, const std::string& command) {
    BasemapChoice c;
    if (args.has("basemap-opacity")) {
        const auto v = parseDouble(args.get("basemap-opacity"));
        if (!v || *v < 0.1 || *v > 1)
            return badRequest("--basemap-opacity must be a number from 0.1 to 1");
        c.look.opacity = static_cast<float>(*v);
    }
    c.look.greyscale = !args.has("basemap-colour");
    if (!args.has("basemap"))
        return c;
    auto s = parseBasemapSource(args.get("basemap"), [](const std::string& p) {
        std::error_code ec;
        return std::filesystem::exists(p, ec);
    });
    if (!s)
        return badRequest("--" + s.error());
    if (const std::string notice = basemapPrivacyNotice(s.value()); !notice.empty())
        std::cerr << "streetweek " << command << ": " << notice << "\n";
    c.source = std::move(s.value());
    return c;
}

} // namespace sw::cli
