// Basemap sources as the user names them, and the look of the picture.
#include "core/basemap_source.hpp"

#include "core/text.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace sw {
namespace {

bool isUrl(std::string_view s) {
    const std::string l = lower(s.substr(0, 8));
    return startsWith(l, "http://") || startsWith(l, "https://");
}

// The text without its ",key=value" options, and those options applied to `s`.
Result<std::string> takeOptions(std::string_view text, BasemapSource& s) {
    std::string rest(text);
    for (;;) {
        const auto comma = rest.rfind(',');
        if (comma == std::string::npos)
            break;
        const std::string_view opt = trim(std::string_view(rest).substr(comma + 1));
        const auto eq = opt.find('=');
        const std::string key = eq == std::string_view::npos ? "" : lower(trim(opt.substr(0, eq)));
        const std::string_view value = eq == std::string_view::npos ? "" : trim(opt.substr(eq + 1));
        if (key == "attribution") {
            s.attribution = std::string(value);
        } else if (key == "maxzoom") {
            int z = -1;
            const auto r = std::from_chars(value.data(), value.data() + value.size(), z);
            if (r.ec != std::errc() || r.ptr != value.data() + value.size() || z < 0 || z > 24)
                return badRequest("basemap: maxzoom must be a whole number from 0 to 24, not '" +
                                  std::string(value) + "'");
            s.max_zoom = z;
        } else {
            break; // a comma that belongs to the location (a WMTS layer=, a file name)
        }
        rest.erase(comma);
    }
    return std::string(trim(rest));
}

std::string hostOf(std::string_view url) {
    const auto start = url.find("://");
    if (start == std::string_view::npos)
        return std::string(url);
    url.remove_prefix(start + 3);
    return std::string(url.substr(0, url.find('/')));
}

std::string fileNameOf(std::string_view path) {
    const auto slash = path.find_last_of('/');
    return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

} // namespace

BasemapSource openStreetMapSource() {
    BasemapSource s;
    s.kind = BasemapKind::Xyz;
    s.location = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
    s.name = "OpenStreetMap";
    s.attribution = "(c) OpenStreetMap contributors";
    s.online = true;
    s.max_zoom = 19;
    return s;
}

Result<BasemapSource> parseBasemapSource(std::string_view text,
                                         bool (*exists)(const std::string&)) {
    BasemapSource s;
    auto located = takeOptions(trim(text), s);
    if (!located)
        return located.failure();
    const std::string& where = located.value();
    if (where.empty())
        return badRequest("basemap: no source given (osm, a tile URL with {z}/{x}/{y}, a WMTS "
                          "URL or a raster file)");
    if (equalsIgnoreCase(where, "osm") || equalsIgnoreCase(where, "openstreetmap")) {
        BasemapSource osm = openStreetMapSource();
        if (!s.attribution.empty())
            osm.attribution = s.attribution;
        return osm;
    }
    const std::string l = lower(where);
    if (startsWith(l, "wmts:") ||
        (isUrl(where) &&
         endsWithIgnoreCase(where.substr(0, where.find('?')), "capabilities.xml"))) {
        s.kind = BasemapKind::Wmts;
        s.location = startsWith(l, "wmts:") ? where : "WMTS:" + where;
        s.online = isUrl(std::string_view(s.location).substr(5));
        s.name = "WMTS " + hostOf(std::string_view(s.location).substr(5));
    } else if (isUrl(where)) {
        const bool has_y =
            where.find("{y}") != std::string::npos || where.find("{-y}") != std::string::npos;
        if (where.find("{z}") == std::string::npos || where.find("{x}") == std::string::npos ||
            !has_y)
            return badRequest("basemap: the tile URL '" + where +
                              "' needs {z}, {x} and {y} (or {-y}) in it");
        s.kind = BasemapKind::Xyz;
        s.location = where;
        s.online = true;
        s.name = "Tiles from " + hostOf(where);
    } else {
        if (exists && !exists(where))
            return badRequest("basemap: " + where + ": no such file");
        s.kind = BasemapKind::File;
        s.location = where;
        s.name = fileNameOf(where);
    }
    return s;
}

std::string basemapHost(const BasemapSource& s) {
    if (s.kind == BasemapKind::File)
        return s.location;
    return hostOf(s.kind == BasemapKind::Wmts ? std::string_view(s.location).substr(5)
                                              : std::string_view(s.location));
}

std::string basemapPrivacyNotice(const BasemapSource& s) {
    if (!s.online)
        return {};
    const std::string host = basemapHost(s);
    return "Basemap " + s.name + ": the area in view is sent to " + host +
           " to fetch its tiles (cached on this computer).";
}

BasemapImage lookedAt(const BasemapImage& image, const BasemapLook& look) {
    BasemapImage out = image;
    const float opacity = std::clamp(look.opacity, 0.0f, 1.0f);
    for (std::size_t i = 0; i + 3 < out.rgba.size(); i += 4) {
        std::uint8_t* p = &out.rgba[i];
        if (look.greyscale) {
            const double y = 0.2126 * p[0] + 0.7152 * p[1] + 0.0722 * p[2];
            p[0] = p[1] = p[2] = static_cast<std::uint8_t>(std::lround(std::min(255.0, y)));
        }
        p[3] = static_cast<std::uint8_t>(std::lround(p[3] * opacity));
    }
    return out;
}

} // namespace sw
