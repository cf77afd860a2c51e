// Hotspot delineation pipeline.
#include "session/hotspot_analysis.hpp"

#include "core/parallel.hpp"
#include "geo/ward_locator.hpp"
#include "io/region_polygons.hpp"
#include "session/study_area.hpp"

namespace sw {

Result<HotspotResult> findHotspots(const Session& session, const HotspotParams& p,
                                   Progress* progress) {
    auto sel = selectIncidents(session.incidents(), p.selection);
    if (!sel)
        return Error{sel.error()};
    return findHotspots(session, p, sel.value(), progress);
}

Result<HotspotResult> findHotspots(const Session& session, const HotspotParams& p,
                                   const Selection& selection, Progress* progress) {
    if (auto st = p.threshold.validate(); !st)
        return Error{st.error()};
    HotspotResult out;
    out.notes = selection.notes;
    const Box extent = p.kde.extent ? *p.kde.extent : studyExtent(session, p.kde.cell_size_m);
    auto kde = computeKde(selection.points, p.kde, extent, progress);
    if (!kde)
        return Error{kde.error()};
    out.density = std::move(kde.value());
    const Grid& g = out.density.grid;
    out.incidents = selection.points.x.size();
    if (out.density.empty_input)
        out.notes.push_back("no incidents selected: no hotspots");

    // The study area: cells whose centre lies in a ward.
    const std::vector<std::uint8_t> in_study =
        studyCells(session.wards(), g, resolveThreads(p.kde.threads));
    std::optional<geo::WardLocator> locator;
    if (!session.wards().empty()) {
        locator.emplace(session.wards());
        out.study_area_km2 = session.wards().areaKm2();
    } else {
        out.study_area_km2 = boxWidth(g.bounds()) * boxHeight(g.bounds()) / 1e6;
    }
    if (p.kde.edge_correct) {
        if (in_study.empty())
            out.notes.push_back("edge correction needs wards: not applied");
        else if (auto st = applyEdgeCorrection(out.density.grid, in_study, p.kde, progress); !st)
            return Error{st.error()};
    }
    out.threshold_value = thresholdValue(g, in_study, p.threshold);
    const RegionLabels regions = labelRegions(g, out.threshold_value, in_study);

    const auto& t = session.incidents();
    std::vector<std::int64_t> cells;
    std::vector<std::uint32_t> masks;
    const auto all_masks = p.selection.layers.empty() ? std::vector<std::uint32_t>{}
                                                      : layerMasks(p.selection.layers, t);
    for (auto row : selection.rows) {
        cells.push_back(cellIndex(g, t.x[row], t.y[row]));
        if (!all_masks.empty())
            masks.push_back(all_masks[row]);
    }
    const auto stats =
        hotspotStats(g, regions, cells, masks, p.selection.layers.size(), out.study_area_km2);
    auto shapes = io::polygonizeRegions(g, regions);
    if (!shapes)
        return Error{shapes.error()};
    for (const auto& s : stats) {
        Hotspot h;
        h.stats = s;
        h.shape = std::move(shapes.value()[static_cast<std::size_t>(s.region - 1)]);
        if (locator)
            for (auto w : locator->wardsIntersecting(h.shape))
                h.wards.push_back(session.wards().wards[static_cast<std::size_t>(w)].name);
        out.hotspots.push_back(std::move(h));
    }
    return out;
}

} // namespace sw
