// Panel layout for one frame.
#include "ui/map_panels.hpp"

#include "ui/help_panel.hpp"
#include "ui/hotspots_panel.hpp"
#include "ui/layer_editor_panel.hpp"
#include "ui/layers_panel.hpp"
#include "ui/load_report_panel.hpp"
#include "ui/period_panel.hpp"
#include "ui/wards_panel.hpp"

namespace sw::ui {

PanelRequests drawPanels(PanelState& p, Session& session, SessionJobs& jobs,
                         const MapGeometry& geometry, int window_width, int window_height,
                         double now_s) {
    PanelRequests out;
    drawLayersPanel(session, p.ui, p.period_counts, geometry.layer_counts, p.view.ward_fill_opacity,
                    p.view.show_labels);
    drawLayerEditorPanel(session, p.ui);
    drawLoadReportPanel(session, p.load_error, jobs.loading(), jobs.loadFraction());
    if (session.loaded()) {
        drawPeriodPanel(p.ui, session, now_s);
        if (auto z = drawHotspotsPanel(p.ui, session, jobs.live()))
            out.zoom = z;
        const auto& result = jobs.live().result();
        if (auto z = drawWardsPanel(
                p.ui, session, result && result->profile ? &*result->profile : nullptr,
                result && result->ward_charts ? &*result->ward_charts : nullptr))
            out.zoom = z;
    }
    drawHelpPanel(p.ui.show_help);
    drawSaveImagePanel(p.save, window_width, window_height, p.ui.from, p.ui.to);
    out.load = drawDataPanel(p.data, session, jobs.loading());
    return out;
}

} // namespace sw::ui
