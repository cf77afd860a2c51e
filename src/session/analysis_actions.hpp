// The analyses as session actions, shared by the CLI and the map: one request per analysis
// (the core parameter structs plus the selection), one step that resolves every default from
// the study area and the selected incidents and says what it chose, and one function per
// analysis that runs it with progress and cancel. A `cmd_*` parses its options into a request,
// calls the action and writes the result through io; the live map builds the same requests.
//
// Defaults, in one place:
//   cell size 0      the study area's shorter side / 150, rounded (Chainey's guidance)
//   extent unset     the study area's bounds (the wards', else the incidents'), grown to cells
//   radius rule      ArcGIS default, Scott's rule or likelihood cross-validation on the
//                    selected incidents, rounded to a metre (BandwidthRule::Fixed: as given)
//   Gi* cell 0       as the KDE cell; Gi* distance 0: 2.5 cells (each cell and its 20 nearest)
// Errors from the request itself (bad parameters, a missing weight column) are bad-request
// errors (Error::bad_request), so the CLI can tell usage (exit 2) from failure (exit 1).
#pragma once

#include "core/bandwidth.hpp"
#include "core/emerging_hotspots.hpp"
#include "core/gistar.hpp"
#include "core/hotspots.hpp"
#include "core/kde.hpp"
#include "session/incident_selection.hpp"
#include "session/session.hpp"

#include <optional>
#include <string>
#include <vector>

namespace sw {

// ---- Defaults --------------------------------------------------------------------------------

// A KDE grid with every default filled in, and lines saying what was chosen where the user
// did not choose it (the CLI prints them; the map shows them beside its settings).
struct ResolvedKde {
    KdeParams kde; // cell size, extent and radius set
    Box extent;
    std::string radius_note; // e.g. "ArcGIS default radius: 427 m" (empty for a fixed radius)
    std::string cell_note;   // e.g. "cell 50 m: the study area's shorter side / 150"
};

// The cell size for a request (the given one, or the suggested one for the extent or the study
// area); 0 when nothing is loaded to suggest it from.
double resolveCellSize(const Session& session, const KdeParams& kde);

// Fills the cell size, the extent and (for a rule) the radius from the selected incidents,
// then validates. Fails when a rule has no incidents to work from or no spread to measure.
Result<ResolvedKde> resolveKde(const Session& session, const KdeParams& kde, BandwidthRule rule,
                               const WeightedPoints& selected);

struct ResolvedGiStar {
    GiStarParams gi; // cell size, distance and extent set
    Box extent;
};
Result<ResolvedGiStar> resolveGiStar(const Session& session, const GiStarParams& gi);

// The named radius suggestions for the selected incidents (ArcGIS default and Scott's rule),
// each with a one-line explanation; empty when nothing is selected.
std::vector<BandwidthSuggestion> radiusSuggestions(const WeightedPoints& selected,
                                                   KernelShape kernel);

// ---- Kernel density ------------------------------------------------------------------------

struct KdeRequest {
    SelectionParams selection;
    KdeParams kde; // cell_size_m 0 and an unset extent are resolved from the study area
    BandwidthRule radius_rule = BandwidthRule::Fixed;
};

// A second surface for a dual KDE: the same layers in another period, or another layer.
struct DualKdeRequest {
    DualMode mode = DualMode::Difference;
    SelectionParams compare; // the second surface's selection
    std::string label;       // what it is, e.g. "period 2022-01..2022-06" or "layer Drugs"
};

struct DensityResult {
    ResolvedKde resolved;
    KdeResult density;                 // the grid (the dual surface when one was asked for)
    std::size_t incidents = 0;         // selected
    std::size_t compare_incidents = 0; // the second surface's, for a dual KDE
    std::string dual_note;             // "difference against period ... (N incidents)"
    std::vector<std::string> notes;    // from the selection and the edge correction
};

// KDE of the selected incidents, edge-corrected within the wards when asked (an error when no
// wards are loaded), and optionally against a second surface.
Result<DensityResult> densitySurface(const Session& session, const KdeRequest& request,
                                     const std::optional<DualKdeRequest>& dual = std::nullopt,
                                     Progress* progress = nullptr);

// ---- Hotspots (session/hotspot_analysis.cpp) ------------------------------------------------

struct HotspotRequest {
    KdeRequest density;
    HotspotThreshold threshold;
};

using Hotspot = HotspotArea;

struct HotspotResult {
    ResolvedKde resolved;
    KdeResult density; // edge-corrected when asked
    double threshold_value = 0;
    double study_area_km2 = 0;          // the wards' area, or the grid's when no wards are loaded
    std::size_t incidents = 0;          // selected
    std::size_t outside_study_area = 0; // in the period and layers, outside the wards
    std::vector<Hotspot> hotspots;      // by rank
    std::vector<std::string> notes;
};

// KDE, a threshold within the study area, 8-connected regions polygonised with GDAL, and each
// hotspot's statistics with the wards it overlaps.
Result<HotspotResult> findHotspots(const Session& session, const HotspotRequest& request,
                                   Progress* progress = nullptr);
// The same on incidents already selected with request.density.selection (callers that need
// the selection for more than the hotspots select once).
Result<HotspotResult> findHotspots(const Session& session, const HotspotRequest& request,
                                   const Selection& selection, Progress* progress = nullptr);

// ---- Gi* and emerging hot spots ----------------------------------------------------------

struct GiStarRequest {
    SelectionParams selection;
    GiStarParams gi; // cell 0, distance 0 and an unset extent are resolved
};

struct GiStarSpots {
    ResolvedGiStar resolved;
    GiStarResult result;
    std::size_t incidents = 0;
    std::vector<std::string> notes;
};

Result<GiStarSpots> giStarHotspots(const Session& session, const GiStarRequest& request,
                                   Progress* progress = nullptr);
// The same on incidents already selected with request.selection.
Result<GiStarSpots> giStarHotspots(const Session& session, const GiStarRequest& request,
                                   const Selection& selection, Progress* progress = nullptr);

// The fewest months a trend is read over (the Mann-Kendall test is weak on fewer; ArcGIS's
// space-time cube asks for 10 time steps too).
constexpr int kMinTrendMonths = 10;

// The months a trend uses in a period: the longest run of consecutive months with data (the
// latest of equal runs). A bad request when the period itself is shorter than
// kMinTrendMonths; a failure, naming the longest run, when the data has no run that long.
Result<MonthSpan> monthsForTrend(const MonthCoverage& coverage, const MonthSpan& period);

struct EmergingRequest {
    SelectionParams selection; // the period: from..to (default: every month in the data)
    EmergingParams emerging;   // emerging.gi as for Gi*
};

struct EmergingSpots {
    ResolvedGiStar resolved;
    EmergingResult result;
    MonthIndex first = kNoMonth, last = kNoMonth; // the months used
    std::size_t incidents = 0;                    // selected in those months
    std::vector<std::string> notes;
};

Result<EmergingSpots> emergingHotspots(const Session& session, const EmergingRequest& request,
                                       Progress* progress = nullptr);

} // namespace sw
