// The after-action check.
#include "session/after_action.hpp"

#include "geo/polygon_buffer.hpp"
#include "session/area_statistics.hpp"

#include <cmath>
#include <cstdarg>
#include <cstdio>

namespace sw {
namespace {

double studyKm2(const Session& session, const MultiPolygon& shape) {
    if (session.wards().empty())
        return shapeArea(shape) / 1e6;
    double km2 = 0;
    for (const WardPart& p : wardParts(session.wards(), shape))
        km2 += p.km2;
    return km2;
}

// Every month compared must have data from every source of the layers counted: a partner's
// extract that stops before the week cannot show a fall after it.
Status checkCovered(const Session& session, const std::vector<LayerRule>& layers,
                    const MonthSpan& span, const char* which) {
    const MonthCoverage own = session.monthsOf(layers);
    if (session.months().covers(span.first, span.last) && own.covers(span.first, span.last))
        return okStatus();
    const bool load = !session.months().covers(span.first, span.last);
    return Error{std::string("the ") + which + " period " + formatSpan(span) +
                 " has months without data (" +
                 (load ? "the data covers " + session.months().describe()
                       : "the sources of the layers counted cover " + own.describe()) +
                 "): the check needs every month of it"};
}

// The other areas of the plan whose week falls (in part) within the months compared, grown by
// the buffer, outside this area's target and buffer (`grown`): left out of the control.
Result<MultiPolygon> otherWorkedAreas(const TargetArea& area, const MultiPolygon& grown,
                                      const AfterActionRequest& req, AfterActionResult& r) {
    MultiPolygon out;
    try {
        for (const auto& o : req.plan_areas) {
            if (o.id == area.id || o.week == kNoDay)
                continue;
            if (monthOfDay(o.week + 6) < r.before.first || monthOfDay(o.week) > r.after.last)
                continue;
            const MultiPolygon g = geo::bufferPolygon(o.shape, req.buffer_m);
            if (g.empty())
                return Error{"area " + o.id +
                             ": its buffer could not be built (is the shape "
                             "valid?), so it cannot be left out of " +
                             area.id + "'s control"};
            MultiPolygon u;
            bg::union_(out, g, u);
            out = std::move(u);
            r.left_out.push_back(o.id);
        }
        if (!out.empty()) {
            MultiPolygon d;
            bg::difference(out, grown, d);
            out = std::move(d);
        }
    } catch (const std::exception& e) {
        return Error{"area " + area.id +
                     ": the plan's other areas could not be left out of the "
                     "control (" +
                     e.what() + ")"};
    }
    return out;
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
    // A week crossing a month's end leaves both months out.
    r.week_month = monthOfDay(area.week);
    r.week_last_month = monthOfDay(area.week + 6);
    r.before = {r.week_month - req.months, r.week_month - 1};
    r.after = {r.week_last_month + 1, r.week_last_month + req.months};
    if (req.weeks < 0 || req.weeks > 104)
        return badRequest("the weeks before and after must be from 1 to 104");
    // Which of the layers' sources are read by day (dated, with --weeks) and which by month.
    const IncidentTable& table = session.incidents();
    std::vector<std::uint8_t> by_day_source(table.sources.size(), 0);
    if (req.weeks > 0) {
        r.before_first_day = area.week - 7 * req.weeks;
        r.before_last_day = area.week - 1;
        r.after_first_day = area.week + 7;
        r.after_last_day = area.week + 6 + 7 * req.weeks;
        std::vector<std::uint8_t> rows;
        if (!req.selection.layers.empty()) {
            const auto masks = layerMasks(req.selection.layers, table);
            rows.resize(masks.size());
            for (std::size_t i = 0; i < masks.size(); ++i)
                rows[i] = masks[i] != 0;
        }
        for (std::size_t s : coverageOf(table, rows).sources) {
            const IncidentSource& src = table.sources[s];
            by_day_source[s] = src.dated() ? 1 : 0;
            (src.dated() ? r.by_days : r.by_months).push_back(src.name);
            // A dated source must cover the months its days fall in.
            const MonthSpan b{monthOfDay(r.before_first_day), monthOfDay(r.before_last_day)};
            const MonthSpan a{monthOfDay(r.after_first_day), monthOfDay(r.after_last_day)};
            for (auto [span, which] : {std::pair{b, "before"}, std::pair{a, "after"}})
                if (src.dated() && !src.months.covers(span.first, span.last))
                    return Error{std::string("the ") + which + " weeks (" + formatSpan(span) +
                                 ") are not all covered by " + src.name + " (it covers " +
                                 src.months.describe() + ")"};
        }
        if (r.by_months.empty()) { // every source dated: the months are the days' months
            r.before = {monthOfDay(r.before_first_day), monthOfDay(r.before_last_day)};
            r.after = {monthOfDay(r.after_first_day), monthOfDay(r.after_last_day)};
        } else {
            std::string names;
            for (const auto& n : r.by_months)
                names += (names.empty() ? "" : ", ") + n;
            r.notes.push_back(names + " give months only: read as " + std::to_string(req.months) +
                              " month" + (req.months == 1 ? "" : "s") +
                              " before and after the week's month");
        }
        if (!r.by_days.empty()) {
            std::string names;
            for (const auto& n : r.by_days)
                names += (names.empty() ? "" : ", ") + n;
            r.notes.push_back(names + " dated by day: compared over " + std::to_string(req.weeks) +
                              " weeks before (" + formatDay(r.before_first_day) + " to " +
                              formatDay(r.before_last_day) + ") and after (" +
                              formatDay(r.after_first_day) + " to " + formatDay(r.after_last_day) +
                              ") the week");
        }
    }
    if (req.weeks == 0 || !r.by_months.empty())
        for (auto [span, which] : {std::pair{r.before, "before"}, std::pair{r.after, "after"}})
            if (auto st = checkCovered(session, req.selection.layers, span, which); !st)
                return st.failure();
    if (area.status != AreaStatus::Done)
        r.notes.push_back("area " + area.id + " is " + statusName(area.status) +
                          ", not marked done");
    SelectionParams sel = req.selection;
    sel.from = r.before.first;
    sel.to = r.after.last;
    if (req.weeks > 0) { // the months that hold the days too
        sel.from = std::min(sel.from, monthOfDay(r.before_first_day));
        sel.to = std::max(sel.to, monthOfDay(r.after_last_day));
    }
    auto picked = selectIncidents(session, sel);
    if (!picked)
        return picked.failure();
    const MultiPolygon grown = geo::bufferPolygon(area.shape, req.buffer_m);
    MultiPolygon ring;
    try {
        if (!grown.empty())
            bg::difference(grown, area.shape, ring);
    } catch (const std::exception&) {
        ring.clear();
    }
    if (ring.empty())
        return Error{"area " + area.id + ": the " +
                     std::to_string(static_cast<long long>(std::lround(req.buffer_m))) +
                     " m buffer ring around its shape could not be built (is the shape "
                     "valid?)"};
    auto left_out = otherWorkedAreas(area, grown, req, r);
    if (!left_out)
        return left_out.failure();
    const MultiPolygon& excluded = left_out.value();
    r.target_km2 = studyKm2(session, area.shape);
    r.buffer_km2 = studyKm2(session, ring);
    r.left_out_km2 = excluded.empty() ? 0 : studyKm2(session, excluded);
    r.control_km2 =
        std::max(0.0, studyAreaKm2(session) - r.target_km2 - r.buffer_km2 - r.left_out_km2);
    Box target_box, grown_box, excluded_box;
    bg::envelope(area.shape, target_box);
    bg::envelope(grown, grown_box);
    if (!excluded.empty())
        bg::envelope(excluded, excluded_box);
    const Selection& s = picked.value();
    const auto& months = session.incidents().month;
    ZoneCounts& c = r.counts;
    for (std::size_t i = 0; i < s.rows.size(); ++i) {
        const std::size_t row = s.rows[i];
        const MonthIndex m = months[row];
        bool after = false;
        const std::int32_t day = table.dayOf(row);
        if (req.weeks > 0 && day != kNoDay && by_day_source[table.sourceOf(row)]) {
            // A dated row: its day in the weeks before or after, or not compared.
            if (day >= r.before_first_day && day <= r.before_last_day)
                after = false;
            else if (day >= r.after_first_day && day <= r.after_last_day)
                after = true;
            else
                continue;
        } else {
            if (m >= r.week_month && m <= r.week_last_month)
                continue;
            if (m < r.before.first || m > r.after.last)
                continue;
            after = m > r.week_last_month;
        }
        const Point p(s.points.x[i], s.points.y[i]);
        double& n =
            bg::covered_by(p, target_box) && bg::covered_by(p, area.shape)
                ? (after ? c.target_after : c.target_before)
            : bg::covered_by(p, grown_box) && bg::covered_by(p, grown)
                ? (after ? c.buffer_after : c.buffer_before)
            : !excluded.empty() && bg::covered_by(p, excluded_box) && bg::covered_by(p, excluded)
                ? (after ? r.left_out_after : r.left_out_before)
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

namespace {

std::string format(const char* fmt, ...) {
    char buf[512];
    va_list args;
    va_start(args, fmt);
    std::vsnprintf(buf, sizeof buf, fmt, args);
    va_end(args);
    return buf;
}

std::string zoneRow(const char* name, double km2, double before, double after) {
    const std::string pct =
        before > 0 ? format(" (%+.0f%%)", 100 * (after - before) / before) : std::string();
    return format("  %-8s %7.3f  %15.0f  %14.0f  %+7.0f%s", name, km2, before, after,
                  after - before, pct.c_str());
}

std::string wddLines(const WddResult& w) {
    if (!w.valid)
        return "Weighted displacement difference: the control had no incidents before";
    const char* verdict = w.p_value < 0.05 ? (w.wdd < 0 ? "a significant fall (5% level)"
                                                        : "a significant rise (5% level)")
                                           : "no significant change at the 5% level";
    return format("Weighted displacement difference (adapted from Wheeler and Ratcliffe: one "
                  "control, its change scaled to each zone's before count):\n"
                  "  target %+.0f against %+.1f expected, buffer %+.0f against %+.1f expected\n"
                  "  WDD %+.1f, standard error %.1f, z %+.2f, p %.3f: %s",
                  w.target_change, w.expected_target_change, w.buffer_change,
                  w.expected_buffer_change, w.wdd, w.se, w.z, w.p_value, verdict);
}

std::string wdqLines(const AfterActionResult& r) {
    const WdqResult& q = r.wdq;
    std::string s = "Weighted displacement quotient (adapted from Bowers and Johnson; its interval "
                    "is over the draws in which the target fell):";
    if (q.success)
        s += format(" success measure %+.4f, buffer measure %+.4f", *q.success,
                    q.displacement.value_or(0));
    if (q.wdq)
        s += format(", WDQ %+.2f", *q.wdq);
    const auto& iv = r.wdq_interval;
    if (q.wdq && iv)
        s += format(" (95%% bootstrap interval %+.2f to %+.2f, %d Poisson draws)", iv->low,
                    iv->high, iv->draws_used);
    s += "\n  " + q.reading;
    if (q.wdq && iv && iv->low < 0 && iv->high > 0)
        s += "; but the interval holds both diffusion and displacement, so neither is "
             "established";
    return s;
}

} // namespace

std::vector<std::string> afterActionReport(const TargetArea& area, const AfterActionResult& r,
                                           double buffer_m) {
    std::vector<std::string> out;
    out.push_back(format("After-action check of %s %s, week of %s (%s left out; %g m buffer)",
                         area.id.c_str(), area.name.c_str(), formatDay(area.week).c_str(),
                         formatSpan({r.week_month, r.week_last_month}).c_str(), buffer_m));
    out.push_back(format("  zone       km2     before %-8s after %-8s change",
                         formatSpan(r.before).c_str(), formatSpan(r.after).c_str()));
    const ZoneCounts& c = r.counts;
    out.push_back(zoneRow("target", r.target_km2, c.target_before, c.target_after));
    out.push_back(zoneRow("buffer", r.buffer_km2, c.buffer_before, c.buffer_after));
    out.push_back(zoneRow("control", r.control_km2, c.control_before, c.control_after));
    if (!r.left_out.empty()) {
        std::string ids;
        for (const auto& id : r.left_out)
            ids += (ids.empty() ? "" : ", ") + id;
        out.push_back(format("  The control leaves out %s (worked within these months) and their "
                             "%g m buffers: %.3f km2, %.0f incidents before and %.0f after, "
                             "counted in no zone",
                             ids.c_str(), buffer_m, r.left_out_km2, r.left_out_before,
                             r.left_out_after));
    } else {
        out.push_back("  The control is the rest of the study area: no other area of the plan "
                      "was worked within these months");
    }
    out.push_back(wddLines(r.wdd));
    out.push_back(wdqLines(r));
    if (r.small_counts)
        out.push_back(format("Indicative only: fewer than %.0f incidents in the target or the "
                             "buffer in a period, too few for a firm reading",
                             kSmallCount));
    return out;
}

} // namespace sw
