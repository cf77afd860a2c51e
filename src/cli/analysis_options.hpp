// Options shared by the analysis subcommands (kde, hotspots, gistar, emerging): period, layers
// and weights, the KDE and Gi* grids; each parsed into the session's request structs.
#pragma once

#include "cli/cli_args.hpp"
#include "core/geometry.hpp"
#include "core/gistar.hpp"
#include "session/analysis_actions.hpp"
#include "session/incident_selection.hpp"
#include "session/session.hpp"

#include <optional>
#include <string>
#include <vector>

namespace sw::cli {

// The extensions the vector outputs (hotspots, gistar, emerging) may have.
const std::vector<std::string>& vectorOutExtensions();

std::vector<OptionSpec> selectionOptionSpecs();

// Builds the selection; the session's layer list gets any --layers / --layer-rule rules.
Result<SelectionParams> selectionFrom(const Args& args, Session& session);
// An error for a command that works on whole months when --from/--to were given as days.
Status requireWholeMonths(const SelectionParams& p, const std::string& what);

// KDE options: --radius (required), --cell, --kernel, --units, --extent, --edge-correct.
std::vector<OptionSpec> kdeOptionSpecs();
// The KDE request: the selection, the KDE parameters (cell 0 when --cell is not given, so the
// session resolves it) and the radius rule named by --radius (arcgis, scott, cv).
Result<KdeRequest> kdeRequestFrom(const Args& args, Session& session);

// Gi* grid options shared by gistar and emerging: --cell, --distance, --extent, --no-fdr.
std::vector<OptionSpec> giStarOptionSpecs();
Result<GiStarParams> giStarParamsFrom(const Args& args);

// "xmin,ymin,xmax,ymax" in working-CRS metres.
Result<Box> parseExtent(const std::string& text);

// The period a command analysed, for its output: from..to, or the data's months when open.
std::string periodText(const Session& session, const SelectionParams& selection);

} // namespace sw::cli
