// `streetweek report`: the board report (PDF or HTML) for a period and layers, with a plan's
// areas when --plan is given.
#include "cli/analysis_options.hpp"
#include "cli/basemap_options.hpp"
#include "cli/commands.hpp"
#include "cli/load_options.hpp"
#include "cli/pack_options.hpp"
#include "cli/plan_input.hpp"
#include "session/board_backtest.hpp"
#include "session/board_report.hpp"

#include <cstdio>
#include <cstring>
#include <optional>

namespace sw::cli {
namespace {

constexpr const char* kSummary =
    "The board report: headline totals per layer with change on the previous period and a year\n"
    "earlier, the top 5 wards by count and by rate, crime types, monthly trends beside the year\n"
    "before, a hotspot map and a Gi* map, the plan's areas (with --plan), the full ward profile,\n"
    "and the method, sources, licences and disclosure rule, as an A4 PDF or one HTML file.\n"
    "Ward, hotspot and area counts below --suppress are withheld as in the partner pack.";

bool hasPlanOption(int argc, char** argv) {
    for (int i = 1; i < argc; ++i)
        if (std::strcmp(argv[i], "--plan") == 0 || std::strncmp(argv[i], "--plan=", 7) == 0)
            return true;
    return false;
}

void printFigures(const BoardReportResult& r) {
    const BoardFigures& f = r.figures;
    std::printf("Board report %s..%s\n", formatMonth(f.period.first).c_str(),
                formatMonth(f.period.last).c_str());
    std::printf(" %-28s %9s %9s %9s %9s\n", "layer", "count", "previous", "change", "year ago");
    for (const auto& h : f.headline)
        std::printf(" %-28s %9s %9s %9s %9s\n", h.layer.c_str(), groupedCount(h.count).c_str(),
                    h.previous ? groupedCount(*h.previous).c_str() : "-",
                    h.previous ? signedCount(h.count - *h.previous).c_str() : "-",
                    h.last_year ? groupedCount(*h.last_year).c_str() : "-");
    std::printf(" top wards by count:");
    for (std::size_t i = 0; i < f.by_count.size() && i < 5; ++i)
        std::printf("%s %s (%lld)", i ? ";" : "", f.profile.rows[f.by_count[i]].name.c_str(),
                    static_cast<long long>(f.profile.rows[f.by_count[i]].count));
    std::printf("\n");
    for (const auto& m : f.missing)
        std::printf(" no data for %s: shown as missing, not zero\n", formatSpan(m).c_str());
    if (r.written.pages)
        std::printf("Wrote %s (%d pages)\n", r.written.path.c_str(), r.written.pages);
    else
        std::printf("Wrote %s\n", r.written.path.c_str());
}

} // namespace

int runReport(int argc, char** argv) {
    auto options = hasPlanOption(argc, argv) ? planInputSpecs() : selectionOptionSpecs();
    if (!hasPlanOption(argc, argv))
        options.insert(options.begin(), {"plan", "FILE",
                                         "a plan GeoPackage: its areas, schedule "
                                         "and statistics, and its data"});
    for (auto& o : packOptionSpecs())
        options.push_back(o);
    options.push_back({"title", "TEXT", "the report's title (default: names the district)"});
    options.push_back({"backtest", "",
                       "add a section on which method would have found next month's hotspots "
                       "(streetweek backtest over the loaded months, the planner with the plan's "
                       "suggestion settings; about 10 s for a year of a district)"});
    for (auto& o : basemapOptionSpecs())
        options.push_back(o);
    BoardReportRequest req;
    Session session;
    Plan plan;
    const Plan* plan_ptr = nullptr;
    std::optional<DataCommand> cmd;
    if (hasPlanOption(argc, argv)) {
        options.push_back({"out", "FILE", "the report: .pdf or .html"});
        auto parsed = parsePlanCommand("report", kSummary, options, argc, argv);
        if (auto* code = std::get_if<int>(&parsed))
            return *code;
        PlanCommand& pc = std::get<PlanCommand>(parsed);
        req.plan_path = pc.path;
        auto sel = loadPlanData(session, pc);
        if (!sel)
            return failWith("report", sel.failure());
        req.content.selection = sel.value();
        plan = std::move(pc.plan);
        plan_ptr = &plan;
        cmd.emplace(std::move(pc.cmd));
    } else {
        auto parsed = parseDataCommand(
            {"report", kSummary, options, true, true, {".pdf", ".html"}, "the report"}, argc, argv);
        if (auto* code = std::get_if<int>(&parsed))
            return *code;
        cmd.emplace(std::move(std::get<DataCommand>(parsed)));
        if (auto st = loadAndReport(session, *cmd); !st)
            return fail("report", st.error(), kExitFailure);
        auto sel = selectionFrom(cmd->args, session);
        if (!sel)
            return fail("report", sel.error(), kExitUsage);
        if (auto st = requireWholeMonths(sel.value(), "the report"); !st)
            return fail("report", st.error(), kExitUsage);
        req.content.selection = sel.value();
    }
    req.out = cmd->args.get("out");
    if (req.out.empty() || !isReportPath(req.out))
        return fail("report", "give --out report.pdf or --out report.html", kExitUsage);
    if (auto st = packContentOptions(cmd->args, plan, req.content); !st)
        return failWith("report", st.failure());
    req.title = cmd->args.get("title");
    auto basemap = basemapOptions(cmd->args, "report");
    if (!basemap)
        return failWith("report", basemap.failure());
    req.basemap = std::move(basemap.value());
    if (cmd->args.has("backtest"))
        req.backtest = backtestForPlan(plan_ptr, req.content.selection);
    warnIfUnsuppressed("report", req.content);
    if (session.incidents().empty())
        return fail("report", "no incidents were loaded", kExitFailure);
    auto r = withProgress(*cmd, "Writing the report",
                          [&](Progress* p) { return writeBoardReport(session, plan_ptr, req, p); });
    if (!r)
        return failWith("report", r.failure());
    printPreamble(session, r.value().notes);
    printFigures(r.value());
    return kExitOk;
}

} // namespace sw::cli
