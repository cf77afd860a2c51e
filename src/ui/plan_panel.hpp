// The Plan panel: the plan's file and Save, the drawing tools, and three tabs. Areas: every
// target area (click to select and zoom), the selected one's schedule fields (name, week,
// lead agency, partners, status, notes, locked, excluded) and its live statistics. Schedule:
// the weeks in date order with clashes, repeats and gaps. Suggest: K areas proposed for the
// shown layers and period, ranked with their statistics; accept one, all or none.
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
    std::string message;   // the last save or autosave result
    int repeat_months = 6; // one place twice within this many months is a clash
    // Suggest.
    int weeks = 4;
    bool hotspot_polygons = false; // else circles
    float radius_m = 300, min_gap_m = 0, max_area_km2 = 0.5f;
    int revisit_months = 6;
    std::optional<SuggestResult> suggestion;
    std::string suggest_error;
    // The recovery offer at start (an autosave newer than the plan).
    bool offer_recovery = false;
};

struct PlanPanelRequests {
    std::optional<Box> zoom;
    bool save = false;
    bool suggest = false; // run Suggest with the panel's parameters
};

struct PlanPanelContext {
    PlanDocument& doc;
    AreaToolState& tools;
    PlanJobs& jobs;
    const Session& session;
    const MultiPolygon* draft = nullptr; // the shape being drawn, if any
};

PlanPanelRequests drawPlanPanel(PlanPanelState& state, PlanPanelContext& ctx);

// The statistics of an area, from the prepared statistics (nullopt while they are prepared).
std::optional<AreaStats> liveStats(const PlanJobs& jobs, const MultiPolygon& shape);

} // namespace sw::ui
