// The after-action check.
#include "session/after_action.hpp"

#include "geo/polygon_buffer.hpp"

#include <cmath>

namespace sw {
namespace {

double studyKm2(const Session& session, const MultiPolygon& shape) {
    if (session.wards().empty())
        return shapeArea(shape) / 1e6;
    Box b;
    bg::envelope(shape, b);
    double m2 = 0;
    for (const auto& w : session.wards().wards) {
        Box wb;
        bg::envelope(w.shape, wb);
        if (!bg::intersects(b, wb))
            continue;
        MultiPolygon part;
        bg::intersection(shape, w.shape, part);
        m2 += shapeArea(part);
    }
    return m2 / 1e6;
}

Status checkCovered(const Session& session, const MonthSpan& span, const char* which) {
    if (session.months().covers(span.first, span.last))
        return okStatus();
    return Error{std::string("the ") + which + " period " + formatSpan(span) +
                 " has months without data (the data covers " + session.months().describe() +
                 "): the check needs every month of it"};
}

} // namespace

Result<AfterActionResult> afterAction(const Session& session, const TargetArea& area,
                                      const AfterActionRequest& req) {
    if (area.week == kNoDay)
        return badRequest("area " + area.id + " has no week: give it one with plan --set " +
                          area.id + ":week=YYYY-MM-DD");
    if (req.months < 1 || req.months > 24)
        return badRequest("the months before and after must be from 1 to 24");
    if (!(req.buffer_m > 0))
        return badRequest("the buffer must be a positive number of metres");
    AfterActionResult r;
    r.week_month = monthOfDay(area.week);
    r.before = {r.week_month - req.months, r.week_month - 1};
    r.after = {r.week_month + 1, r.week_month + req.months};
    for (auto [span, which] : {std::pair{r.before, "before"}, std::pair{r.after, "after"}})
        if (auto st = checkCovered(session, span, which); !st)
            return st.failure();
    if (area.status != AreaStatus::Done)
        r.notes.push_back("area " + area.id + " is " + statusName(area.status) +
                          ", not marked done");
    SelectionParams sel = req.selection;
    sel.from = r.before.first;
    sel.to = r.after.last;
    auto picked = selectIncidents(session, sel);
    if (!picked)
        return picked.failure();
    const MultiPolygon grown = geo::bufferPolygon(area.shape, req.buffer_m);
    MultiPolygon ring;
    bg::difference(grown, area.shape, ring);
    r.target_km2 = studyKm2(session, area.shape);
    r.buffer_km2 = studyKm2(session, ring);
    double study_km2 = 0;
    for (const auto& w : session.wards().wards)
        study_km2 += shapeArea(w.shape) / 1e6;
    r.control_km2 = std::max(0.0, study_km2 - r.target_km2 - r.buffer_km2);
    Box target_box, grown_box;
    bg::envelope(area.shape, target_box);
    bg::envelope(grown, grown_box);
    const Selection& s = picked.value();
    const auto& months = session.incidents().month;
    ZoneCounts& c = r.counts;
    for (std::size_t i = 0; i < s.rows.size(); ++i) {
        const MonthIndex m = months[s.rows[i]];
        if (m == r.week_month)
            continue;
        const bool after = m > r.week_month;
        const Point p(s.points.x[i], s.points.y[i]);
        double& n = bg::covered_by(p, target_box) && bg::covered_by(p, area.shape)
                        ? (after ? c.target_after : c.target_before)
                    : bg::covered_by(p, grown_box) && bg::covered_by(p, grown)
                        ? (after ? c.buffer_after : c.buffer_before)
                        : (after ? c.control_after : c.control_before);
        n += 1;
    }
    r.wdd = weightedDisplacementDifference(c);
    r.wdq = weightedDisplacementQuotient(c);
    r.wdq_interval = wdqBootstrap(c, req.bootstrap_draws, req.seed);
    r.small_counts =
        std::min({c.target_before, c.target_after, c.buffer_before, c.buffer_after}) < kSmallCount;
    for (const auto& n : s.notes)
        r.notes.push_back(n);
    return r;
}

} // namespace sw
