// `streetweek suggest`: K areas for the next K street weeks, written as a plan GeoPackage.
#include "cli/analysis_options.hpp"
#include "cli/area_report.hpp"
#include "cli/commands.hpp"
#include "cli/data_command.hpp"
#include "cli/load_options.hpp"
#include "io/plan_file.hpp"
#include "session/plan_context.hpp"
#include "session/street_week_suggest.hpp"

#include <cstdio>
#include <iostream>

namespace sw::cli {
namespace {

std::optional<double> number(const Args& a, const char* key, double fallback) {
    if (!a.has(key))
        return fallback;
    return parseDouble(a.get(key));
}

void printChoice(const SuggestResult& r) {
    const AreaChoice& c = r.choice;
    const double pct = r.total_weight > 0 ? 100 * c.value / r.total_weight : 0;
    std::printf("Together: %.6g of %.6g weighted incidents in the study area (%.1f%%)\n", c.value,
                r.total_weight, pct);
    const double gain = c.greedy_value > 0 ? 100 * (c.value - c.greedy_value) / c.greedy_value : 0;
    std::printf(
        "Greedy choice (best first, then the best that keeps the gap): %.6g (plan %+.1f%%)\n",
        c.greedy_value, gain);
    if (c.proved_optimal)
        std::printf("Exact: the best choice among %zu candidate circles (%zu could beat greedy; "
                    "%llu search nodes)\n",
                    r.candidates - r.blocked, c.kept_candidates,
                    static_cast<unsigned long long>(c.nodes));
    else
        std::printf("Time limit reached: best found %.6g, no choice captures more than %.6g "
                    "(within %.1f%%)\n",
                    c.value, c.upper_bound,
                    c.upper_bound > 0 ? 100 * (c.upper_bound - c.value) / c.upper_bound : 0.0);
    if (r.blocked)
        std::printf("%zu candidate centres were too close to the planned areas\n", r.blocked);
}

} // namespace

int runSuggest(int argc, char** argv) {
    auto options = selectionOptionSpecs();
    options.push_back({"weeks", "K", "how many areas (street weeks) to suggest (required)"});
    options.push_back({"radius", "M",
                       "radius of each area, metres (default 300: walkable in a "
                       "week)"});
    options.push_back({"min-gap", "M", "least distance between two areas, metres (default 0)"});
    options.push_back({"step", "M", "spacing of candidate centres (default: radius / 3)"});
    options.push_back(
        {"exclude", "PLAN", "a plan whose areas (and excluded zones) new areas keep clear of"});
    options.push_back({"revisit-months", "N",
                       "a done area more than N months before the period's end may be visited "
                       "again (default 6)"});
    options.push_back({"time-limit", "S", "seconds for the exact search (default 1)"});
    auto parsed = parseDataCommand(
        {"suggest",
         "Suggest K street-week areas: circles of a walkable radius that together capture the "
         "most\n"
         "weighted incidents of the period in the study area, at least --min-gap apart and "
         "clear of\n"
         "the areas of --exclude. The choice is exact on the candidate circles (branch and "
         "bound,\n"
         "never below the greedy choice). Writes the areas as a plan GeoPackage.",
         options,
         true,
         true,
         {".gpkg"},
         "the plan to write"},
        argc, argv);
    if (auto* code = std::get_if<int>(&parsed))
        return *code;
    const DataCommand& cmd = std::get<DataCommand>(parsed);
    Session session;
    SuggestRequest req;
    if (!cmd.args.has("weeks"))
        return fail("suggest", "--weeks is required", kExitUsage);
    const auto weeks = parseInteger(cmd.args.get("weeks"));
    const auto radius = number(cmd.args, "radius", 300), gap = number(cmd.args, "min-gap", 0),
               step = number(cmd.args, "step", 0), limit = number(cmd.args, "time-limit", 1),
               revisit = number(cmd.args, "revisit-months", 6);
    if (!weeks || !radius || !gap || !step || !limit || !revisit || *limit <= 0 || *limit > 600)
        return fail("suggest",
                    "--weeks, --radius, --min-gap, --step, --revisit-months and --time-limit "
                    "take numbers (time limit 0 to 600 s)",
                    kExitUsage);
    req.weeks = static_cast<std::size_t>(std::max(0LL, *weeks));
    req.radius_m = *radius;
    req.min_gap_m = *gap;
    req.step_m = *step;
    req.time_limit_s = *limit;
    req.revisit_months = static_cast<int>(*revisit);
    if (cmd.args.has("exclude")) {
        auto other = io::readPlan(cmd.args.get("exclude"));
        if (!other)
            return fail("suggest", other.error(), kExitFailure);
        printNotes(other.value().load_warnings);
        req.planned = other.value().areas;
    }
    if (auto st = loadAndReport(session, cmd); !st)
        return fail("suggest", st.error(), kExitFailure);
    auto sel = selectionFrom(cmd.args, session);
    if (!sel)
        return fail("suggest", sel.error(), kExitUsage);
    req.selection = sel.value();
    auto res = withProgress(cmd, "Suggesting areas...", [&](Progress* progress) {
        return suggestAreas(session, req, progress);
    });
    if (!res)
        return failWith("suggest", res.failure());
    const SuggestResult& r = res.value();
    printPreamble(session, r.notes);
    std::printf("Suggested %zu areas of radius %g m for %s (gap %g m)\n", r.areas.size(),
                req.radius_m, periodText(session, req.selection).c_str(), req.min_gap_m);
    Plan plan;
    for (const auto& a : r.areas) {
        std::printf("captures %.6g weighted incidents:\n", a.captured);
        printArea(a.area, a.stats);
        plan.areas.push_back(a.area);
    }
    printChoice(r);
    if (r.choice.value > r.choice.greedy_value + 1e-9) {
        std::printf("Greedy would have taken:");
        for (const auto& g : r.greedy)
            std::printf(" %s (%.6g)", g.area.name.c_str(), g.captured);
        std::printf("\n");
    }
    recordSources(plan, cmd.request);
    recordSelection(plan, req.selection);
    plan.set("suggest_radius_m", cmd.args.get("radius", "300"));
    plan.set("suggest_min_gap_m", cmd.args.get("min-gap", "0"));
    plan.set("suggest_weeks", std::to_string(req.weeks));
    plan.set("revisit_months", std::to_string(req.revisit_months));
    if (auto st = io::writePlan(cmd.out, plan, session.data().working_crs); !st)
        return failWith("suggest", st.failure());
    std::printf("Wrote %s\n", cmd.out.c_str());
    return kExitOk;
}

} // namespace sw::cli
