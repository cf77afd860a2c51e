// Live analysis for the map: debounce, background job, latest result.
#include "session/live_analysis.hpp"

#include "core/parallel.hpp"
#include "session/study_area.hpp"

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

// Gi* on the selected incidents over the study area (cells whose centre is in a ward).
Result<GiStarResult> mapGiStar(const Session& session, GiStarParams gp,
                               const WeightedPoints& points, unsigned threads) {
    const Box extent = resolveGiStarGrid(session, gp);
    if (boxIsEmpty(extent))
        return Error{"Gi*: no data"};
    if (auto st = gp.validate(extent); !st)
        return Error{st.error()};
    const auto study = studyCells(session.wards(), makeGrid(extent, gp.cell_size_m), threads);
    return computeGiStar(points, extent, gp, study);
}

} // namespace

bool MapAnalysisParams::operator==(const MapAnalysisParams& o) const {
    const auto& a = hotspots.selection;
    const auto& b = o.hotspots.selection;
    return a.from == b.from && a.to == b.to && sameLayers(a.layers, b.layers) &&
           a.layer_weights == b.layer_weights && a.weight_column == b.weight_column &&
           sameKde(hotspots.kde, o.hotspots.kde) &&
           hotspots.threshold.mode == o.hotspots.threshold.mode &&
           hotspots.threshold.amount == o.hotspots.threshold.amount && sameGiStar(gistar, o.gistar);
}

Result<MapAnalysis> runMapAnalysis(const Session& session, const MapAnalysisParams& params,
                                   Progress* progress) {
    const auto t0 = std::chrono::steady_clock::now();
    MapAnalysis out;
    out.params = params;
    auto sel = selectIncidents(session.incidents(), params.hotspots.selection);
    if (!sel)
        return Error{sel.error()};
    auto hot = findHotspots(session, params.hotspots, sel.value(), progress);
    if (!hot)
        return Error{hot.error()};
    out.hotspots = std::move(hot.value());
    if (progress && progress->cancelled())
        return Error{"cancelled"};
    if (params.gistar) {
        auto gi = mapGiStar(session, *params.gistar, sel.value().points,
                            resolveThreads(params.hotspots.kde.threads));
        if (!gi)
            return Error{gi.error()};
        out.gistar = std::move(gi.value());
    }
    if (!session.wards().empty()) {
        ProfileParams pp;
        pp.from = params.hotspots.selection.from;
        pp.to = params.hotspots.selection.to;
        pp.layers = params.hotspots.selection.layers;
        auto prof = session.wardProfile(pp);
        if (prof)
            out.profile = std::move(prof.value());
    }
    if (!sel.value().points.x.empty()) {
        const auto& pts = sel.value().points;
        const KernelShape k = params.hotspots.kde.kernel;
        out.bandwidths.push_back({BandwidthRule::ArcGis, std::round(arcgisDefaultRadius(pts)),
                                  "ArcGIS default",
                                  "0.9 min(SD, sqrt(1/ln 2) Dm) n^-0.2 from the spread of the "
                                  "incidents (ArcGIS Kernel Density's default)"});
        out.bandwidths.push_back({BandwidthRule::Scott, std::round(scottRadius(pts, k)),
                                  "Scott's rule",
                                  "from the standard deviation of the coordinates; smooth, "
                                  "good for a district-wide picture"});
    }
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
