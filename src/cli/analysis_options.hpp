// Options shared by the analysis subcommands (kde, hotspots, gistar): period, layers and
// weights, and the grid extent.
#pragma once

#include "cli/cli_args.hpp"
#include "core/bandwidth.hpp"
#include "core/geometry.hpp"
#include "core/gistar.hpp"
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

// The bandwidth rule named by --radius (arcgis, scott, cv), if any.
std::optional<BandwidthRule> radiusRule(const Args& args);
// Sets params.radius_m from the rule and the selected points; returns a line saying what was
// chosen (empty for a fixed radius).
Result<std::string> resolveRadius(const Args& args, KdeParams& params,
                                  const WeightedPoints& points);

// Resolves a zero cell size from the study area, and the extent (explicit or default).
Box resolveGrid(const Session& session, KdeParams& params);

// Gi* grid options shared by gistar and emerging: --cell, --distance, --extent, --no-fdr.
std::vector<OptionSpec> giStarOptionSpecs();
Result<GiStarParams> giStarParamsFrom(const Args& args);

// --out for the vector outputs (hotspots, gistar, emerging): its spec, and the path when it
// names a .gpkg, .shp or .geojson file.
OptionSpec vectorOutSpec();
Result<std::string> vectorOutPath(const Args& args);

// The square of a grid cell, for writing cells as polygons.
MultiPolygon cellSquare(const Grid& grid, std::size_t row, std::size_t col);

// "xmin,ymin,xmax,ymax" in working-CRS metres.
Result<Box> parseExtent(const std::string& text);

} // namespace sw::cli
