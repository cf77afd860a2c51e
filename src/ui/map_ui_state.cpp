// Map UI state to analysis parameters and ward statistics.
#include "ui/map_ui_state.hpp"

#include "session/analysis_actions.hpp"

namespace sw::ui {

void clampPeriod(MapUiState& ui, const Session& session, bool new_data) {
    const MonthCoverage& months = session.months();
    if (months.empty()) {
        ui.from = ui.to = kNoMonth;
        return;
    }
    const MonthSpan latest = months.runs().back();
    const bool from_bad =
        new_data || ui.from == kNoMonth || ui.from < months.first() || ui.from > months.last();
    const bool to_bad =
        new_data || ui.to == kNoMonth || ui.to > months.last() || ui.to < months.first();
    if (from_bad)
        ui.from = to_bad || ui.to >= latest.first ? latest.first : months.first();
    if (to_bad)
        ui.to = latest.last;
    if (ui.to < ui.from)
        ui.to = ui.from;
}

MapAnalysisParams analysisParams(const MapUiState& ui, const Session& session) {
    MapAnalysisParams p;
    SelectionParams& sel = p.hotspots.density.selection;
    sel.from = ui.from;
    sel.to = ui.to;
    const auto& layers = session.layers();
    for (std::size_t i = 0; i < layers.size(); ++i)
        if (layers[i].visible) {
            sel.layers.push_back(layers[i]);
            sel.layer_weights.push_back(i < ui.layer_weights.size() ? ui.layer_weights[i] : 1.0);
        }
    sel.harm = ui.harm;
    KdeParams& k = p.hotspots.density.kde;
    k = ui.kde;
    k.cell_size_m = resolveCellSize(session, ui.kde);
    p.hotspots.threshold = ui.threshold;
    if (ui.gistar_visible)
        p.gistar = ui.gistar;
    return p;
}

const char* wardStatName(WardStat s) {
    switch (s) {
    case WardStat::Count:
        return "Count";
    case WardStat::Rate:
        return "Rate per 1,000";
    case WardStat::Change:
        return "Change";
    case WardStat::ChangePct:
        return "Change %";
    case WardStat::Layer:
        return "Layer count";
    }
    return "Count";
}

std::vector<std::optional<double>> wardStatValues(const WardProfile& profile, std::size_t wards,
                                                  const ChoroplethState& c) {
    std::vector<std::optional<double>> v(wards);
    for (const auto& r : profile.rows) {
        if (r.ward >= wards)
            continue;
        auto& out = v[r.ward];
        switch (c.stat) {
        case WardStat::Count:
            out = static_cast<double>(r.count);
            break;
        case WardStat::Rate:
            out = r.rate_per_1000;
            break;
        case WardStat::Change:
            if (r.change)
                out = static_cast<double>(*r.change);
            break;
        case WardStat::ChangePct:
            out = r.change_pct;
            break;
        case WardStat::Layer:
            if (c.layer < r.layer_counts.size())
                out = static_cast<double>(r.layer_counts[c.layer]);
            break;
        }
    }
    return v;
}

bool advancePlay(MapUiState& ui, const Session& session, double now_s) {
    if (!ui.playing)
        return false;
    const auto range = session.months().span();
    if (!range)
        return false;
    if (now_s - ui.last_step_s < ui.play_seconds_per_month)
        return false;
    ui.last_step_s = now_s;
    const MonthIndex width = ui.to - ui.from;
    ui.from += 1;
    ui.to += 1;
    if (ui.to > range->last) {
        ui.from = range->first;
        ui.to = range->first + width;
    }
    return true;
}

} // namespace sw::ui
