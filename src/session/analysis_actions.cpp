// The density, Gi* and emerging hot spot actions (hotspots are in hotspot_analysis.cpp, the
// defaults in analysis_defaults.cpp).
#include "session/analysis_actions.hpp"

#include "core/parallel.hpp"
#include "session/selection_density.hpp"
#include "session/study_area.hpp"

namespace sw {
namespace {

// The KDE of one selection on a resolved grid, edge-corrected when the request asks.
Result<KdeResult> surface(const Session& session, const Selection& sel, const ResolvedKde& r,
                          const std::vector<std::uint8_t>& study, std::vector<std::string>& notes,
                          Progress* progress) {
    auto res = selectionDensity(session, sel, r.kde, r.extent, notes, progress);
    if (!res)
        return res.failure();
    if (r.kde.edge_correct)
        if (auto st = applyEdgeCorrection(res.value().grid, study, r.kde, progress); !st)
            return st.failure();
    return res;
}

} // namespace

Result<MonthSpan> monthsForTrend(const MonthCoverage& coverage, const MonthSpan& period) {
    const std::string need = "emerging hot spots need at least " + std::to_string(kMinTrendMonths) +
                             " consecutive months with data";
    if (period.length() < kMinTrendMonths)
        return badRequest(need + ": the period " + formatSpan(period) + " has " +
                          std::to_string(period.length()) + " month(s)");
    MonthSpan best{kNoMonth, kNoMonth};
    for (const auto& r : coverage.runs(period.first, period.last))
        if (best.first == kNoMonth || r.length() >= best.length())
            best = r; // the longest; the latest of equals
    if (best.first == kNoMonth || best.length() < kMinTrendMonths)
        return Error{need + ": " + formatSpan(period) + " has " +
                     (best.first == kNoMonth ? std::string("none")
                                             : "at most " + std::to_string(best.length()) + " (" +
                                                   formatSpan(best) + ")") +
                     "; the data covers " + coverage.describe()};
    return best;
}

Result<DensityResult> densitySurface(const Session& session, const KdeRequest& request,
                                     const std::optional<DualKdeRequest>& dual,
                                     Progress* progress) {
    auto sel = selectIncidents(session, request.selection);
    if (!sel)
        return sel.failure();
    auto resolved = resolveKde(session, request.kde, request.radius_rule, sel.value().points);
    if (!resolved)
        return resolved.failure();
    DensityResult out;
    out.resolved = std::move(resolved.value());
    out.incidents = sel.value().points.x.size();
    out.notes = sel.value().notes;
    const ResolvedKde& r = out.resolved;
    std::vector<std::uint8_t> study;
    if (r.kde.edge_correct) {
        if (session.wards().empty())
            return badRequest("--edge-correct needs --wards (the study area)");
        study = studyCells(session.wards(), makeGrid(r.extent, r.kde.cell_size_m),
                           resolveThreads(r.kde.threads));
    }
    auto a = surface(session, sel.value(), r, study, out.notes, progress);
    if (!a)
        return a.failure();
    out.density = std::move(a.value());
    if (!dual)
        return out;

    auto sel_b = selectIncidents(session, dual->compare);
    if (!sel_b)
        return sel_b.failure();
    auto b = surface(session, sel_b.value(), r, study, out.notes, progress);
    if (!b)
        return b.failure();
    auto d = dualSurface(out.density.grid, b.value().grid, dual->mode);
    if (!d)
        return d.failure();
    out.density.grid = std::move(d.value());
    out.compare_incidents = sel_b.value().points.x.size();
    out.dual_note = std::string(dual->mode == DualMode::Ratio ? "ratio" : "difference") +
                    " against " + dual->label + " (" + std::to_string(out.compare_incidents) +
                    " incidents)";
    return out;
}

Result<GiStarSpots> giStarHotspots(const Session& session, const GiStarRequest& request,
                                   Progress* progress) {
    auto sel = selectIncidents(session, request.selection);
    if (!sel)
        return sel.failure();
    return giStarHotspots(session, request, sel.value(), progress);
}

Result<GiStarSpots> giStarHotspots(const Session& session, const GiStarRequest& request,
                                   const Selection& selection, Progress* progress) {
    auto resolved = resolveGiStar(session, request.gi);
    if (!resolved)
        return resolved.failure();
    GiStarSpots out;
    out.resolved = std::move(resolved.value());
    out.incidents = selection.points.x.size();
    out.notes = selection.notes;
    const ResolvedGiStar& r = out.resolved;
    const auto study =
        studyCells(session.wards(), makeGrid(r.extent, r.gi.cell_size_m), resolveThreads(0));
    if (progress && progress->cancelled())
        return Error{"cancelled"};
    auto res = computeGiStar(selection.points, r.extent, r.gi, study);
    if (!res)
        return res.failure();
    out.result = std::move(res.value());
    return out;
}

Result<EmergingSpots> emergingHotspots(const Session& session, const EmergingRequest& request,
                                       Progress* progress) {
    const IncidentTable& table = session.incidents();
    auto sel = selectIncidents(session, request.selection);
    if (!sel)
        return sel.failure();
    EmergingSpots out;
    const SelectionParams& sp = request.selection;
    out.first = sp.from != kNoMonth ? sp.from : session.months().first();
    out.last = sp.to != kNoMonth ? sp.to : session.months().last();
    if (out.first == kNoMonth || out.last == kNoMonth || out.last < out.first)
        return Error{"no months to analyse (the incidents carry no month)"};
    // The months every source of the selected layers covers (a partner's extract too).
    const MonthCoverage months = session.monthsOf(sp.layers);
    auto run = monthsForTrend(months, {out.first, out.last});
    if (!run)
        return run.failure();
    if (run.value().first != out.first || run.value().last != out.last)
        out.notes.push_back("used " + formatSpan(run.value()) +
                            ", the longest run of consecutive months with data in " +
                            formatSpan({out.first, out.last}) + " (no data for " +
                            formatSpans(months.gaps(out.first, out.last)) + ")");
    out.first = run.value().first;
    out.last = run.value().last;
    const Selection& s = sel.value();
    std::vector<WeightedPoints> per_month(static_cast<std::size_t>(out.last - out.first + 1));
    for (std::size_t i = 0; i < s.rows.size(); ++i) {
        const MonthIndex m = table.month[s.rows[i]];
        if (m < out.first || m > out.last)
            continue;
        WeightedPoints& w = per_month[static_cast<std::size_t>(m - out.first)];
        w.x.push_back(s.points.x[i]);
        w.y.push_back(s.points.y[i]);
        if (!s.points.w.empty())
            w.w.push_back(s.points.w[i]);
    }
    auto resolved = resolveGiStar(session, request.emerging.gi);
    if (!resolved)
        return resolved.failure();
    out.resolved = std::move(resolved.value());
    EmergingParams ep = request.emerging;
    ep.gi = out.resolved.gi;
    if (auto st = ep.validate(per_month.size()); !st)
        return st.failure();
    const auto study = studyCells(session.wards(), makeGrid(out.resolved.extent, ep.gi.cell_size_m),
                                  resolveThreads(0));
    auto res = computeEmergingHotspots(per_month, out.resolved.extent, ep, study, progress);
    if (!res)
        return res.failure();
    out.result = std::move(res.value());
    out.incidents = 0;
    for (const auto& w : per_month)
        out.incidents += w.x.size();
    out.notes.insert(out.notes.begin(), s.notes.begin(), s.notes.end());
    return out;
}

} // namespace sw
