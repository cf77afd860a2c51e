// The preamble of the commands that read a plan (plan, evaluate): --plan, the data options
// (optional: the plan's own sources fill what is not given) and the selection options
// (optional: the plan's recorded period and layers fill what is not given).
#pragma once

#include "cli/data_command.hpp"
#include "core/target_area.hpp"
#include "session/incident_selection.hpp"

#include <string>
#include <variant>
#include <vector>

namespace sw::cli {

struct PlanCommand {
    DataCommand cmd;
    Plan plan;
    std::string path;
};

// The selection options and --plan.
std::vector<OptionSpec> planInputSpecs();
// Parses, reads the plan (its warnings printed); or the exit code.
std::variant<PlanCommand, int> parsePlanCommand(const std::string& name, const std::string& summary,
                                                std::vector<OptionSpec> options, int argc,
                                                char** argv);
// Loads the data (the plan's sources where no --wards/--incidents were given) and returns
// the selection: the options given, else the plan's.
Result<SelectionParams> loadPlanData(Session& session, PlanCommand& pc);

} // namespace sw::cli
