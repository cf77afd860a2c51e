// `streetweek suggest`: K areas for the next K street weeks, written as a plan GeoPackage.
#include "cli/analysis_options.hpp"
#include "cli/area_report.hpp"
#include "cli/commands.hpp"
#include "cli/data_command.hpp"
#include "cli/load_options.hpp"
#include "cli/planner_options.hpp"
#include "core/text.hpp"
#include "io/plan_file.hpp"
#include "session/plan_context.hpp"
#include "session/street_week_suggest.hpp"

#include <cstdio>
#include <iostream>

namespace sw::cli {
namespace {

void printChoice(const SuggestResult& r) {
    const AreaChoice& c = r.choice;
    const double pct = r.total_weight > 0 ? 100 * c.value / r.total_weight : 0;
    std::printf("Together: %s of %s weighted incidents in the study area (%.1f%%)\n",
                countText(c.value).c_str(), countText(r.total_weight).c_str(), pct);
    const double gain = c.greedy_value > 0 ? 100 * (c.value - c.greedy_value) / c.greedy_value : 0;
    std::printf("Greedy choice (best first, then the best that keeps the gap): %s (plan %+.1f%%)\n",
                countText(c.greedy_value).c_str(), gain);
    if (!r.method.empty())
        std::printf("Candidates: %s\n", r.method.c_str());
    std::printf("%s\n", proofText(r).c_str());
    if (r.blocked)
        std::printf("%s candidates were too close to the planned areas\n",
                    withThousands(static_cast<long long>(r.blocked)).c_str());
    std::printf("The best candidates considered (weighted incidents each captures alone):\n");
    for (std::size_t i = 0; i < r.ranked.size(); ++i)
        std::printf("  %2zu. %s at E %.0f N %.0f%s\n", i + 1, countText(r.ranked[i].value).c_str(),
                    r.ranked[i].centre.x(), r.ranked[i].centre.y(),
                    r.ranked[i].chosen ? "  (chosen)" : "");
}

// The suggestion's own options beyond the planner's; an error message when one is out of range.
std::optional<std::string> readRequest(const Args& args, SuggestRequest& req) {
    if (auto err = readPlannerRequest(args, req))
        return err;
    const auto revisit = numberOption(args, "revisit-months", 6);
    if (!revisit)
        return "--revisit-months takes a number";
    req.revisit_months = static_cast<int>(*revisit);
    return std::nullopt;
}

} // namespace

int runSuggest(int argc, char** argv) {
    auto options = selectionOptionSpecs();
    for (auto& o : plannerOptionSpecs("how many areas (street weeks) to suggest (required)"))
        options.push_back(std::move(o));
    options.push_back(
        {"exclude", "PLAN", "a plan whose areas (and excluded zones) new areas keep clear of"});
    options.push_back({"keep", "PLAN",
                       "a plan whose approved, locked and done areas and excluded zones the new "
                       "plan keeps, adding K more clear of them (its other proposals are left "
                       "out, and listed)"});
    options.push_back({"revisit-months", "N",
                       "a done area more than N months before the period's end may be visited "
                       "again (default 6)"});
    auto parsed = parseDataCommand(
        {"suggest",
         "Suggest K street-week areas: circles of a walkable radius (or hotspot polygons capped "
         "at an\n"
         "area) that together capture the most\n"
         "weighted incidents of the period in the study area, at least --min-gap apart and "
         "clear of\n"
         "the areas of --exclude. The choice is exact on the candidates (branch and "
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
    if (auto err = readRequest(cmd.args, req))
        return fail("suggest", *err, kExitUsage);
    if (cmd.args.has("exclude")) {
        auto other = io::readPlan(cmd.args.get("exclude"));
        if (!other)
            return fail("suggest", other.error(), kExitFailure);
        printNotes(other.value().load_warnings);
        req.planned = other.value().areas;
    }
    std::vector<TargetArea> kept;
    std::vector<std::string> agencies = Plan{}.agencies;
    if (cmd.args.has("keep")) {
        auto old = io::readPlan(cmd.args.get("keep"));
        if (!old)
            return fail("suggest", old.error(), kExitFailure);
        printNotes(old.value().load_warnings);
        agencies = old.value().agencies;
        std::string left_out;
        for (const auto& a : old.value().areas) {
            req.ids_in_use.push_back(a.id);
            if (a.status != AreaStatus::Proposed || a.locked || a.excluded)
                kept.push_back(a);
            else
                left_out += (left_out.empty() ? "" : ", ") + a.id + " " + a.name;
        }
        std::fprintf(stderr, "note: kept %zu areas of %s (approved, locked, done or excluded)%s\n",
                     kept.size(), cmd.args.get("keep").c_str(),
                     left_out.empty() ? ""
                                      : ("; left out its other proposals: " + left_out).c_str());
        req.planned.insert(req.planned.end(), kept.begin(), kept.end());
    }
    if (auto st = loadAndReport(session, cmd); !st)
        return fail("suggest", st.error(), kExitFailure);
    auto sel = selectionFrom(cmd.args, session);
    if (!sel)
        return fail("suggest", sel.error(), kExitUsage);
    if (auto st = requireWholeMonths(sel.value(), "suggest (a plan's period)"); !st)
        return fail("suggest", st.error(), kExitUsage);
    req.selection = sel.value();
    const std::string preset = cmd.args.get("preset");
    if (preset == "college" && req.selection.harm.empty())
        std::fprintf(stderr, "note: --preset college ranks places by harm: without --weights "
                             "they are ranked by counts\n");
    auto res = withProgress(cmd, "Suggesting areas...", [&](Progress* progress) {
        return suggestAreas(session, req, progress);
    });
    if (!res)
        return failWith("suggest", res.failure());
    const SuggestResult& r = res.value();
    printPreamble(session, r.notes);
    if (req.shape == SuggestShape::Circle)
        std::printf("Suggested %zu areas of radius %g m for %s (gap %g m)\n", r.areas.size(),
                    req.radius_m, periodText(session, req.selection).c_str(), req.min_gap_m);
    else if (req.shape == SuggestShape::Hexagon)
        std::printf("Suggested %zu hexagons of %g m centre to corner for %s (gap %g m)\n",
                    r.areas.size(), req.radius_m, periodText(session, req.selection).c_str(),
                    req.min_gap_m);
    else
        std::printf("Suggested %zu hotspot areas of at most %g km2 for %s (gap %g m)\n",
                    r.areas.size(), req.max_area_km2, periodText(session, req.selection).c_str(),
                    req.min_gap_m);
    Plan plan;
    plan.areas = kept;
    plan.agencies = agencies;
    for (const auto& a : r.areas) {
        printArea(a.area, a.stats);
        std::printf("    the choice counts %s weighted incidents in it\n",
                    countText(a.captured).c_str());
        plan.areas.push_back(a.area);
    }
    printChoice(r);
    if (r.choice.value > r.choice.greedy_value + 1e-9) {
        std::printf("Greedy would have taken:");
        for (const auto& g : r.greedy)
            std::printf(" %s (%s)", g.area.name.c_str(), countText(g.captured).c_str());
        std::printf("\n");
    }
    recordSources(plan, cmd.request, &session.report());
    recordSelection(plan, req.selection);
    if (!preset.empty())
        plan.set("suggest_preset", preset);
    plan.set("suggest_shape", req.shape == SuggestShape::Circle    ? "circle"
                              : req.shape == SuggestShape::Hexagon ? "hexagon"
                                                                   : "hotspot");
    if (req.shape != SuggestShape::HotspotPolygon)
        plan.set("suggest_radius_m", shortNumber(req.radius_m));
    else
        plan.set("suggest_max_area_km2", shortNumber(req.max_area_km2));
    plan.set("suggest_min_gap_m", shortNumber(req.min_gap_m));
    if (req.min_per_site > 0)
        plan.set("suggest_min_per_site", shortNumber(req.min_per_site));
    plan.set("suggest_weeks", std::to_string(req.weeks));
    plan.set("suggest_candidates", r.method);
    plan.set("suggest_proof", proofText(r));
    plan.set("revisit_months", std::to_string(req.revisit_months));
    if (auto st = io::writePlan(cmd.out, plan, session.data().working_crs); !st)
        return failWith("suggest", st.failure());
    std::printf("Wrote %s\n", cmd.out.c_str());
    return kExitOk;
}

} // namespace sw::cli
