// `streetweek evaluate`: the hold-out check of a plan's areas on a test period.
#include "cli/area_report.hpp"
#include "cli/commands.hpp"
#include "cli/json_output.hpp"
#include "cli/load_options.hpp"
#include "cli/plan_input.hpp"
#include "session/plan_context.hpp"
#include "session/plan_evaluation.hpp"

#include <cmath>
#include <cstdio>
#include <iostream>

namespace sw::cli {
namespace {

Json jsonScore(const AreaScore& a, bool with_id) {
    Json j;
    if (with_id) {
        j["area_id"] = a.area_id;
        j["name"] = a.name;
    }
    j["incidents"] = a.incidents;
    j["area_km2"] = jsonNumber(a.area_km2);
    j["hit_rate"] = jsonNumber(a.hit_rate);
    j["pai"] = jsonNumber(a.pai);
    if (a.train_incidents) {
        j["train_incidents"] = *a.train_incidents;
        j["rri"] = jsonNumber(a.rri);
    }
    if (a.pei_star) {
        j["pei_star"] = jsonNumber(a.pei_star);
        j["best_possible"] = jsonNumber(a.best_possible);
        if (a.pei_star_low)
            j["pei_star_low"] = jsonNumber(a.pei_star_low);
    }
    return j;
}

void printEvaluationJson(const PlanEvaluation& e) {
    Json j;
    j["period"] = monthsJson(e.period);
    if (e.train) {
        j["train"] = monthsJson(*e.train);
        j["train_incidents"] = e.train_incidents.value_or(0);
    }
    j["incidents"] = e.incidents;
    j["partial"] = e.partial;
    j["in_sample"] = e.in_sample;
    j["test_months"] = e.period_reason;
    j["study_area_km2"] = jsonNumber(e.study_area_km2);
    j["areas"] = Json::array();
    for (const auto& a : e.areas)
        j["areas"].push_back(jsonScore(a, true));
    j["plan"] = jsonScore(e.plan, false);
    if (!e.pei_basis.empty())
        j["pei_star_basis"] = e.pei_basis;
    printJson(j);
}

void printTable(const PlanEvaluation& e) {
    if (e.in_sample)
        std::printf("IN-SAMPLE check (not a hold-out: scored on months the areas were chosen "
                    "on) on %s%s: %s incidents in the study area (%.2f km2)",
                    formatSpan(e.period).c_str(),
                    e.partial ? " (partial: a layer's sources lack data, see the notes)" : "",
                    withCommas(e.incidents).c_str(), e.study_area_km2);
    else
        std::printf("Hold-out check on %s%s: %s incidents in the study area (%.2f km2)",
                    formatSpan(e.period).c_str(),
                    e.partial ? " (partial: a layer's sources lack data, see the notes)" : "",
                    withCommas(e.incidents).c_str(), e.study_area_km2);
    if (e.train)
        std::printf("; chosen on %s (%s incidents)", formatSpan(*e.train).c_str(),
                    withCommas(e.train_incidents.value_or(0)).c_str());
    std::printf("\n  test months: %s", e.period_reason.c_str());
    std::printf("\n  id    incidents  hit rate %%   area km2     PAI%s    PEI*  name\n",
                e.train ? "     RRI" : "");
    const auto row = [&](const AreaScore& a) {
        char pai[32] = "-", rri[32] = "";
        if (a.pai)
            std::snprintf(pai, sizeof pai, "%.1f", *a.pai);
        if (e.train && a.rri)
            std::snprintf(rri, sizeof rri, "  %6.2f", *a.rri);
        else if (e.train)
            std::snprintf(rri, sizeof rri, "  %6s", "-");
        char pei[48] = "-";
        if (a.pei_star && a.pei_star_low)
            std::snprintf(pei, sizeof pei, "%.2f-%.2f", *a.pei_star_low, *a.pei_star);
        else if (a.pei_star)
            std::snprintf(pei, sizeof pei, "%.2f", *a.pei_star);
        std::printf("  %-5s %9lld  %10.2f  %9.3f  %6s%s  %6s  %s%s\n", a.area_id.c_str(),
                    static_cast<long long>(a.incidents), a.hit_rate * 100, a.area_km2, pai, rri,
                    pei, a.name.c_str(), e.in_sample ? "  (in-sample)" : "");
    };
    for (const auto& a : e.areas)
        row(a);
    row(e.plan);
    if (!e.pei_basis.empty())
        std::printf("  PEI*: the incidents over the most that %s captured\n", e.pei_basis.c_str());
}

} // namespace

int runEvaluate(int argc, char** argv) {
    auto options = planInputSpecs();
    options.push_back({"train-from", "YYYY-MM",
                       "first month the areas were chosen on (default: the plan's period)"});
    options.push_back({"train-to", "YYYY-MM", "last month the areas were chosen on"});
    options.push_back({"in-sample", "",
                       "allow test months the areas were chosen on (every line then says "
                       "in-sample)"});
    options.push_back({"json", "", "print one JSON object instead of the table"});
    auto parsed = parsePlanCommand(
        "evaluate",
        "The hold-out check: the plan's areas scored on a test period (--from/--to; default: the\n"
        "months after the plan's period that the data holds; months it was chosen on only with\n"
        "--in-sample): hit rate (share of\n"
        "the study area's incidents inside), PAI (hit rate / share of the study area covered) "
        "and, with\n"
        "a training period, the recapture rate index RRI = (n_test/n_train) / "
        "(N_test/N_train); per\n"
        "area and for the plan (the union of its areas within the study area).",
        options, argc, argv);
    if (auto* code = std::get_if<int>(&parsed))
        return *code;
    PlanCommand& pc = std::get<PlanCommand>(parsed);
    EvaluateRequest req;
    const bool tf = pc.cmd.args.has("train-from"), tt = pc.cmd.args.has("train-to");
    if (tf != tt)
        return fail("evaluate", "--train-from and --train-to go together", kExitUsage);
    if (tf) {
        const auto a = parseMonth(pc.cmd.args.get("train-from")),
                   b = parseMonth(pc.cmd.args.get("train-to"));
        if (!a || !b || *b < *a)
            return fail("evaluate", "--train-from/--train-to must be YYYY-MM, in order",
                        kExitUsage);
        req.train = MonthSpan{*a, *b};
    } else if (const auto recorded = selectionFromPlan(pc.plan);
               recorded && recorded.value().from != kNoMonth && recorded.value().to != kNoMonth) {
        req.train = MonthSpan{recorded.value().from, recorded.value().to};
    }
    req.test_given = pc.cmd.args.has("from") || pc.cmd.args.has("to");
    req.min_gap_m = std::max(0.0, std::atof(pc.plan.setting("suggest_min_gap_m").c_str()));
    req.in_sample = pc.cmd.args.has("in-sample");
    Session session;
    auto sel = loadPlanData(session, pc);
    if (!sel)
        return failWith("evaluate", sel.failure());
    req.selection = sel.value();
    auto ev = evaluatePlan(session, pc.plan.areas, req);
    if (!ev)
        return failWith("evaluate", ev.failure());
    printNotes(ev.value().notes);
    if (pc.cmd.args.has("json"))
        printEvaluationJson(ev.value());
    else
        printTable(ev.value());
    return kExitOk;
}

} // namespace sw::cli
