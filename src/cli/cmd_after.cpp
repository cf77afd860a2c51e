// `streetweek after`: the after-action check of one street week.
#include "cli/commands.hpp"
#include "cli/json_output.hpp"
#include "cli/load_options.hpp"
#include "cli/plan_input.hpp"
#include "session/after_action.hpp"

#include <cmath>
#include <cstdio>
#include <iostream>

namespace sw::cli {
namespace {

void printAfterJson(const TargetArea& a, const AfterActionResult& r) {
    const ZoneCounts& c = r.counts;
    Json j;
    j["area_id"] = a.id;
    j["name"] = a.name;
    j["week"] = formatDay(a.week);
    j["before"] = monthsJson(r.before);
    j["after"] = monthsJson(r.after);
    j["target"] = {jsonNumber(c.target_before), jsonNumber(c.target_after)};
    j["buffer"] = {jsonNumber(c.buffer_before), jsonNumber(c.buffer_after)};
    j["control"] = {jsonNumber(c.control_before), jsonNumber(c.control_after)};
    j["control_leaves_out"] = r.left_out;
    j["left_out"] = {jsonNumber(r.left_out_before), jsonNumber(r.left_out_after)};
    j["wdd"] = r.wdd.valid ? jsonNumber(r.wdd.wdd) : Json(nullptr);
    j["wdd_se"] = jsonNumber(r.wdd.se);
    j["wdd_z"] = jsonNumber(r.wdd.z);
    j["wdd_p"] = jsonNumber(r.wdd.p_value);
    j["wdq"] = jsonNumber(r.wdq.wdq);
    j["wdq_interval"] = r.wdq.wdq && r.wdq_interval ? Json{jsonNumber(r.wdq_interval->low),
                                                           jsonNumber(r.wdq_interval->high)}
                                                    : Json(nullptr);
    j["indicative"] = r.small_counts;
    printJson(j);
}

// --months N, or --weeks N: the whole months for month-only sources (police.uk's); sources
// dated by day are compared over the weeks themselves (the action says which was read how).
std::optional<int> monthsFrom(const Args& args) {
    if (args.has("months") && args.has("weeks"))
        return std::nullopt;
    if (args.has("weeks")) {
        const auto w = parseInteger(args.get("weeks"));
        if (!w || *w < 1 || *w > 104)
            return std::nullopt;
        const int m = static_cast<int>(std::ceil(static_cast<double>(*w) * 7 / 30.44));
        return m;
    }
    if (!args.has("months"))
        return 3;
    const auto m = parseInteger(args.get("months"));
    if (!m || *m < 1 || *m > 24)
        return std::nullopt;
    return static_cast<int>(*m);
}

} // namespace

int runAfter(int argc, char** argv) {
    auto options = planInputSpecs();
    options.push_back({"area", "ID", "the street week to check (its area id, e.g. A2)"});
    options.push_back({"months", "N", "months before and after the week's month (default 3)"});
    options.push_back({"weeks", "N", "weeks before and after (monthly data: whole months)"});
    options.push_back({"buffer", "M", "the ring around the area (default 250 m)"});
    options.push_back({"json", "", "print one JSON object instead of the report"});
    auto parsed = parsePlanCommand(
        "after",
        "The after-action check of a street week: incidents in the area, in a buffer ring "
        "around it and in\n"
        "the rest of the study area (the control), N months before and after the week's month "
        "(left out);\n"
        "the weighted displacement difference (WDD, with its Poisson standard error and z test) "
        "and\n"
        "quotient (WDQ, with a Poisson bootstrap interval); indicative when the counts are "
        "small.",
        options, argc, argv);
    if (auto* code = std::get_if<int>(&parsed))
        return *code;
    PlanCommand& pc = std::get<PlanCommand>(parsed);
    const Args& args = pc.cmd.args;
    const std::string id = args.get("area");
    if (id.empty())
        return fail("after", "give --area ID (the area ids are in `streetweek plan`)", kExitUsage);
    const TargetArea* area = nullptr;
    for (const auto& a : pc.plan.areas)
        if (a.id == id)
            area = &a;
    if (!area)
        return fail("after", pc.path + ": no area " + id, kExitUsage);
    AfterActionRequest req;
    const auto months = monthsFrom(args);
    if (!months)
        return fail("after", "give --months N (1 to 24) or --weeks N (1 to 104), not both",
                    kExitUsage);
    req.months = *months;
    if (args.has("weeks"))
        req.weeks = static_cast<int>(parseInteger(args.get("weeks")).value_or(0));
    if (args.has("buffer")) {
        const auto b = parseDouble(args.get("buffer"));
        if (!b || !(*b > 0) || *b > 5000)
            return fail("after", "--buffer must be from 0 to 5000 metres", kExitUsage);
        req.buffer_m = *b;
    }
    Session session;
    auto sel = loadPlanData(session, pc);
    if (!sel)
        return failWith("after", sel.failure());
    req.selection = sel.value();
    req.plan_areas = pc.plan.areas;
    auto r = afterAction(session, *area, req);
    if (!r)
        return failWith("after", r.failure());
    if (args.has("from") || args.has("to"))
        r.value().notes.insert(r.value().notes.begin(),
                               "--from/--to are not used: the months before and after come from "
                               "the week (--months)");
    printNotes(r.value().notes);
    if (args.has("json")) {
        printAfterJson(*area, r.value());
        return kExitOk;
    }
    for (const auto& line : afterActionReport(*area, r.value(), req.buffer_m))
        std::printf("%s\n", line.c_str());
    return kExitOk;
}

} // namespace sw::cli
