// The Plan panel: the plan's file and Save, the drawing tools, and three tabs. Areas: every
// target area (click to select and zoom), the selected one's schedule fields (name, week,
// lead agency, partners, status, notes, locked, excluded) and its live statistics. Schedule:
// the weeks in date order with clashes, repeats and gaps. Suggest: K areas proposed for the
// shown layers and period, ranked with their statistics; accept one, all or none. Evaluate:
// the hold-out check of the plan, the after-action check of the selected week and the backtest
// of the methods on the loaded months.
#pragma once

#include "session/plan_document.hpp"
#include "session/plan_jobs.hpp"
#include "session/session.hpp"
#include "ui/area_tools.hpp"

#include <optional>
#include <string>

namespace sw::ui {

struct PlanPanelState {
    bool open = true;
    std::string message;          // the last save or autosave result
    bool changed_on_disk = false; // someone else saved the plan since it was read here
    int repeat_months = 6;        // one place twice within this many months is a clash
    // Suggest.
    int weeks = 4;
    SuggestShape shape = SuggestShape::Circle;
    int preset = 0; // 0 none, 1 Op Savvy, 2 College of Policing (what the fields were set to)
    float radius_m = 300, min_gap_m = 0, max_area_km2 = 0.5f, min_per_site = 0;
    int revisit_months = 6;
    std::string harm_text;              // the harm weights Suggest uses ("" none), each frame
    std::vector<std::string> harm_rows; // "Robbery: 8", one per row
    std::optional<SuggestResult> suggestion;
    std::string suggest_error;
    // Evaluate: the hold-out check on the map's period (chosen on the training months, when
    // given) and the after-action check of the selected area.
    std::string train_from, train_to; // YYYY-MM, both or neither
    bool eval_map_period = false;     // test on the map's period (else the months after)
    bool eval_in_sample = false;      // allow test months the areas were chosen on
    std::optional<PlanEvaluation> evaluation;
    std::string evaluate_error;
    int after_months = 3;
    float after_buffer_m = 250;
    std::optional<AfterActionResult> after_result;
    std::vector<std::string> after_report; // the lines `streetweek after` prints
    std::string after_error;
    // The backtest: the planner with Suggest's settings against the other methods.
    int backtest_train_months = 3;
    bool backtest_kde = true, backtest_gistar = true;
    std::optional<BacktestResult> backtest;
    std::string backtest_error;
    // The recovery offer at start (an autosave newer than the plan).
    bool offer_recovery = false;
};

struct PlanPanelRequests {
    std::optional<Box> zoom;
    bool save = false;
    bool suggest = false;  // run Suggest with the panel's parameters
    bool evaluate = false; // the hold-out check
    bool after = false;    // the after-action check of the selected area
    bool backtest = false; // the backtest over the loaded months
};

struct PlanPanelContext {
    PlanDocument& doc;
    AreaToolState& tools;
    PlanJobs& jobs;
    const Session& session;
    const MultiPolygon* draft = nullptr; // the shape being drawn, if any
};

PlanPanelRequests drawPlanPanel(PlanPanelState& state, PlanPanelContext& ctx);

} // namespace sw::ui
