// Reading a plan and its data for the plan commands.
#include "cli/plan_input.hpp"
#include "cli/load_options.hpp"

#include "cli/analysis_options.hpp"
#include "io/plan_file.hpp"
#include "session/plan_context.hpp"

#include <iostream>

namespace sw::cli {

std::vector<OptionSpec> planInputSpecs() {
    auto specs = selectionOptionSpecs();
    specs.insert(specs.begin(), {"plan", "FILE",
                                 "the plan: a GeoPackage, or \"PG:dbname=... host=...\" (the "
                                 "office's PostgreSQL/PostGIS) (required)"});
    return specs;
}

std::variant<PlanCommand, int> parsePlanCommand(const std::string& name, const std::string& summary,
                                                std::vector<OptionSpec> options, int argc,
                                                char** argv) {
    DataCommandSpec spec{name, summary, std::move(options), false, false, {}, "", true};
    auto parsed = parseDataCommand(spec, argc, argv);
    if (auto* code = std::get_if<int>(&parsed))
        return *code;
    PlanCommand pc{std::move(std::get<DataCommand>(parsed)), {}, {}};
    pc.path = pc.cmd.args.get("plan");
    if (pc.path.empty())
        return fail(spec.name, "--plan is required", kExitUsage);
    auto plan = io::readPlan(pc.path);
    if (!plan)
        return fail(spec.name, plan.error(), kExitFailure);
    pc.plan = std::move(plan.value());
    printNotes(pc.plan.load_warnings);
    return pc;
}

Result<SelectionParams> loadPlanData(Session& session, PlanCommand& pc) {
    std::vector<std::string> notes;
    auto req = requestFromPlan(pc.plan, pc.cmd.request, &notes);
    if (!req)
        return req.failure();
    pc.cmd.request = std::move(req.value());
    printNotes(notes);
    if (pc.cmd.request.wards_path.empty() || pc.cmd.request.incident_paths.empty())
        return badRequest("the plan records no wards or incidents: give --wards and --incidents");
    if (auto st = loadAndReport(session, pc.cmd); !st)
        return st.failure();
    auto recorded = selectionFromPlan(pc.plan);
    if (!recorded)
        return recorded.failure();
    auto given = selectionFrom(pc.cmd.args, session);
    if (!given)
        return badRequest(given.error());
    if (auto st = requireWholeMonths(given.value(), "a plan"); !st)
        return st.failure();
    SelectionParams s = recorded.value();
    const Args& a = pc.cmd.args;
    if (a.has("from"))
        s.from = given.value().from;
    if (a.has("to"))
        s.to = given.value().to;
    if (a.has("layer") || a.has("layer-rule") || a.has("layers") || a.has("layer-weight")) {
        s.layers = given.value().layers;
        s.layer_weights = given.value().layer_weights;
    }
    if (a.has("weight-field"))
        s.weight_column = given.value().weight_column;
    if (a.has("weights"))
        s.harm = given.value().harm;
    return s;
}

} // namespace sw::cli
