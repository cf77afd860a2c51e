// What the map's panels control, in one plain struct (no ImGui, no GL): the period, the
// hotspot settings, the density and choropleth styles. The app turns it into the live
// analysis' parameters; screenshot tests set it from `streetweek gui` options.
#pragma once

#include "core/basemap_source.hpp"
#include "core/class_breaks.hpp"
#include "core/colour_ramps.hpp"
#include "core/gistar.hpp"
#include "core/hotspots.hpp"
#include "core/kde.hpp"
#include "core/month.hpp"
#include "render/draw_styles.hpp"
#include "session/live_analysis.hpp"
#include "session/session.hpp"
#include "ui/layer_draft.hpp"

#include <optional>
#include <string>
#include <vector>

namespace sw::ui {

enum class WardStat { Count, Rate, Change, ChangePct, Layer };

struct ChoroplethState {
    bool on = false;
    WardStat stat = WardStat::Count;
    std::size_t layer = 0; // for WardStat::Layer: index into the profile's layers
    int classes = 5;
    BreakMethod method = BreakMethod::NaturalBreaks;
    Ramp ramp = Ramp::Blues; // distinct from the density's YlOrRd
    bool operator==(const ChoroplethState&) const = default;
};

// The map's density defaults: a 250 m quartic density per km2 on the suggested cell size.
inline KdeParams mapKdeDefaults() {
    KdeParams k;
    k.radius_m = 250;
    k.cell_size_m = 0;
    return k;
}

struct MapUiState {
    // Period: inclusive month range over the data's months; play steps a one-month window.
    MonthIndex from = kNoMonth, to = kNoMonth;
    std::int32_t chart_ward = -2; // the Wards panel's chart: a ward index, or kStudyArea (-2)
    BasemapLook basemap;          // the basemap's opacity and greyscale (the source is not kept)
    bool playing = false;
    double play_seconds_per_month = 1.0;
    double last_step_s = 0;

    // Hotspots: the density's parameters (cell_size_m 0: the study area's suggested size, as
    // the session resolves it) and the threshold.
    KdeParams kde = mapKdeDefaults();
    HotspotThreshold threshold;
    std::vector<float> layer_weights;  // per session layer (default 1)
    HarmWeights harm;                  // crime type -> weight (empty: none), for every analysis
    std::string harm_path, harm_error; // the Hotspots panel's weights file field

    // Gi* hot and cold spots on the map (computed only while shown); cell and distance 0: the
    // session's defaults (the suggested cell, 2.5 cells).
    bool gistar_visible = false;
    GiStarParams gistar;
    float gistar_opacity = 0.7f;

    // Drawing.
    DensityStyle density;
    bool auto_range = true;
    float floor_fraction = 0.05f; // transparent below this share of the peak (auto range)
    bool hotspots_visible = true;
    bool points_visible = true;
    bool show_outside = true; // incidents outside the study area: drawn dimmed (false: hidden)
    // Points drawn at most (about) per frame; more are thinned evenly (0: draw every point).
    int point_budget = 100000;
    ChoroplethState choropleth;
    int selected_hotspot = -1;

    // Panels.
    LayerDraft layer_draft; // the Layers panel's rule editor
    bool show_help = false;
    bool hide_panels = false; // for map images
};

// Sets the period to the data's latest run of consecutive months with data (all of it for data
// without gaps) when it is unset, out of range, or `new_data` (a data set loaded after the
// first starts inside its own months, not the last one's).
void clampPeriod(MapUiState& ui, const Session& session, bool new_data = false);

// The live analysis parameters for what the map shows: visible layers (weights), period, KDE
// (the cell size resolved as the CLI resolves it).
MapAnalysisParams analysisParams(const MapUiState& ui, const Session& session);

// The ward statistic the choropleth shows, per ward index (nullopt where unknown).
std::vector<std::optional<double>> wardStatValues(const WardProfile& profile, std::size_t wards,
                                                  const ChoroplethState& c);
const char* wardStatName(WardStat s);

// Steps the period one month on while playing (wrapping to the first month); true on a step.
bool advancePlay(MapUiState& ui, const Session& session, double now_s);

} // namespace sw::ui
