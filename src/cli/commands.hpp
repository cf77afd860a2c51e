// Subcommand entry points: each parses its own options and returns the exit code; `gui`
// returns the map's options instead, which main() hands to the app.
#pragma once

#include "core/basemap_source.hpp"
#include "core/geometry.hpp"
#include "core/harm_weights.hpp"
#include "core/layer_rules.hpp"
#include "core/month.hpp"
#include "session/data_loader.hpp"

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace sw::cli {

// What `streetweek gui` hands to the app (src/app/gui_app.hpp runs it).
struct GuiOptions {
    LoadRequest request;
    std::vector<std::string> visible_layers; // empty: the defaults
    std::vector<LayerRule> layer_rules;      // --layer-rule/--layers (empty: saved or defaults)
    std::string screenshot;                  // render offscreen, save PNG and exit
    int frames = 3;
    int width = 1280, height = 800;
    // Initial map state (screenshot tests and scripted board images set what they need).
    MonthIndex from = kNoMonth, to = kNoMonth;
    bool density = true, hotspots = true, points = true, hide_panels = false, show_help = false,
         show_data = false, show_save = false, show_export = false, show_report = false;
    std::string ramp;       // density ramp name (default YlOrRd)
    double radius_m = 0;    // 0: not given (the saved or default radius)
    double cell_m = 0;      // 0: not given (the saved cell size, or the suggested one)
    std::string choropleth; // ward statistic: count, rate, change, change_pct (empty: off)
    std::string breaks;     // quantiles or jenks
    std::optional<Box> view;
    std::string edit_layer;                 // open the layer rule editor on this layer
    bool frame_stats = false;               // print frame times (benchmarks)
    bool gistar = false;                    // show Gi* hot and cold spots
    std::vector<std::string> context_paths; // context layers over the map
    // Open the window, save the map image (as File > Save map image does) and exit.
    std::string save_image;
    int image_width = 0, image_height = 0; // 0: the window's size
    std::string plan_path;                 // --plan: the plan to open (or create)
    std::string startup_error; // shown in the Load report instead of loading (moved data)
    BasemapChoice basemap;     // --basemap: shown from the start
    bool basemap_look = false; // --basemap-opacity or --basemap-colour given (else the saved)
    HarmWeights harm;          // --weights, or the opened plan's harm weights
};

// Runs the subcommand named by argv[1] and returns its exit code, or returns the map's options
// when the command is `gui` (or there is none: the map on the bundled sample), for main() to
// open the window; nothing here calls into the app.
std::variant<int, GuiOptions> runCli(int argc, char** argv);
int runInfo(int argc, char** argv);
int runWards(int argc, char** argv);
int runSample(int argc, char** argv);
int runKde(int argc, char** argv);
int runHotspots(int argc, char** argv);
int runGiStar(int argc, char** argv);
int runEmerging(int argc, char** argv);
int runCut(int argc, char** argv);
int runSuggest(int argc, char** argv);
int runPlan(int argc, char** argv);
int runEvaluate(int argc, char** argv);
int runBacktest(int argc, char** argv);
int runAfter(int argc, char** argv);
int runExport(int argc, char** argv);
int runReport(int argc, char** argv);
// `gui`: its options, or the exit code (help, usage error).
std::variant<int, GuiOptions> parseGuiCommand(int argc, char** argv);

} // namespace sw::cli
