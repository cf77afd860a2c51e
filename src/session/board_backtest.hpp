// The board report's backtest section: which method would have found next month's hotspots in
// this district (session/backtest), as a table of the methods and a chart of their capture
// curves, with what the figures mean and what they do not.
#pragma once

#include "core/target_area.hpp"
#include "print/report_document.hpp"
#include "session/backtest.hpp"

namespace sw {

// The backtest the report runs: the plan's own suggestion settings (suggest_weeks, _shape,
// _radius_m, _min_gap_m, _min_per_site) where it has them, else as many circles of 300 m as it
// has street weeks (6 without a plan); the selection's layers over every loaded month.
BacktestRequest backtestForPlan(const Plan* plan, const SelectionParams& selection);

// The colour of capture curve i of n (BacktestResult::curves' order; the last, the month itself,
// grey), the same in the map's chart and the report's.
Rgba captureCurveColour(std::size_t i, std::size_t n);

// Appends the section; a failed backtest (too few months, say) is said in a paragraph.
void backtestSection(ReportDocument& doc, const Result<BacktestResult>& result,
                     const BacktestRequest& request);

} // namespace sw
