// Candidates from a uniform-kernel surface, blocked by the plan, chosen exactly.
#include "session/street_week_suggest.hpp"

#include "core/calendar_date.hpp"
#include "core/kde.hpp"
#include "core/parallel.hpp"
#include "session/study_area.hpp"

#include <algorithm>
#include <cmath>

namespace sw {
namespace {

// Planned areas, zones and recent visits a new area must keep clear of.
std::vector<const TargetArea*> blockingAreas(const SuggestRequest& r, MonthIndex period_end) {
    std::vector<const TargetArea*> out;
    for (const auto& a : r.planned) {
        if (a.status == AreaStatus::Done && a.week != kNoDay && !a.excluded &&
            period_end - monthOfDay(a.week) >= r.revisit_months)
            continue; // visited long enough ago to go back
        out.push_back(&a);
    }
    return out;
}

Status checkRequest(const SuggestRequest& r) {
    if (r.weeks < 1 || r.weeks > 52)
        return badRequest("--weeks must be 1 to 52, got " + std::to_string(r.weeks));
    if (!(r.radius_m >= 25 && r.radius_m <= 5000))
        return badRequest("--radius must be 25 to 5000 m");
    if (!(r.min_gap_m >= 0 && r.min_gap_m <= 50000))
        return badRequest("--min-gap must be 0 to 50000 m");
    if (r.step_m != 0 && !(r.step_m >= r.radius_m / 20 && r.step_m <= r.radius_m))
        return badRequest("the candidate step must be between a twentieth of the radius and "
                          "the radius");
    return okStatus();
}

} // namespace

Result<SuggestResult> suggestAreas(const Session& session, const SuggestRequest& request,
                                   Progress* progress) {
    if (auto st = checkRequest(request); !st)
        return st.failure();
    if (session.wards().empty())
        return badRequest("suggesting areas needs wards (the study area): give --wards");
    auto sel = selectIncidents(session, request.selection);
    if (!sel)
        return sel.failure();
    SuggestResult out;
    out.notes = sel.value().notes;
    const WeightedPoints& pts = sel.value().points;
    for (std::size_t i = 0; i < pts.x.size(); ++i)
        out.total_weight += pts.w.empty() ? 1.0 : pts.w[i];
    if (pts.x.empty())
        return Error{"no incidents of the period and layers lie in the study area"};

    // Each candidate's capture: the weighted count within the radius of its centre.
    KdeParams k;
    k.kernel = KernelShape::Uniform;
    k.units = DensityUnits::Raw;
    k.radius_m = request.radius_m;
    k.cell_size_m = request.step_m > 0 ? request.step_m : request.radius_m / 3;
    const Box extent = studyExtent(session, k.cell_size_m);
    k.extent = extent;
    auto density = computeKde(pts, k, extent, progress);
    if (!density)
        return density.failure();
    const Grid& g = density.value().grid;
    const auto in_study = studyCells(session.wards(), g, resolveThreads(0));

    const MonthIndex end =
        request.selection.to != kNoMonth ? request.selection.to : session.months().last();
    const auto blocking = blockingAreas(request, end);
    const double clearance = request.radius_m + request.min_gap_m;
    std::vector<AreaCandidate> candidates;
    for (std::size_t r = 0; r < g.rows; ++r)
        for (std::size_t c = 0; c < g.cols; ++c) {
            const std::size_t i = r * g.cols + c;
            if (!in_study.empty() && !in_study[i])
                continue;
            ++out.candidates;
            const Point centre(g.cellCentreX(c), g.cellCentreY(r));
            bool blocked = false;
            for (const TargetArea* a : blocking)
                if (bg::distance(centre, a->shape) < clearance) {
                    blocked = true;
                    break;
                }
            if (blocked) {
                ++out.blocked;
                continue;
            }
            if (g.values[i] > 0)
                candidates.push_back({centre.x(), centre.y(), g.values[i]});
        }
    if (progress && progress->cancelled())
        return Error{"cancelled"};

    AreaChoiceParams cp;
    cp.k = request.weeks;
    cp.min_centre_distance = 2 * request.radius_m + request.min_gap_m;
    cp.time_limit_s = request.time_limit_s;
    out.choice = chooseAreas(candidates, cp, progress);

    AreaStatsRequest sr;
    sr.selection = request.selection;
    auto stats = AreaStatistics::prepare(session, sr);
    if (!stats)
        return stats.failure();
    std::vector<TargetArea> ids = request.planned;
    const auto describe = [&](std::size_t ci) {
        SuggestedArea s;
        s.area.id = nextAreaId(ids);
        s.area.shape_kind = AreaShape::Circle;
        s.area.centre = Point(candidates[ci].x, candidates[ci].y);
        s.area.radius_m = request.radius_m;
        s.area.shape = circleShape(s.area.centre, request.radius_m);
        s.captured = candidates[ci].value;
        s.stats = stats.value().of(s.area.shape);
        s.area.name = areaNameFrom(s.stats, s.area.id);
        return s;
    };
    for (std::size_t ci : out.choice.chosen) {
        out.areas.push_back(describe(ci));
        ids.push_back(out.areas.back().area);
    }
    for (std::size_t ci : out.choice.greedy)
        out.greedy.push_back(describe(ci));
    if (out.areas.size() < request.weeks)
        out.notes.push_back("only " + std::to_string(out.areas.size()) + " of the " +
                            std::to_string(request.weeks) +
                            " areas fit: the rest of the study area has no incidents clear of "
                            "the planned areas and the gap");
    return out;
}

} // namespace sw
