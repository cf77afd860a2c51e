// The Plan panel's tabs: Areas (areas_tab.cpp), Schedule (schedule_tab.cpp), Suggest
// (suggest_tab.cpp) and Evaluate (evaluate_tab.cpp, backtest_view.cpp).
#pragma once

#include "ui/plan_panel.hpp"

namespace sw::ui {

// The area list and the selected area's fields and statistics; a zoom when one is chosen.
std::optional<Box> drawAreasTab(PlanPanelContext& ctx);
void drawScheduleTab(PlanPanelState& state, PlanPanelContext& ctx);
// True when the Suggest button was pressed.
bool drawSuggestTab(PlanPanelState& state, PlanPanelContext& ctx);
// The checks asked for (PlanPanelRequests::evaluate and ::after).
void drawEvaluateTab(PlanPanelState& state, PlanPanelContext& ctx, PlanPanelRequests& out);
// The backtest in the Evaluate tab (backtest_view.cpp): PlanPanelRequests::backtest.
void drawBacktest(PlanPanelState& state, PlanPanelContext& ctx, PlanPanelRequests& out);

} // namespace sw::ui
