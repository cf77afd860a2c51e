// Hold-out scores of a plan's areas and of their union.
#include "session/plan_evaluation.hpp"

#include "core/text.hpp"
#include "session/street_week_suggest.hpp"

#include <cmath>
#include <map>
#include <numbers>

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

// The radius of a circle of the area's size (a circle's own radius).
double equalRadius(const TargetArea& a) {
    if (a.shape_kind == AreaShape::Circle && a.radius_m > 0)
        return a.radius_m;
    return std::sqrt(shapeArea(a.shape) / std::numbers::pi);
}

// The most `k` circles of radius r, at least `gap` apart, capture of the test months' incidents
// (counted, not weighted: PEI*'s numerator is a count): the planner's exact choice.
Result<AreaChoice> bestPossible(const Session& session, const SelectionParams& test, std::size_t k,
                                double r, double gap) {
    SuggestRequest q;
    q.selection = test;
    q.selection.layer_weights.clear();
    q.selection.weight_column.clear();
    q.selection.harm = HarmWeights{};
    q.weeks = k;
    q.radius_m = std::clamp(std::round(r), 25.0, 5000.0);
    q.min_gap_m = gap;
    auto s = suggestAreas(session, q);
    if (!s)
        return s.failure();
    return s.value().choice;
}

void setPei(AreaScore& a, const AreaChoice& best) {
    a.best_possible = best.value;
    if (best.value > 0)
        a.pei_star = static_cast<double>(a.incidents) / best.value;
    if (!best.proved_optimal && best.upper_bound > 0)
        a.pei_star_low = static_cast<double>(a.incidents) / best.upper_bound;
}

// PEI* of the plan and each area; a note when the planner cannot answer.
void addPeiStar(const Session& session, const SelectionParams& test, const EvaluateRequest& req,
                const std::vector<const TargetArea*>& weeks, PlanEvaluation& out) {
    std::map<double, AreaChoice> one; // the best single area per radius
    double mean_r = 0;
    for (std::size_t i = 0; i < weeks.size(); ++i) {
        const double r = std::round(equalRadius(*weeks[i]));
        mean_r += r / static_cast<double>(weeks.size());
        if (!req.pei_star_areas)
            continue;
        if (!one.count(r)) {
            auto b = bestPossible(session, test, 1, r, 0);
            if (!b) {
                out.notes.push_back("PEI* left out: " + b.error());
                return;
            }
            one.emplace(r, b.value());
        }
        setPei(out.areas[i], one.at(r));
    }
    auto all = bestPossible(session, test, weeks.size(), mean_r, req.min_gap_m);
    if (!all) {
        out.notes.push_back("PEI* left out: " + all.error());
        return;
    }
    setPei(out.plan, all.value());
    char basis[160];
    std::snprintf(basis, sizeof basis,
                  "the best %zu circles of %.0f m (the areas' size), %.0f m apart, in the test "
                  "months, by the planner's exact choice%s",
                  weeks.size(), std::round(mean_r), req.min_gap_m,
                  all.value().proved_optimal ? "" : " (not proved: PEI* given as a range)");
    out.pei_basis = basis;
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
    std::string reason, unknown;
    const MonthCoverage& months = session.months();
    if (!request.test_given && request.train && !months.empty()) {
        const MonthIndex after = request.train->last + 1;
        if (after > months.last())
            return badRequest("the data holds no months after " + formatSpan(*request.train) +
                              ", the months the areas were chosen on (the data covers " +
                              months.describe() +
                              "): load later months for a hold-out check, or ask for an "
                              "in-sample check of the months it was chosen on");
        tr.selection.from = std::max(after, months.first());
        tr.selection.to = months.last();
        tr.selection.from_day = tr.selection.to_day = kNoDay;
        reason =
            "the months after " + formatSpan(*request.train) + " (chosen on) that the data holds";
    } else if (!request.train) {
        unknown = "the plan does not record the months its areas were chosen on: if they are "
                  "among the test months, this is an in-sample check, not a hold-out";
    }
    const MonthIndex test_from = tr.selection.from != kNoMonth ? tr.selection.from : months.first();
    const MonthIndex test_to = tr.selection.to != kNoMonth ? tr.selection.to : months.last();
    const bool overlap = request.train && test_from != kNoMonth &&
                         test_from <= request.train->last && request.train->first <= test_to;
    if (overlap && !request.in_sample)
        return badRequest("the test months " + formatSpan({test_from, test_to}) +
                          " overlap the months the areas were chosen on (" +
                          formatSpan(*request.train) +
                          "): a hold-out check needs months after them; ask for an in-sample "
                          "check (--in-sample, or the Evaluate tab's tick) to score the plan on "
                          "them anyway (it is then marked in-sample)");
    auto test = AreaStatistics::prepare(session, tr);
    if (!test)
        return test.failure();
    PlanEvaluation out;
    out.period = test.value().period();
    out.notes = test.value().notes();
    out.in_sample = overlap;
    out.period_reason = reason.empty() ? std::string("the months asked for") : reason;
    if (!unknown.empty())
        out.notes.push_back(unknown);
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
    if (request.pei_star)
        addPeiStar(session, tr.selection, request, weeks, out);
    return out;
}

} // namespace sw
