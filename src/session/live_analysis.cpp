// Live analysis for the map: debounce, background job, latest result.
#include "session/live_analysis.hpp"

#include <chrono>

namespace sw {
namespace {

bool sameLayers(const std::vector<LayerRule>& a, const std::vector<LayerRule>& b) {
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (formatLayerRule(a[i]) != formatLayerRule(b[i]))
            return false;
    return true;
}

bool sameBox(const std::optional<Box>& a, const std::optional<Box>& b) {
    if (!a || !b)
        return !a && !b;
    return bg::equals(a->min_corner(), b->min_corner()) &&
           bg::equals(a->max_corner(), b->max_corner());
}

bool sameKde(const KdeParams& a, const KdeParams& b) {
    return a.kernel == b.kernel && a.radius_m == b.radius_m && a.cell_size_m == b.cell_size_m &&
           a.units == b.units && a.edge_correct == b.edge_correct && sameBox(a.extent, b.extent) &&
           a.threads == b.threads;
}

bool sameGiStar(const std::optional<GiStarParams>& a, const std::optional<GiStarParams>& b) {
    if (!a || !b)
        return !a && !b;
    return a->cell_size_m == b->cell_size_m && a->distance_m == b->distance_m && a->fdr == b->fdr &&
           sameBox(a->extent, b->extent);
}

} // namespace

bool MapAnalysisParams::operator==(const MapAnalysisParams& o) const {
    const auto& a = hotspots.density;
    const auto& b = o.hotspots.density;
    return a.selection.from == b.selection.from && a.selection.to == b.selection.to &&
           sameLayers(a.selection.layers, b.selection.layers) &&
           a.selection.layer_weights == b.selection.layer_weights &&
           a.selection.weight_column == b.selection.weight_column &&
           a.selection.harm == b.selection.harm && sameKde(a.kde, b.kde) &&
           a.radius_rule == b.radius_rule && hotspots.threshold.mode == o.hotspots.threshold.mode &&
           hotspots.threshold.amount == o.hotspots.threshold.amount && sameGiStar(gistar, o.gistar);
}

Result<MapAnalysis> runMapAnalysis(const Session& session, const MapAnalysisParams& params,
                                   Progress* progress) {
    const auto t0 = std::chrono::steady_clock::now();
    MapAnalysis out;
    out.params = params;
    const SelectionParams& selection = params.hotspots.density.selection;
    auto sel = selectIncidents(session, selection);
    if (!sel)
        return sel.failure();
    auto hot = findHotspots(session, params.hotspots, sel.value(), progress);
    if (!hot)
        return hot.failure();
    out.hotspots = std::move(hot.value());
    if (progress && progress->cancelled())
        return Error{"cancelled"};
    if (params.gistar) {
        auto gi = giStarHotspots(session, {selection, *params.gistar}, sel.value(), progress);
        if (!gi)
            return gi.failure();
        out.gistar = std::move(gi.value().result);
    }
    if (!session.wards().empty()) {
        ProfileParams pp;
        pp.from = selection.from;
        pp.to = selection.to;
        pp.layers = selection.layers;
        auto prof = session.wardProfile(pp);
        if (prof) {
            // The chart spans every loaded month; its crime types are the profile's period.
            const MonthSpan loaded{session.months().first(), session.months().last()};
            out.ward_charts = countForWardCharts(session.incidents(), selection.layers, loaded,
                                                 {prof.value().from, prof.value().to},
                                                 session.months(), session.wards().size());
            out.profile = std::move(prof.value());
        }
    }
    out.bandwidths = radiusSuggestions(sel.value().points, params.hotspots.density.kde.kernel);
    out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return out;
}

void LiveAnalysis::request(const MapAnalysisParams& params, double now_s) {
    if (wanted_ && *wanted_ == params)
        return;
    wanted_ = params;
    pending_ = true;
    requested_at_ = now_s;
}

bool LiveAnalysis::poll(const Session& session, double now_s) {
    bool installed = false;
    if (auto r = job_.take()) {
        if (r->ok()) {
            result_ = std::move(r->value());
            ++generation_;
            error_.clear();
            installed = true;
        } else if (r->error() != "cancelled") {
            error_ = r->error();
        }
    }
    if (pending_ && now_s - requested_at_ >= kDebounceSeconds) {
        pending_ = false;
        const MapAnalysisParams p = *wanted_;
        const Session* s = &session;
        job_.start([s, p](Progress& progress) { return runMapAnalysis(*s, p, &progress); });
    }
    return installed;
}

void LiveAnalysis::stop() {
    job_.stop();
    (void)job_.take();
    pending_ = false;
    wanted_.reset();
}

} // namespace sw
