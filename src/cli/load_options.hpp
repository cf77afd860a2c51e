// The data-loading options every subcommand shares (--wards, --incidents, --crs, ...), and
// the layer options (--layer, --layer-rule, --layers).
#pragma once

#include "cli/cli_args.hpp"
#include "core/layer_rules.hpp"
#include "core/result.hpp"
#include "session/data_loader.hpp"

#include <vector>

namespace sw::cli {

std::vector<OptionSpec> loadOptionSpecs(bool wards_required);
std::vector<OptionSpec> layerOptionSpecs();

// Builds the request; an error is a usage problem (exit 2).
// inputs_required: at least one of --wards and --incidents (a plan may bring its own).
Result<LoadRequest> loadRequestFrom(const Args& args, bool wards_required,
                                    bool inputs_required = true);

// Adds --layers FILE and --layer-rule rules to `layers`, then returns the layers named by
// --layer and --layer-rule (in order). Errors name the file and line.
Result<std::vector<LayerRule>> selectLayers(const Args& args, std::vector<LayerRule>& layers);

// Prints "streetweek CMD: message" to stderr and returns the exit code.
int fail(const std::string& command, const std::string& message, int code);

} // namespace sw::cli
