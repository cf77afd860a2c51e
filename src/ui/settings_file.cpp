// Settings file.
#include "ui/settings_file.hpp"

#include "core/atomic_file.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

namespace sw::ui {
namespace fs = std::filesystem;

std::string settingsDir() {
    std::string base;
    if (const char* x = std::getenv("XDG_CONFIG_HOME"); x && *x)
        base = x;
    else if (const char* h = std::getenv("HOME"); h && *h)
        base = std::string(h) + "/.config";
    else
        return {};
    const fs::path dir = fs::path(base) / "streetweek";
    std::error_code ec;
    fs::create_directories(dir, ec);
    return ec ? std::string() : dir.string();
}

namespace {

std::string hex(Rgba c) {
    char b[8];
    std::snprintf(b, sizeof b, "#%02x%02x%02x", c.r, c.g, c.b);
    return b;
}

} // namespace

void loadSettings(const std::string& path, MapUiState& ui, Session& session,
                  std::vector<LayerDrawStyle>& styles, std::vector<std::string>* recent) {
    std::ifstream in(path);
    if (!in)
        return;
    std::map<std::string, std::string> kv;
    std::vector<LayerRule> rules; // the user's layer rules, when saved
    for (std::string line; std::getline(in, line);) {
        const auto eq = line.find('=');
        if (eq == std::string::npos || line.empty() || line[0] == '#')
            continue;
        if (recent && line.compare(0, eq, "recent") == 0) {
            recent->push_back(line.substr(eq + 1));
        } else if (line.compare(0, eq, "rule") == 0) {
            // A rule that no longer parses is left out; the others still load.
            if (auto r = parseLayerRule(line.substr(eq + 1)); r && rules.size() < 32)
                rules.push_back(std::move(r.value()));
        } else
            kv[line.substr(0, eq)] = line.substr(eq + 1);
    }
    auto num = [&](const char* k, double fallback) {
        const auto it = kv.find(k);
        if (it == kv.end())
            return fallback;
        char* end = nullptr;
        const double v = std::strtod(it->second.c_str(), &end);
        return end && *end == 0 && std::isfinite(v) ? v : fallback;
    };
    ui.kde.radius_m = std::max(1.0, num("radius_m", ui.kde.radius_m));
    ui.kde.cell_size_m = std::max(0.0, num("cell_m", ui.kde.cell_size_m));
    if (auto k = parseKernel(kv["kernel"]))
        ui.kde.kernel = *k;
    ui.kde.units = kv["units"] == "raw" ? DensityUnits::Raw : DensityUnits::Density;
    if (auto t = parseThreshold(kv["threshold"]))
        ui.threshold = t.value();
    if (auto r = parseRamp(kv["density_ramp"]))
        ui.density.ramp = *r;
    ui.density.opacity = static_cast<float>(num("density_opacity", ui.density.opacity));
    ui.basemap.opacity =
        std::clamp(static_cast<float>(num("basemap_opacity", ui.basemap.opacity)), 0.1f, 1.0f);
    ui.basemap.greyscale = num("basemap_greyscale", ui.basemap.greyscale) != 0;
    ui.floor_fraction = static_cast<float>(num("density_floor", ui.floor_fraction));
    ui.density.visible = num("density_visible", ui.density.visible) != 0;
    ui.hotspots_visible = num("hotspots_visible", ui.hotspots_visible) != 0;
    ui.points_visible = num("points_visible", ui.points_visible) != 0;
    ui.show_outside = num("show_outside", ui.show_outside) != 0;
    ui.point_budget = static_cast<int>(num("point_budget", ui.point_budget));
    ui.gistar_visible = num("gistar", ui.gistar_visible) != 0;
    ui.gistar.cell_size_m = std::max(0.0, num("gistar_cell_m", ui.gistar.cell_size_m));
    ui.gistar.distance_m = std::max(0.0, num("gistar_distance_m", ui.gistar.distance_m));
    ui.gistar.fdr = num("gistar_fdr", ui.gistar.fdr) != 0;
    ui.choropleth.on = num("choropleth", ui.choropleth.on) != 0;
    ui.choropleth.stat =
        static_cast<WardStat>(std::clamp<int>(static_cast<int>(num("choropleth_stat", 0)), 0, 4));
    ui.choropleth.classes =
        std::clamp<int>(static_cast<int>(num("choropleth_classes", ui.choropleth.classes)), 3, 7);
    ui.choropleth.method = kv["choropleth_breaks"] == "quantiles" ? BreakMethod::Quantiles
                                                                  : BreakMethod::NaturalBreaks;
    if (auto r = parseRamp(kv["choropleth_ramp"]))
        ui.choropleth.ramp = *r;
    if (!rules.empty())
        session.layers() = std::move(rules);
    const float size = static_cast<float>(num("point_size", 4));
    const float opacity = static_cast<float>(num("point_opacity", 0.85));
    for (auto& l : session.layers()) {
        // Each layer's point style (older files: one size and opacity for all).
        l.point_size_px = std::clamp(
            static_cast<float>(num(("layer." + l.key + ".size").c_str(), size)), 1.0f, 12.0f);
        l.point_opacity = std::clamp(
            static_cast<float>(num(("layer." + l.key + ".opacity").c_str(), opacity)), 0.1f, 1.0f);
        if (kv.count("layer." + l.key + ".visible"))
            l.visible = kv["layer." + l.key + ".visible"] == "1";
        const std::string c = kv["layer." + l.key + ".colour"];
        unsigned r = 0, g = 0, b = 0;
        if (c.size() == 7 && std::sscanf(c.c_str(), "#%2x%2x%2x", &r, &g, &b) == 3)
            l.colour = {static_cast<std::uint8_t>(r), static_cast<std::uint8_t>(g),
                        static_cast<std::uint8_t>(b), 255};
    }
    styles.resize(session.layers().size());
    for (std::size_t i = 0; i < styles.size(); ++i) {
        styles[i].size_px = session.layers()[i].point_size_px;
        styles[i].opacity = session.layers()[i].point_opacity;
    }
}

bool saveSettings(const std::string& path, const MapUiState& ui, const Session& session,
                  const std::vector<std::string>* recent) {
    std::ostringstream o;
    o << "# streetweek map settings (written on exit)\n";
    o << "radius_m=" << ui.kde.radius_m << "\ncell_m=" << ui.kde.cell_size_m
      << "\nkernel=" << kernelName(ui.kde.kernel)
      << "\nunits=" << (ui.kde.units == DensityUnits::Raw ? "raw" : "density") << "\nthreshold="
      << (ui.threshold.mode == HotspotThreshold::Mode::TopPercent   ? "top:"
          : ui.threshold.mode == HotspotThreshold::Mode::MeanPlusSd ? "sd:"
                                                                    : "value:")
      << ui.threshold.amount << "\ndensity_ramp=" << rampName(ui.density.ramp)
      << "\ndensity_opacity=" << ui.density.opacity << "\ndensity_floor=" << ui.floor_fraction
      << "\nbasemap_opacity=" << ui.basemap.opacity
      << "\nbasemap_greyscale=" << ui.basemap.greyscale
      << "\ndensity_visible=" << ui.density.visible << "\nhotspots_visible=" << ui.hotspots_visible
      << "\npoints_visible=" << ui.points_visible << "\nshow_outside=" << ui.show_outside
      << "\npoint_budget=" << ui.point_budget << "\ngistar=" << ui.gistar_visible
      << "\ngistar_cell_m=" << ui.gistar.cell_size_m
      << "\ngistar_distance_m=" << ui.gistar.distance_m << "\ngistar_fdr=" << ui.gistar.fdr
      << "\nchoropleth=" << ui.choropleth.on
      << "\nchoropleth_stat=" << static_cast<int>(ui.choropleth.stat)
      << "\nchoropleth_classes=" << ui.choropleth.classes << "\nchoropleth_breaks="
      << (ui.choropleth.method == BreakMethod::Quantiles ? "quantiles" : "jenks")
      << "\nchoropleth_ramp=" << rampName(ui.choropleth.ramp) << "\n";
    for (const auto& l : session.layers())
        o << "rule=" << formatLayerRule(l) << "\n";
    for (const auto& l : session.layers())
        o << "layer." << l.key << ".visible=" << (l.visible ? 1 : 0) << "\nlayer." << l.key
          << ".colour=" << hex(l.colour) << "\nlayer." << l.key << ".size=" << l.point_size_px
          << "\nlayer." << l.key << ".opacity=" << l.point_opacity << "\n";
    if (recent)
        for (const auto& r : *recent)
            if (r.find('\n') == std::string::npos)
                o << "recent=" << r << "\n";
    return writeFileAtomically(path, o.str()).ok(); // a crash never leaves half a file
}

} // namespace sw::ui
