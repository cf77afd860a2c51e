// Options shared by the analysis subcommands (kde, hotspots, gistar): period, layers and
// weights, and the grid extent.
#pragma once

#include "cli/cli_args.hpp"
#include "core/geometry.hpp"
#include "session/incident_selection.hpp"
#include "session/session.hpp"

#include <optional>

namespace sw::cli {

std::vector<OptionSpec> selectionOptionSpecs();

// Builds the selection; the session's layer list gets any --layers / --layer-rule rules.
Result<SelectionParams> selectionFrom(const Args& args, Session& session);

// KDE options: --radius (required), --cell, --kernel, --units, --extent.
std::vector<OptionSpec> kdeOptionSpecs();
// KdeParams from them; cell_size_m is 0 when --cell is not given (resolve it from the data).
Result<KdeParams> kdeParamsFrom(const Args& args);

// Resolves a zero cell size from the study area, and the extent (explicit or default).
Box resolveGrid(const Session& session, KdeParams& params);

// "xmin,ymin,xmax,ymax" in working-CRS metres.
Result<Box> parseExtent(const std::string& text);

// The analysis extent: --extent, else the wards' bounds (else the incidents'), aligned to cells.
Box defaultExtent(const Session& session, double cell_size_m);

} // namespace sw::cli
