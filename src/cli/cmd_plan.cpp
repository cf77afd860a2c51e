// `streetweek plan`: a plan's schedule (in week order, with clashes and gaps) and each area's
// statistics; `--set` edits an area's schedule fields and saves the plan.
#include "cli/analysis_options.hpp"
#include "cli/area_report.hpp"
#include "cli/commands.hpp"
#include "cli/data_command.hpp"
#include "cli/load_options.hpp"
#include "cli/plan_input.hpp"
#include "core/text.hpp"
#include "io/plan_file.hpp"
#include "session/area_statistics.hpp"

#include <cstdio>
#include <iostream>

namespace sw::cli {
namespace {

// "A1:week=2026-03-02" and the like, applied to the plan.
Status applySet(Plan& plan, const std::string& text) {
    const auto colon = text.find(':'), eq = text.find('=');
    if (colon == std::string::npos || eq == std::string::npos || eq < colon)
        return badRequest("--set takes ID:FIELD=VALUE, got '" + text + "'");
    const std::string id = text.substr(0, colon),
                      field = lower(text.substr(colon + 1, eq - colon - 1));
    const std::string value = text.substr(eq + 1);
    auto it = std::find_if(plan.areas.begin(), plan.areas.end(),
                           [&](const TargetArea& a) { return a.id == id; });
    if (it == plan.areas.end()) {
        for (const auto& k : plan.kept)
            if (k.id == id)
                return badRequest("--set: area " + id + " " + k.reason +
                                  ": it is kept in the file as it is, not shown; mend it in QGIS");
        return badRequest("--set: the plan has no area " + id);
    }
    if (field == "week") {
        if (value.empty()) {
            it->week = kNoDay;
            return okStatus();
        }
        const auto d = parseDay(value);
        if (!d)
            return badRequest("--set " + id + ": week must be YYYY-MM-DD, got '" + value + "'");
        it->week = weekStart(*d); // a street week starts on the Monday
    } else if (field == "status") {
        const auto s = parseStatus(value);
        if (!s)
            return badRequest("--set " + id + ": status must be proposed, approved or done");
        it->status = *s;
    } else if (field == "name") {
        it->name = value;
    } else if (field == "lead") {
        it->lead = value;
    } else if (field == "partners") {
        it->partners = value;
    } else if (field == "notes") {
        it->notes = value;
    } else if (field == "locked" || field == "excluded") {
        const std::string v = lower(trim(value));
        const bool yes = v == "1" || v == "yes" || v == "true" || v == "y";
        if (!yes && v != "0" && v != "no" && v != "false" && v != "n")
            return badRequest("--set " + id + ": " + field + " must be yes or no, got '" + value +
                              "'");
        (field == "locked" ? it->locked : it->excluded) = yes;
    } else {
        return badRequest("--set: unknown field '" + field +
                          "' (name, week, lead, partners, status, notes, locked, excluded)");
    }
    return okStatus();
}

void printSchedule(const Plan& plan, int repeat_months) {
    std::printf("Schedule (%zu areas):\n", plan.areas.size());
    for (std::size_t i : scheduleOrder(plan.areas)) {
        const TargetArea& a = plan.areas[i];
        std::printf("  %-10s  %-4s %-32s %-9s %s%s\n",
                    a.week == kNoDay ? "(no week)" : formatDay(a.week).c_str(), a.id.c_str(),
                    a.name.c_str(), statusName(a.status), a.lead.c_str(),
                    a.partners.empty() ? "" : (" with " + a.partners).c_str());
    }
    for (const auto& a : plan.areas)
        if (a.excluded)
            std::printf("  excluded zone %s %s\n", a.id.c_str(), a.name.c_str());
    for (const auto& issue : scheduleIssues(plan.areas, repeat_months))
        std::printf("  ! %s\n", issue.text.c_str());
}

int printHistory(const std::string& path) {
    auto h = io::readPlanHistory(path);
    if (!h)
        return failWith("plan", h.failure());
    if (h.value().empty()) {
        std::printf("%s has no history yet (saves by streetweek record who changed what)\n",
                    path.c_str());
        return kExitOk;
    }
    std::printf("History of %s (%zu changes):\n", path.c_str(), h.value().size());
    for (const auto& r : h.value())
        std::printf("  %s  %-12s %-4s %s\n", r.saved_at.c_str(), r.who.c_str(), r.area_id.c_str(),
                    r.change().c_str());
    return kExitOk;
}

} // namespace

int runPlan(int argc, char** argv) {
    auto options = planInputSpecs();
    options.push_back({"set", "ID:FIELD=VALUE",
                       "edit an area and save the plan: name, week (YYYY-MM-DD, moved to its "
                       "Monday), lead, partners, status, notes, locked, excluded",
                       true});
    options.push_back(
        {"repeat-months", "N", "warn when one area is visited twice within N months (default 6)"});
    options.push_back({"schedule-only", "", "print the schedule without loading the data"});
    options.push_back({"history", "", "list who changed what in the plan, and when"});
    auto parsed = parsePlanCommand(
        "plan",
        "A plan's schedule in week order (with clashes, repeats and gaps) and each area's "
        "statistics\n"
        "for the plan's period and layers (or --from/--to/--layer). Without --wards and "
        "--incidents\n"
        "the plan's own data files are loaded.",
        options, argc, argv);
    if (auto* code = std::get_if<int>(&parsed))
        return *code;
    PlanCommand& pc = std::get<PlanCommand>(parsed);
    Plan& plan = pc.plan;
    if (pc.cmd.args.has("history"))
        return printHistory(pc.path);
    const auto sets = pc.cmd.args.all("set");
    const Plan base = plan;
    for (const auto& s : sets)
        if (auto st = applySet(plan, s); !st)
            return failWith("plan", st.failure());
    if (!sets.empty()) {
        // In place, merged with what others saved since the plan was read; a clash writes
        // nothing.
        auto saved = io::savePlan(pc.path, base, plan, "EPSG:27700", {}, [](const std::string& m) {
            std::fprintf(stderr, "note: %s\n", m.c_str());
        });
        if (!saved)
            return failWith("plan", saved.failure());
        if (!saved.value().clashes.empty()) {
            for (const auto& c : saved.value().clashes)
                std::fprintf(stderr, "streetweek plan: clash: %s\n", c.text().c_str());
            std::fprintf(stderr,
                         "streetweek plan: someone else changed the same field since the plan "
                         "was read; nothing was saved (read the plan again and repeat the "
                         "edit)\n");
            return kExitFailure;
        }
        for (const auto& n : saved.value().notes)
            std::fprintf(stderr, "note: %s\n", n.c_str());
        plan = std::move(saved.value().plan);
        std::printf("Saved %s\n", pc.path.c_str());
    }
    const auto repeat = parseInteger(pc.cmd.args.get("repeat-months", "6"));
    if (!repeat || *repeat < 0)
        return fail("plan", "--repeat-months takes a whole number", kExitUsage);
    printSchedule(plan, static_cast<int>(*repeat));
    if (pc.cmd.args.has("schedule-only") || plan.areas.empty())
        return kExitOk;
    Session session;
    auto sel = loadPlanData(session, pc);
    if (!sel)
        return failWith("plan", sel.failure());
    AreaStatsRequest req;
    req.selection = sel.value();
    auto stats = AreaStatistics::prepare(session, req);
    if (!stats)
        return failWith("plan", stats.failure());
    printPreamble(session, stats.value().notes());
    std::printf("Statistics for %s:\n", formatSpan(stats.value().period()).c_str());
    for (const auto& a : plan.areas)
        printArea(a, stats.value().of(a.shape));
    return kExitOk;
}

} // namespace sw::cli
