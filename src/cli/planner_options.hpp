// The planner's options, shared by `suggest` and `backtest` (so a backtest of the planner uses
// exactly the presets, shapes and rules a suggestion does): --weeks, --preset, --shape, --radius,
// --min-gap, --min-per-site, --max-area, --step and --time-limit.
#pragma once

#include "cli/cli_args.hpp"
#include "session/street_week_suggest.hpp"

#include <optional>
#include <string>
#include <vector>

namespace sw::cli {

// weeks_help: what --weeks says (required for suggest, a default for backtest).
std::vector<OptionSpec> plannerOptionSpecs(const std::string& weeks_help);

// Fills the planner's part of a request (not its selection); an error message when an option is
// missing or out of range. Without --weeks, default_weeks is used (0: --weeks is required).
std::optional<std::string> readPlannerRequest(const Args& args, SuggestRequest& req,
                                              std::size_t default_weeks = 0);

} // namespace sw::cli
