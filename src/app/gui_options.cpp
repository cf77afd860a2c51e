// GUI start-up options.
#include "app/gui_options.hpp"

#include <algorithm>

namespace sw::app {

void applyOptions(const cli::GuiOptions& o, ui::MapUiState& ui, Session& session) {
    ui.from = o.from;
    ui.to = o.to;
    ui.density.visible = ui.density.visible && o.density;
    ui.hotspots_visible = ui.hotspots_visible && o.hotspots;
    ui.points_visible = ui.points_visible && o.points;
    ui.hide_panels = o.hide_panels;
    ui.harm = o.harm;
    ui.harm_path = o.harm.file;
    ui.show_help = o.show_help;
    if (auto r = parseRamp(o.ramp))
        ui.density.ramp = *r;
    if (o.radius_m > 0)
        ui.kde.radius_m = o.radius_m;
    if (o.cell_m > 0)
        ui.kde.cell_size_m = o.cell_m;
    if (!o.choropleth.empty()) {
        ui.choropleth.on = true;
        ui.choropleth.stat = o.choropleth == "rate"         ? ui::WardStat::Rate
                             : o.choropleth == "change"     ? ui::WardStat::Change
                             : o.choropleth == "change_pct" ? ui::WardStat::ChangePct
                                                            : ui::WardStat::Count;
        ui.choropleth.ramp = (ui.choropleth.stat == ui::WardStat::Change ||
                              ui.choropleth.stat == ui::WardStat::ChangePct)
                                 ? Ramp::RdBu
                                 : Ramp::Blues;
    }
    if (o.gistar)
        ui.gistar_visible = true;
    if (o.breaks == "quantiles")
        ui.choropleth.method = BreakMethod::Quantiles;
    else if (o.breaks == "jenks")
        ui.choropleth.method = BreakMethod::NaturalBreaks;
    if (!o.layer_rules.empty())
        session.layers() = o.layer_rules;
    auto& layers = session.layers();
    if (const LayerRule* l = o.edit_layer.empty() ? nullptr : session.findLayer(o.edit_layer))
        ui.layer_draft = ui::draftFor(layers, static_cast<std::size_t>(l - layers.data()));
    if (!o.visible_layers.empty())
        for (auto& l : layers)
            l.visible = std::any_of(
                o.visible_layers.begin(), o.visible_layers.end(), [&l](const std::string& name) {
                    return equalsIgnoreCase(l.name, name) || equalsIgnoreCase(l.key, name);
                });
}

} // namespace sw::app
