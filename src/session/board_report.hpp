// The board report action, shared by `streetweek report` and File > Board report: the
// strategic assessment's content for a period (headline totals per layer with change on the
// previous period and a year earlier, the top 5 wards by count and by rate, the crime-type
// breakdown, monthly trends beside the year before, a hotspot map and a Gi* map, the plan's
// areas when there is one, the backtest of the methods when asked, the full ward profile, and
// the method, sources, licences and disclosure rule) as an A4 PDF or one self-contained HTML file.
// Ward, hotspot and area figures are put through the partner pack's disclosure control;
// district-wide totals, crime types and months are too where police.uk does not publish them
// (board_disclosure.hpp).
#pragma once

#include "core/basemap_source.hpp"
#include "print/report_document.hpp"
#include "session/backtest.hpp"
#include "session/board_disclosure.hpp"
#include "session/board_figures.hpp"
#include "session/pack_tables.hpp"

#include <string>
#include <vector>

namespace sw {

struct BoardReportRequest {
    PackContentRequest content; // selection, hotspot and Gi* settings, the suppression rule
    std::string out;            // .pdf or .html
    std::string title;          // empty: "Community safety board report: <district>"
    std::string made_on;        // empty: now (UTC)
    std::string plan_path;      // named in the method section
    BasemapChoice basemap;      // under both maps when it has a source
    // A section on which method would have found next month's hotspots (session/backtest),
    // when given (board_backtest.hpp's backtestForPlan makes one from the plan's settings).
    std::optional<BacktestRequest> backtest;
};

struct BoardReportResult {
    WrittenReport written;
    BoardFigures figures;
    std::vector<PackLayerSummary> disclosure; // per table: what was withheld
    BoardDisclosure district;                 // the district-wide figures: what was withheld
    std::vector<std::string> notes;
    KdeResult density; // the hotspot map's surface (the document's map points at it)
};

// Whether a path names a report the action can write (".pdf" or ".html", any case).
bool isReportPath(const std::string& path);

// plan: may be null (no plan section).
Result<BoardReportResult> writeBoardReport(const Session& session, const Plan* plan,
                                           const BoardReportRequest& request,
                                           Progress* progress = nullptr);

// The document alone (for tests and the HTML and PDF writers).
Result<ReportDocument> boardReportDocument(const Session& session, const Plan* plan,
                                           const BoardReportRequest& request,
                                           BoardReportResult& result, Progress* progress = nullptr);

} // namespace sw
