// Options shared by the commands that publish tables (export, report): --suppress, and the
// hotspot settings --threshold and --hotspot-radius over the plan's recorded ones.
#pragma once

#include "cli/cli_args.hpp"
#include "session/pack_tables.hpp"

#include <vector>

namespace sw::cli {

std::vector<OptionSpec> packOptionSpecs();
// Fills the suppression rule and the hotspot request (from the plan, then the options).
Status packContentOptions(const Args& args, const Plan& plan, PackContentRequest& content);
// The warning `--suppress 0` or 1 prints, on stderr.
void warnIfUnsuppressed(const std::string& command, const PackContentRequest& content);

} // namespace sw::cli
