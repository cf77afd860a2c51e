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
    "  gui      the map (default; with no arguments it opens the bundled sample)\n"
    "  info     what was loaded and rejected from wards and incident files\n"
    "  wards    ward profile: counts per layer, rate per 1,000, rank, change -> .csv/.gpkg/.shp\n"
    "  kde      kernel density of chosen incidents -> Float32 GeoTIFF\n"
    "  hotspots hotspot areas (KDE above a threshold) with PAI and wards -> .gpkg/.shp/.geojson\n"
    "  gistar   Getis-Ord Gi* hot and cold spots with FDR correction -> .gpkg/.shp/.geojson\n"
    "  emerging emerging hot spots over months (new, intensifying, persistent, ...) -> "
    ".gpkg/.shp/.geojson\n"
    "  suggest  K street-week areas capturing the most incidents (exact choice) -> plan .gpkg\n"
    "  plan     a plan's schedule, clashes and gaps, and each area's statistics; --set edits\n"
    "  evaluate the hold-out check of a plan (on months after it was chosen): hit rate, PAI,\n"
    "           recapture rate index, PEI*\n"
    "  backtest which method would have found next month's hotspots: the planner against\n"
    "           last period's busiest cells and random cells, month by month\n"
    "  after    the after-action check of a street week: target, buffer, control; WDD, WDQ\n"
    "  export   the partner pack: areas, hotspots, Gi*, wards in shp/gpkg/geojson/kml/csv/xlsx,\n"
    "           styled, with disclosure control, a map and a README\n"
    "  report   the board report (PDF or HTML): headline totals, top wards, crime types, trends,\n"
    "           hotspot and Gi* maps, the plan, the ward profile, method and licences\n"
    "  cut      incident files cut to the wards, line for line -> .csv/.zip\n"
    "  sample   write the synthetic sample (or a large one for benchmarks)\n\n"
    "Run 'streetweek help COMMAND' (or 'streetweek COMMAND --help') for a command's options;\n"
    "'--version' works with every command.\n";

using Entry = int (*)(int, char**);

// `gui --help` through the same table as the others.
int guiHelp(int argc, char** argv) {
    return std::get<int>(parseGuiCommand(argc, argv));
}

Entry entryFor(const std::string& cmd) {
    static const std::pair<const char*, Entry> entries[] = {
        {"gui", guiHelp},        {"info", runInfo},         {"wards", runWards},
        {"sample", runSample},   {"kde", runKde},           {"hotspots", runHotspots},
        {"gistar", runGiStar},   {"emerging", runEmerging}, {"cut", runCut},
        {"suggest", runSuggest}, {"plan", runPlan},         {"evaluate", runEvaluate},
        {"after", runAfter},     {"export", runExport},     {"report", runReport},
        {"backtest", runBacktest},
    };
    for (const auto& [name, entry] : entries)
        if (cmd == name)
            return entry;
    return nullptr;
}

} // namespace

std::variant<int, GuiOptions> runCli(int argc, char** argv) {
    try {
        if (argc < 2) {
            char* args[] = {argv[0], const_cast<char*>("gui"), nullptr};
            return parseGuiCommand(2, args);
        }
        const std::string cmd = argv[1];
        for (int i = 1; i < argc; ++i)
            if (std::strcmp(argv[i], "--version") == 0) {
                std::cout << versionText() << "\n";
                return kExitOk;
            }
        if (cmd == "help" && argc >= 3) { // streetweek help CMD = streetweek CMD --help
            if (Entry entry = entryFor(argv[2])) {
                char* args[] = {argv[0], argv[2], const_cast<char*>("--help"), nullptr};
                return entry(3, args);
            }
            std::cerr << "streetweek help: unknown command '" << argv[2] << "'\n\n" << kUsage;
            return kExitUsage;
        }
        if (cmd == "--help" || cmd == "-h" || cmd == "help") {
            std::cout << kUsage;
            return kExitOk;
        }
        if (cmd == "gui")
            return parseGuiCommand(argc, argv);
        if (Entry entry = entryFor(cmd))
            return entry(argc, argv);
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
