// Subcommand dispatch for the one `streetweek` executable.
#include "cli/cli_args.hpp"
#include "cli/commands.hpp"

#include <cstring>
#include <exception>
#include <iostream>

namespace sw::cli {
namespace {

const char* kUsage =
    "streetweek: hotspot mapping and street-week planning for community safety partnerships\n\n"
    "usage: streetweek [COMMAND] [options]\n\n"
    "commands:\n"
    "  gui      the map (default; with no arguments it opens the bundled synthetic sample)\n"
    "  info     what was loaded and rejected from wards and incident files\n"
    "  wards    ward profile: counts per layer, rate per 1,000, rank, change -> .csv/.gpkg/.shp\n"
    "  kde      kernel density of chosen incidents -> Float32 GeoTIFF\n"
    "  hotspots hotspot areas (KDE above a threshold) with PAI and wards -> .gpkg/.shp/.geojson\n"
    "  gistar   Getis-Ord Gi* hot and cold spots with FDR correction -> .gpkg/.shp/.geojson\n"
    "  emerging emerging hot spots over months (new, intensifying, persistent, ...) -> "
    ".gpkg/.shp/.geojson\n"
    "  sample   write the synthetic sample (or a large one for benchmarks)\n\n"
    "Run 'streetweek COMMAND --help' for a command's options.\n";

} // namespace

int runCli(int argc, char** argv) {
    try {
        if (argc < 2) {
            char* args[] = {argv[0], const_cast<char*>("gui"), nullptr};
            return runGuiCommand(2, args);
        }
        const std::string cmd = argv[1];
        if (cmd == "--help" || cmd == "-h" || cmd == "help") {
            std::cout << kUsage;
            return kExitOk;
        }
        if (cmd == "--version") {
            std::cout << "streetweek 0.1.0\n";
            return kExitOk;
        }
        if (cmd == "gui")
            return runGuiCommand(argc, argv);
        if (cmd == "info")
            return runInfo(argc, argv);
        if (cmd == "wards")
            return runWards(argc, argv);
        if (cmd == "sample")
            return runSample(argc, argv);
        if (cmd == "kde")
            return runKde(argc, argv);
        if (cmd == "hotspots")
            return runHotspots(argc, argv);
        if (cmd == "gistar")
            return runGiStar(argc, argv);
        if (cmd == "emerging")
            return runEmerging(argc, argv);
        std::cerr << "streetweek: unknown command '" << cmd << "'\n\n" << kUsage;
        return kExitUsage;
    } catch (const std::bad_alloc&) {
        std::cerr << "streetweek: out of memory\n";
        return kExitFailure;
    } catch (const std::exception& e) {
        std::cerr << "streetweek: " << e.what() << "\n";
        return kExitFailure;
    }
}

} // namespace sw::cli
