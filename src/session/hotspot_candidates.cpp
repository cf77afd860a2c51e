// Hotspot polygons at several thresholds as Suggest's candidates.
#include "session/hotspot_candidates.hpp"

#include "core/hotspots.hpp"
#include "core/parallel.hpp"
#include "io/region_polygons.hpp"
#include "session/analysis_actions.hpp"
#include "session/study_area.hpp"

#include <algorithm>
#include <map>

namespace sw {
namespace {

constexpr double kLadder[] = {20, 10, 5, 2, 1, 0.5, 0.25}; // top % of the study area's cells

bool tooClose(const MultiPolygon& a, const Box& ab, const MultiPolygon& b, const Box& bb,
              double gap) {
    Box grown = ab;
    expandBox(grown, ab.min_corner().x() - gap, ab.min_corner().y() - gap);
    expandBox(grown, ab.max_corner().x() + gap, ab.max_corner().y() + gap);
    if (!bg::intersects(grown, bb))
        return false;
    return bg::intersects(a, b) || bg::distance(a, b) < gap;
}

} // namespace

Result<HotspotCandidates> hotspotCandidates(const Session& session, const Selection& selection,
                                            const HotspotCandidateRequest& req,
                                            Progress* progress) {
    if (!(req.max_area_km2 > req.min_area_km2))
        return badRequest("the maximum area must be more than " + std::to_string(req.min_area_km2) +
                          " km2");
    auto resolved = resolveKde(session, req.kde, BandwidthRule::Fixed, selection.points);
    if (!resolved)
        return resolved.failure();
    auto kde =
        computeKde(selection.points, resolved.value().kde, resolved.value().extent, progress);
    if (!kde)
        return kde.failure();
    const Grid& g = kde.value().grid;
    const auto in_study = studyCells(session.wards(), g, resolveThreads(0));
    const auto& pts = selection.points;
    std::vector<std::int64_t> cell(pts.x.size());
    for (std::size_t i = 0; i < pts.x.size(); ++i)
        cell[i] = cellIndex(g, pts.x[i], pts.y[i]);
    const double cell_km2 = g.cell * g.cell / 1e6;

    HotspotCandidates out;
    std::map<std::pair<std::size_t, std::int64_t>, bool> seen; // (cells, first cell): a region
    std::vector<Box> boxes;
    for (double pct : kLadder) {
        if (progress && progress->cancelled())
            return Error{"cancelled"};
        HotspotThreshold t;
        t.amount = pct;
        const RegionLabels regions = labelRegions(g, thresholdValue(g, in_study, t), in_study);
        std::vector<std::size_t> cells(static_cast<std::size_t>(regions.count) + 1, 0);
        std::vector<std::int64_t> first(cells.size(), -1);
        for (std::size_t c = 0; c < regions.label.size(); ++c)
            if (const auto l = regions.label[c]; l > 0) {
                ++cells[static_cast<std::size_t>(l)];
                if (first[static_cast<std::size_t>(l)] < 0)
                    first[static_cast<std::size_t>(l)] = static_cast<std::int64_t>(c);
            }
        std::vector<double> value(cells.size(), 0);
        for (std::size_t i = 0; i < cell.size(); ++i)
            if (cell[i] >= 0)
                if (const auto l = regions.label[static_cast<std::size_t>(cell[i])]; l > 0)
                    value[static_cast<std::size_t>(l)] += pts.w.empty() ? 1.0 : pts.w[i];
        auto shapes = io::polygonizeRegions(g, regions);
        if (!shapes)
            return shapes.failure();
        for (std::size_t l = 1; l < cells.size(); ++l) {
            const double km2 = static_cast<double>(cells[l]) * cell_km2;
            if (km2 > req.max_area_km2) {
                if (pct == kLadder[std::size(kLadder) - 1])
                    ++out.too_large;
                continue;
            }
            if (km2 < req.min_area_km2 || !(value[l] > 0) || seen[{cells[l], first[l]}])
                continue;
            seen[{cells[l], first[l]}] = true;
            PolygonCandidate c;
            c.shape = std::move(shapes.value()[l - 1]);
            c.value = value[l];
            c.threshold_pct = pct;
            bg::centroid(c.shape, c.centre);
            Box b;
            bg::envelope(c.shape, b);
            bool blocked = false;
            for (const TargetArea* a : req.blocking) {
                Box ab;
                bg::envelope(a->shape, ab);
                blocked = blocked || tooClose(c.shape, b, a->shape, ab, req.min_gap_m);
            }
            if (blocked) {
                ++out.blocked;
                continue;
            }
            boxes.push_back(b);
            out.candidates.push_back(std::move(c));
        }
    }
    out.conflicts.resize(out.candidates.size());
    for (std::size_t a = 0; a < out.candidates.size(); ++a)
        for (std::size_t b = a + 1; b < out.candidates.size(); ++b)
            if (tooClose(out.candidates[a].shape, boxes[a], out.candidates[b].shape, boxes[b],
                         req.min_gap_m)) {
                out.conflicts[a].push_back(b);
                out.conflicts[b].push_back(a);
            }
    for (auto& c : out.conflicts)
        std::sort(c.begin(), c.end());
    return out;
}

} // namespace sw
