// Subcommand entry points: each parses its own options and returns the exit code.
#pragma once

#include "core/geometry.hpp"
#include "core/layer_rules.hpp"
#include "core/month.hpp"
#include "session/data_loader.hpp"

#include <optional>
#include <string>
#include <vector>

namespace sw::cli {

int runCli(int argc, char** argv); // dispatches on argv[1]; no subcommand: the GUI on the sample
int runInfo(int argc, char** argv);
int runWards(int argc, char** argv);
int runSample(int argc, char** argv);
int runKde(int argc, char** argv);
int runHotspots(int argc, char** argv);
int runGiStar(int argc, char** argv);
int runEmerging(int argc, char** argv);
int runGuiCommand(int argc, char** argv);

// What `streetweek gui` hands to the app (src/app implements runGui).
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
         show_data = false, show_save = false;
    std::string ramp;       // density ramp name (default YlOrRd)
    double radius_m = 0;    // 0: default
    double cell_m = -1;     // -1: default (auto)
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
};
int runGui(const GuiOptions& options);

} // namespace sw::cli
