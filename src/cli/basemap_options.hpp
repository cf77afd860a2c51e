// --basemap SOURCE, --basemap-opacity and --basemap-colour, for `gui` and `report`. Naming an
// online source on the command line is the user's consent; its notice is printed on stderr.
#pragma once

#include "cli/cli_args.hpp"
#include "core/basemap_source.hpp"

#include <vector>

namespace sw::cli {

std::vector<OptionSpec> basemapOptionSpecs();
// The choice (no source when --basemap is not given); a bad source or opacity is a bad request.
Result<BasemapChoice> basemapOptions(const Args& args, const std::string& command);

} // namespace sw::cli
