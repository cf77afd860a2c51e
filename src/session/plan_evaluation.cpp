// Hold-out scores of a plan's areas and of their union.
#include "session/plan_evaluation.hpp"

namespace sw {

MultiPolygon unionOf(const std::vector<const MultiPolygon*>& shapes) {
    MultiPolygon acc;
    for (const MultiPolygon* s : shapes) {
        MultiPolygon next;
        bg::union_(acc, *s, next);
        acc = std::move(next);
    }
    return acc;
}

namespace {

AreaScore score(const AreaStatistics& test, const AreaStatistics* train, const MultiPolygon& shape,
                std::int64_t test_total, std::int64_t train_total) {
    const AreaStats s = test.of(shape);
    AreaScore a;
    a.incidents = s.current.incidents;
    a.area_km2 = s.area_in_study_km2;
    a.hit_rate = s.current.share;
    a.pai = s.current.pai;
    if (train) {
        const AreaStats t = train->of(shape);
        a.train_incidents = t.current.incidents;
        if (t.current.incidents > 0 && test_total > 0 && train_total > 0)
            a.rri = (static_cast<double>(a.incidents) / static_cast<double>(t.current.incidents)) /
                    (static_cast<double>(test_total) / static_cast<double>(train_total));
    }
    return a;
}

} // namespace

Result<PlanEvaluation> evaluatePlan(const Session& session, const std::vector<TargetArea>& areas,
                                    const EvaluateRequest& request) {
    if (session.wards().empty())
        return badRequest("evaluating a plan needs wards (the study area): give --wards");
    std::vector<const TargetArea*> weeks;
    for (const auto& a : areas)
        if (!a.excluded)
            weeks.push_back(&a);
    if (weeks.empty())
        return badRequest("the plan has no target areas to evaluate");
    AreaStatsRequest tr;
    tr.selection = request.selection;
    auto test = AreaStatistics::prepare(session, tr);
    if (!test)
        return test.failure();
    PlanEvaluation out;
    out.period = test.value().period();
    out.notes = test.value().notes();
    out.study_area_km2 = studyAreaKm2(session);
    std::optional<AreaStatistics> train;
    if (request.train) {
        AreaStatsRequest r = tr;
        r.selection.from = request.train->first;
        r.selection.to = request.train->last;
        auto t = AreaStatistics::prepare(session, r);
        if (!t)
            return Error{"the training period: " + t.error()};
        train = std::move(t.value());
        out.train = train->period();
    }
    const MonthCoverage layers_months = session.monthsOf(request.selection.layers);
    out.partial = !layers_months.covers(out.period.first, out.period.last) ||
                  (out.train && !layers_months.covers(out.train->first, out.train->last));
    out.incidents = test.value().studyIncidents();
    if (train)
        out.train_incidents = train->studyIncidents();
    const AreaStatistics* tp = train ? &*train : nullptr;
    std::vector<const MultiPolygon*> shapes;
    for (const TargetArea* a : weeks) {
        AreaScore s =
            score(test.value(), tp, a->shape, out.incidents, out.train_incidents.value_or(0));
        s.area_id = a->id;
        s.name = a->name;
        out.areas.push_back(std::move(s));
        shapes.push_back(&a->shape);
    }
    out.plan =
        score(test.value(), tp, unionOf(shapes), out.incidents, out.train_incidents.value_or(0));
    out.plan.area_id = "plan";
    out.plan.name = "all areas (their union)";
    return out;
}

} // namespace sw
