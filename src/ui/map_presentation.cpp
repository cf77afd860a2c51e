// Map titles, density range and ward colours.
#include "ui/map_presentation.hpp"

#include "core/class_breaks.hpp"
#include "core/colour_ramps.hpp"
#include "session/study_area.hpp"

#include <algorithm>
#include <filesystem>

namespace sw::ui {

// The map title: the shown layers and the period.
std::string mapTitle(const Session& s, const MapUiState& ui) {
    std::string layers;
    for (const auto& l : s.layers())
        if (l.visible)
            layers += (layers.empty() ? "" : " + ") + l.name;
    if (layers.empty())
        layers = "No layers shown";
    if (ui.from == kNoMonth)
        return layers;
    return layers + ", " + formatMonth(ui.from) +
           (ui.to != ui.from ? " to " + formatMonth(ui.to) : "");
}

std::string imageTitle(const Session& s, const MapUiState& ui, const std::string& made) {
    const std::string district = districtName(s);
    return (district.empty() ? "" : district + ": ") + mapTitle(s, ui) + " (made " + made + ")";
}

// Density range from the result: the floor a share of the peak, the top the 99.5th percentile
// of the non-zero cells (so one extreme cell does not wash out the rest).
void autoDensityRange(MapUiState& ui, const Grid& g) {
    std::vector<double> v;
    for (double x : g.values)
        if (x > 0)
            v.push_back(x);
    if (v.empty())
        return;
    const auto k = static_cast<std::size_t>(0.995 * static_cast<double>(v.size() - 1));
    std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(k), v.end());
    const double top = v[k];
    ui.density.floor = static_cast<float>(ui.floor_fraction * top);
    ui.density.min = ui.density.floor;
    ui.density.max = static_cast<float>(top);
}

// Ward fill colours for the choropleth (grey where the statistic is unknown), and the legend.
void applyChoropleth(const Session& s, const MapUiState& ui, const MapAnalysis* a,
                     MapGeometry& geometry, MapOverlayInfo& info) {
    info.breaks = {};
    info.class_colours.clear();
    std::vector<Rgba> colours;
    if (ui.choropleth.on && a && a->profile) {
        const auto values = wardStatValues(*a->profile, s.wards().size(), ui.choropleth);
        std::vector<double> known;
        for (const auto& v : values)
            if (v)
                known.push_back(*v);
        info.breaks = computeBreaks(known, ui.choropleth.classes, ui.choropleth.method);
        info.class_colours =
            rampClasses(ui.choropleth.ramp, std::max<int>(2, static_cast<int>(info.breaks.size())));
        if (info.breaks.size() == 1)
            info.class_colours.resize(1);
        info.choropleth_title = std::string("Wards: ") + wardStatName(ui.choropleth.stat) + " (" +
                                breakMethodName(ui.choropleth.method) + ")";
        if (ui.choropleth.stat == WardStat::Layer &&
            ui.choropleth.layer < a->profile->layer_names.size())
            info.choropleth_title = "Wards: " + a->profile->layer_names[ui.choropleth.layer];
        for (const auto& v : values)
            colours.push_back(
                v && info.breaks.size() > 0
                    ? info.class_colours[static_cast<std::size_t>(info.breaks.classOf(*v))]
                    : Rgba{200, 200, 200, 255});
    } else {
        for (std::size_t w = 0; w < s.wards().size(); ++w)
            colours.push_back(wardPaletteColour(geometry.ward_colour_index[w]));
    }
    recolourWardFills(geometry, colours);
}

Box dataBounds(const Session& s) {
    Box bounds = s.wards().bounds();
    if (boxIsEmpty(bounds) && !s.incidents().empty())
        bounds = s.incidents().bounds();
    return bounds;
}

std::size_t updatePointStyles(std::vector<LayerDrawStyle>& styles, std::vector<std::size_t>& counts,
                              const Session& session, const MapGeometry& geometry,
                              const MapUiState& ui, const MapCamera& camera) {
    const auto& layers = session.layers();
    styles.resize(layers.size());
    counts.assign(styles.size(), 0);
    std::size_t drawn = 0;
    for (std::size_t l = 0; l < styles.size(); ++l) {
        styles[l].colour = layers[l].colour;
        styles[l].size_px = layers[l].point_size_px;
        styles[l].opacity = layers[l].point_opacity;
        styles[l].visible = layers[l].visible && ui.points_visible;
        styles[l].outside_opacity = ui.show_outside ? 0.25f : 0.0f;
        if (l >= geometry.layer_months.size())
            continue;
        const auto& months = geometry.layer_months[l];
        const std::size_t inside =
            l < geometry.layer_inside.size() ? geometry.layer_inside[l] : months.size();
        styles[l].range = monthRange(months, 0, inside, ui.from, ui.to);
        styles[l].outside = monthRange(months, inside, months.size(), ui.from, ui.to);
        counts[l] = styles[l].range.count;
        if (styles[l].visible)
            drawn += styles[l].range.count + (ui.show_outside ? styles[l].outside.count : 0);
    }
    // Level of detail: the share of the data's box in view decides the stride.
    double share = 1;
    const Box bounds = dataBounds(session), vis = camera.visibleWorld();
    if (!boxIsEmpty(bounds) && boxWidth(bounds) > 0 && boxHeight(bounds) > 0) {
        Box both;
        share = bg::intersection(vis, bounds, both)
                    ? boxWidth(both) * boxHeight(both) / (boxWidth(bounds) * boxHeight(bounds))
                    : 0;
    }
    const std::size_t k = pointStride(drawn, share, static_cast<std::size_t>(ui.point_budget));
    for (auto& st : styles)
        st.stride = k;
    return k;
}

std::string windowTitle(const Session& s) {
    if (!s.loaded())
        return "streetweek";
    if (s.synthetic())
        return "streetweek - SYNTHETIC SAMPLE DATA (not real crime data)";
    return "streetweek - " + std::filesystem::path(s.wards().source_path).filename().string();
}

} // namespace sw::ui
