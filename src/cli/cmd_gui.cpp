// `streetweek gui` (and no arguments): the map's options, on the given data or the bundled
// sample; main() opens the window with them.
#include "cli/analysis_options.hpp"
#include "cli/basemap_options.hpp"
#include "cli/commands.hpp"
#include "cli/load_options.hpp"
#include "core/colour_ramps.hpp"
#include "io/plan_file.hpp"
#include "session/bundled_sample.hpp"
#include "session/harm_weights_file.hpp"
#include "session/plan_context.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>

namespace sw::cli {

namespace {

std::vector<OptionSpec> guiOptionSpecs() {
    auto specs = loadOptionSpecs(false);
    specs.push_back({"layer", "NAME", "show this layer (default: the standard layers)", true});
    specs.push_back({"layer-rule", "RULE",
                     "add and show a layer: 'Name: types=A|B; terms=knife; colour=#rrggbb'", true});
    specs.push_back(
        {"layers", "FILE", "layer rules, one per line in the --layer-rule form", false});
    specs.push_back({"screenshot", "PNG", "render offscreen, save the map as PNG and exit", false});
    specs.push_back({"frames", "N", "frames to render before the screenshot (default 3)", false});
    specs.push_back({"size", "WxH", "window or screenshot size (default 1280x800)", false});
    specs.push_back({"save-image", "PNG",
                     "open the window, save the map image as File > Save map image does, exit",
                     false});
    specs.push_back(
        {"image-size", "WxH", "with --save-image: the image size (default: window)", false});
    specs.push_back({"from", "YYYY-MM", "first month shown (default: the data's first)", false});
    specs.push_back({"to", "YYYY-MM", "last month shown (default: the data's last)", false});
    specs.push_back({"no-density", "", "start with the density surface off", false});
    specs.push_back({"no-hotspots", "", "start with the hotspot outlines off", false});
    specs.push_back({"no-points", "", "start with the incident points hidden", false});
    specs.push_back({"gistar", "", "show Gi* hot and cold spots (90/95/99%, FDR)", false});
    specs.push_back(
        {"context", "FILE", "add a context layer: any vector file (CCTV, schools, roads)", true});
    specs.push_back({"ramp", "NAME", "density ramp: YlOrRd (default), viridis, magma", false});
    specs.push_back({"radius", "M", "KDE radius in metres (default 250)", false});
    specs.push_back(
        {"cell", "M", "KDE cell size (default: study area's shorter side / 150)", false});
    specs.push_back(
        {"choropleth", "STAT", "colour wards by count, rate, change or change_pct", false});
    specs.push_back(
        {"breaks", "METHOD", "choropleth classes: jenks (default) or quantiles", false});
    specs.push_back({"view", "X0,Y0,X1,Y1", "show this box (working-CRS metres)", false});
    specs.push_back({"hide-panels", "", "map only: title, legend, scale bar, attribution", false});
    specs.push_back({"help-panel", "", "open the help panel", false});
    specs.push_back({"data-panel", "", "open the Data panel (file browser)", false});
    specs.push_back({"save-panel", "", "open the Save map image panel", false});
    specs.push_back({"export-panel", "", "open the Export partner pack panel", false});
    specs.push_back({"report-panel", "", "open the Board report panel", false});
    specs.push_back({"edit-layer", "NAME", "open the layer rule editor on this layer", false});
    specs.push_back({"weights", "FILE",
                     "harm weights: a CSV of crime type,weight ('*,W' for every type not listed)",
                     false});
    specs.push_back({"plan", "FILE",
                     "open this plan (a GeoPackage, or \"PG:dbname=... host=...\" in the office's "
                     "PostGIS), or create it at the first save; its data "
                     "files load when no --wards/--incidents are given",
                     false});
    specs.push_back(
        {"frame-stats", "", "with --screenshot: print the frame times (benchmarks)", false});
    for (auto& b : basemapOptionSpecs())
        specs.push_back(std::move(b));
    return specs;
}

// --plan: the plan's recorded data files when none are given, its period and layers.
std::optional<int> applyPlan(const Args& args, GuiOptions& o) {
    o.plan_path = args.get("plan");
    if (o.plan_path.empty() || !io::planExists(o.plan_path))
        return std::nullopt;
    auto plan = io::readPlan(o.plan_path);
    if (!plan)
        return fail("gui", plan.error(), kExitFailure);
    for (const auto& w : plan.value().load_warnings)
        std::cerr << "streetweek gui: " << w << "\n";
    if (args.has("wards") || args.has("incidents") || plan.value().sources.empty())
        return std::nullopt;
    std::vector<std::string> notes;
    auto req = requestFromPlan(plan.value(), LoadRequest{}, &notes);
    if (!req && !o.screenshot.empty())
        return fail("gui", req.error(), kExitUsage);
    if (!req) { // the map opens on the Data panel to find the moved files
        o.request = LoadRequest{};
        o.show_data = true;
        o.startup_error = req.error() + " (choose the files in the Data panel, then save the plan)";
        return std::nullopt;
    }
    for (const auto& n : notes)
        std::cerr << "streetweek gui: " << n << "\n";
    req.value().threads = o.request.threads;
    o.request = std::move(req.value());
    if (auto sel = selectionFromPlan(plan.value())) {
        if (!args.has("from"))
            o.from = sel.value().from;
        if (!args.has("to"))
            o.to = sel.value().to;
        if (!args.has("weights"))
            o.harm = sel.value().harm;
        // The plan's layers shown (its rules replacing the standard ones of the same name);
        // the other standard layers stay in the Layers panel, hidden.
        if (!args.has("layer") && !args.has("layer-rule") && !args.has("layers") &&
            !sel.value().layers.empty()) {
            o.layer_rules = defaultLayers();
            o.visible_layers.clear();
            for (const auto& l : sel.value().layers) {
                auto same = std::find_if(o.layer_rules.begin(), o.layer_rules.end(),
                                         [&](const LayerRule& r) { return r.name == l.name; });
                if (same != o.layer_rules.end())
                    *same = l;
                else
                    o.layer_rules.push_back(l);
                o.visible_layers.push_back(l.name);
            }
        }
    }
    return std::nullopt;
}

} // namespace

std::variant<int, GuiOptions> parseGuiCommand(int argc, char** argv) {
    const auto specs = guiOptionSpecs();
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
    o.edit_layer = args.get("edit-layer");
    if (args.has("weights")) {
        auto harm = readHarmWeights(args.get("weights"));
        if (!harm)
            return fail("gui", harm.error(), kExitUsage);
        o.harm = std::move(harm.value());
    }
    if (args.has("layer-rule") || args.has("layers")) {
        std::vector<LayerRule> layers = defaultLayers();
        auto shown = selectLayers(args, layers);
        if (!shown)
            return fail("gui", shown.error(), kExitUsage);
        o.layer_rules = std::move(layers);
        o.visible_layers.clear();
        for (const auto& l : shown.value())
            o.visible_layers.push_back(l.name);
    }
    o.screenshot = args.get("screenshot");
    if (args.has("frames")) {
        const auto n = parseInteger(args.get("frames"));
        if (!n || *n < 1 || *n > 10000)
            return fail("gui", "--frames must be from 1 to 10000", kExitUsage);
        o.frames = static_cast<int>(*n);
    }
    auto parseSize = [&args](const char* key, int& w, int& h) {
        if (!args.has(key))
            return true;
        char extra = 0;
        return std::sscanf(args.get(key).c_str(), "%dx%d%c", &w, &h, &extra) == 2 && w >= 64 &&
               h >= 64 && w <= 16384 && h <= 16384;
    };
    if (!parseSize("size", o.width, o.height))
        return fail("gui", "--size must be WIDTHxHEIGHT, e.g. 1600x900", kExitUsage);
    if (!parseSize("image-size", o.image_width, o.image_height))
        return fail("gui", "--image-size must be WIDTHxHEIGHT, e.g. 3508x2480", kExitUsage);
    o.save_image = args.get("save-image");
    if (!o.save_image.empty() && !o.screenshot.empty())
        return fail("gui", "give --screenshot or --save-image, not both", kExitUsage);
    for (const char* key : {"from", "to"}) {
        if (!args.has(key))
            continue;
        const auto m = parseMonth(args.get(key));
        if (!m)
            return fail("gui", std::string("--") + key + " must be YYYY-MM", kExitUsage);
        (std::string(key) == "from" ? o.from : o.to) = *m;
    }
    o.density = !args.has("no-density");
    o.hotspots = !args.has("no-hotspots");
    o.points = !args.has("no-points");
    o.gistar = args.has("gistar");
    o.context_paths = args.all("context");
    o.hide_panels = args.has("hide-panels");
    o.show_help = args.has("help-panel");
    o.show_data = args.has("data-panel");
    o.show_save = args.has("save-panel");
    o.show_export = args.has("export-panel");
    o.show_report = args.has("report-panel");
    o.frame_stats = args.has("frame-stats");
    o.ramp = args.get("ramp");
    if (!o.ramp.empty() && !parseRamp(o.ramp))
        return fail("gui", "--ramp must be YlOrRd, viridis or magma", kExitUsage);
    for (const char* key : {"radius", "cell"}) {
        if (!args.has(key))
            continue;
        const auto v = parseDouble(args.get(key));
        if (!v || !(*v > 0))
            return fail("gui", std::string("--") + key + " must be a positive number of metres",
                        kExitUsage);
        (std::string(key) == "radius" ? o.radius_m : o.cell_m) = *v;
    }
    o.choropleth = args.get("choropleth");
    if (!o.choropleth.empty() && o.choropleth != "count" && o.choropleth != "rate" &&
        o.choropleth != "change" && o.choropleth != "change_pct")
        return fail("gui", "--choropleth must be count, rate, change or change_pct", kExitUsage);
    o.breaks = args.get("breaks");
    if (!o.breaks.empty() && o.breaks != "jenks" && o.breaks != "quantiles")
        return fail("gui", "--breaks must be jenks or quantiles", kExitUsage);
    if (args.has("view")) {
        auto b = parseExtent(args.get("view"));
        if (!b)
            return fail("gui", "--view: " + b.error(), kExitUsage);
        o.view = b.value();
    }
    auto basemap = basemapOptions(args, "gui");
    if (!basemap)
        return fail("gui", basemap.error(), kExitUsage);
    o.basemap = std::move(basemap.value());
    o.basemap_look = args.has("basemap-opacity") || args.has("basemap-colour");
    if (auto code = applyPlan(args, o))
        return *code;
    return o;
}

} // namespace sw::cli
