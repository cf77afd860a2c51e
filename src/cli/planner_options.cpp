// The planner's options (suggest, backtest).
#include "cli/planner_options.hpp"

#include <cmath>

namespace sw::cli {
namespace {

// A preset's shape, radius and gap (what the options not given default to).
struct Preset {
    std::string shape = "circle";
    double radius_m = 300, min_gap_m = 0;
};

std::optional<Preset> presetNamed(const std::string& name) {
    if (name.empty())
        return Preset{};
    if (name == "savvy") // Op Savvy: 150 m radius; centres at least 500 m apart
        return Preset{"circle", 150, 200};
    if (name == "college") // equal small places ranked (College of Policing)
        return Preset{"hexagon", 150, 0};
    return std::nullopt;
}

} // namespace

std::vector<OptionSpec> plannerOptionSpecs(const std::string& weeks_help) {
    return {
        {"weeks", "K", weeks_help},
        {"radius", "M", "radius of each area, metres (default 300: walkable in a week)"},
        {"preset", "NAME",
         "the field's rules: savvy (Op Savvy: circles of 150 m, centres at least 500 m apart) or "
         "college (College of Policing: equal hexagons of 150 m ranked by harm; give --weights); "
         "options given override it"},
        {"shape", "KIND",
         "circle (default), hexagon (equal hexagons of --radius centre to corner, ranked) or "
         "hotspot (hotspot polygons of the density, capped at --max-area)"},
        {"min-per-site", "N",
         "an area must capture at least N weighted incidents in the period (default 0)"},
        {"max-area", "KM2", "with --shape hotspot: the largest area (default 0.5)"},
        {"min-gap", "M", "least distance between two areas, metres (default 0)"},
        {"step", "M", "spacing of candidate centres (default: radius / 3)"},
        {"time-limit", "S", "seconds for the exact search (default 1)"},
    };
}

std::optional<std::string> readPlannerRequest(const Args& args, SuggestRequest& req,
                                              std::size_t default_weeks) {
    if (!args.has("weeks") && default_weeks == 0)
        return "--weeks is required";
    const auto preset = presetNamed(args.get("preset"));
    if (!preset)
        return "--preset must be college or savvy";
    const auto weeks = numberOption(args, "weeks", static_cast<double>(default_weeks));
    const auto radius = numberOption(args, "radius", preset->radius_m),
               gap = numberOption(args, "min-gap", preset->min_gap_m),
               step = numberOption(args, "step", 0), limit = numberOption(args, "time-limit", 1),
               max_area = numberOption(args, "max-area", 0.5),
               minimum = numberOption(args, "min-per-site", 0);
    if (!weeks || !radius || !gap || !step || !limit || !max_area || !minimum || *limit <= 0 ||
        *limit > 600 || *weeks < 0 || *weeks != std::floor(*weeks))
        return "--weeks, --radius, --min-gap, --step, --max-area, --min-per-site and "
               "--time-limit take numbers (weeks a whole number, time limit 0 to 600 s)";
    const std::string shape = args.get("shape", preset->shape);
    if (shape != "circle" && shape != "hotspot" && shape != "hexagon")
        return "--shape must be circle, hexagon or hotspot";
    req.shape = shape == "circle"    ? SuggestShape::Circle
                : shape == "hexagon" ? SuggestShape::Hexagon
                                     : SuggestShape::HotspotPolygon;
    req.min_per_site = *minimum;
    req.weeks = static_cast<std::size_t>(*weeks);
    req.radius_m = *radius;
    req.max_area_km2 = *max_area;
    req.min_gap_m = *gap;
    req.step_m = *step;
    req.time_limit_s = *limit;
    return std::nullopt;
}

} // namespace sw::cli
