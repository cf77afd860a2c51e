// The hotspot action: select incidents, KDE (edge-corrected when asked), a threshold within
// the study area, 8-connected regions, polygons (GDAL polygonize), and per-hotspot statistics
// with the wards each one overlaps.
#include "core/parallel.hpp"
#include "geo/ward_locator.hpp"
#include "io/density_contours.hpp"
#include "io/region_polygons.hpp"
#include "session/analysis_actions.hpp"
#include "session/selection_density.hpp"
#include "session/study_area.hpp"

namespace sw {

Result<HotspotResult> findHotspots(const Session& session, const HotspotRequest& request,
                                   Progress* progress) {
    auto sel = selectIncidents(session, request.density.selection);
    if (!sel)
        return sel.failure();
    return findHotspots(session, request, sel.value(), progress);
}

Result<HotspotResult> findHotspots(const Session& session, const HotspotRequest& request,
                                   const Selection& selection, Progress* progress) {
    if (auto st = request.threshold.validate(); !st)
        return st.failure();
    const KdeRequest& dr = request.density;
    auto resolved = resolveKde(session, dr.kde, dr.radius_rule, selection.points);
    if (!resolved)
        return resolved.failure();
    HotspotResult out;
    out.resolved = std::move(resolved.value());
    const KdeParams& k = out.resolved.kde;
    out.notes = selection.notes;
    auto kde = selectionDensity(session, selection, k, out.resolved.extent, out.notes, progress);
    if (!kde)
        return kde.failure();
    out.density = std::move(kde.value());
    const Grid& g = out.density.grid;
    out.incidents = selection.points.x.size();
    out.outside_study_area = selection.outside_study_area;
    if (out.density.empty_input)
        out.notes.push_back("no incidents selected: no hotspots");

    // The study area: cells whose centre lies in a ward.
    const std::vector<std::uint8_t> in_study =
        studyCells(session.wards(), g, resolveThreads(k.threads));
    std::optional<geo::WardLocator> locator;
    if (!session.wards().empty()) {
        locator.emplace(session.wards());
        out.study_area_km2 = session.wards().areaKm2();
    } else {
        out.study_area_km2 = boxWidth(g.bounds()) * boxHeight(g.bounds()) / 1e6;
    }
    if (k.edge_correct) {
        if (in_study.empty())
            out.notes.push_back("edge correction needs wards: not applied");
        else if (auto st = applyEdgeCorrection(out.density.grid, in_study, k, progress); !st)
            return st.failure();
    }
    out.threshold_value = thresholdValue(g, in_study, request.threshold);
    const RegionLabels regions = labelRegions(g, out.threshold_value, in_study);

    const auto& t = session.incidents();
    const auto& layers = dr.selection.layers;
    std::vector<std::int64_t> cells;
    std::vector<std::uint32_t> masks;
    const auto all_masks = layers.empty() ? std::vector<std::uint32_t>{} : layerMasks(layers, t);
    for (auto row : selection.rows) {
        cells.push_back(cellIndex(g, t.x[row], t.y[row]));
        if (!all_masks.empty())
            masks.push_back(all_masks[row]);
    }
    const auto stats = hotspotStats(g, regions, cells, masks, layers.size(), out.study_area_km2);
    auto shapes = io::polygonizeRegions(g, regions);
    if (!shapes)
        return shapes.failure();
    // The pictures' outlines: the threshold's contour (the cells' shape where it fails).
    auto outlines = io::contourRegions(g, regions, out.threshold_value, in_study, shapes.value());
    for (const auto& s : stats) {
        Hotspot h;
        h.stats = s;
        const auto i = static_cast<std::size_t>(s.region - 1);
        h.shape = std::move(shapes.value()[i]);
        h.outline = outlines ? std::move(outlines.value()[i]) : h.shape;
        if (locator)
            for (auto w : locator->wardsIntersecting(h.shape))
                h.wards.push_back(session.wards().wards[static_cast<std::size_t>(w)].name);
        out.hotspots.push_back(std::move(h));
    }
    return out;
}

} // namespace sw
