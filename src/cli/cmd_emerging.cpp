// `streetweek emerging`: emerging hot spots over months (per-month Gi* and a Mann-Kendall
// trend per cell), one square per study-area cell with its pattern.
#include "cli/analysis_options.hpp"
#include "cli/commands.hpp"
#include "cli/data_command.hpp"
#include "cli/load_options.hpp"
#include "io/emerging_export.hpp"

#include <cstdio>
#include <iostream>

namespace sw::cli {
namespace {

const char* kSummary =
    "Emerging hot spots over months, by streetweek's own classification: Getis-Ord Gi* on each\n"
    "month's count grid, then for each cell the months it was hot and a Mann-Kendall trend in\n"
    "its Gi* z-scores give a pattern. The names come from ArcGIS's Emerging Hot Spot Analysis,\n"
    "but this is not that tool (7 of its 17 patterns, defined as below, on a Gi* in space only,\n"
    "not its space-time cube): the results differ from ArcGIS's.\n"
    "  new           hot in the final month and only in the recent window (last 20% of\n"
    "                months)\n"
    "  intensifying  hot in >= 90% of months including the final one, z rising significantly\n"
    "  persistent    hot in >= 90% of months, no significant trend\n"
    "  diminishing   hot in >= 90% of months including the final one, z falling significantly\n"
    "  intermittent  hot in >= 10% of months, on and off, and in the recent window\n"
    "  former        hot in >= 10% of months, but not in the recent window\n"
    "  none          never, or too rarely hot\n"
    "The period is --from..--to (default: every month in the data), empty months included.";

void printSummary(const Session& session, const EmergingRequest& request, const EmergingSpots& s,
                  const std::string& out) {
    const EmergingResult& r = s.result;
    printPreamble(session, s.notes);
    const int hot_bin = request.emerging.hot_bin;
    std::printf("Emerging hot spots (streetweek's own classification, not ArcGIS's): %zu months "
                "(%s..%s, recent window %zu), %zu incidents, "
                "%g m cells, neighbourhood %g m, hot at %s%% confidence%s\n",
                r.months, formatMonth(s.first).c_str(), formatMonth(s.last).c_str(),
                r.recent_months, s.incidents, r.cell_size_m, r.distance_m,
                hot_bin == 1 ? "90" : (hot_bin == 2 ? "95" : "99"),
                request.emerging.gi.fdr ? " after FDR correction" : "");
    const auto tally = patternCounts(r);
    for (EmergingPattern p :
         {EmergingPattern::New, EmergingPattern::Intensifying, EmergingPattern::Persistent,
          EmergingPattern::Diminishing, EmergingPattern::Intermittent, EmergingPattern::Former,
          EmergingPattern::None})
        std::printf("  %-13s %d cells\n", patternName(p), tally[static_cast<std::size_t>(p)]);
    std::printf("Wrote %s\n", out.c_str());
}

} // namespace

int runEmerging(int argc, char** argv) {
    auto options = selectionOptionSpecs();
    for (auto& s : giStarOptionSpecs())
        options.push_back(s);
    options.push_back({"confidence", "90|95|99",
                       "a month is hot for a cell when Gi* says hot at this confidence (default "
                       "95)"});
    auto parsed = parseDataCommand(
        {"emerging", kSummary, options, false, true, vectorOutExtensions(), "output"}, argc, argv);
    if (auto* code = std::get_if<int>(&parsed))
        return *code;
    const DataCommand& cmd = std::get<DataCommand>(parsed);
    EmergingRequest request;
    auto gi = giStarParamsFrom(cmd.args);
    if (!gi)
        return fail("emerging", gi.error(), kExitUsage);
    request.emerging.gi = gi.value();
    if (cmd.args.has("confidence")) {
        const std::string c = cmd.args.get("confidence");
        if (c != "90" && c != "95" && c != "99")
            return fail("emerging", "--confidence must be 90, 95 or 99", kExitUsage);
        request.emerging.hot_bin = c == "90" ? 1 : (c == "95" ? 2 : 3);
    }
    Session session;
    auto selection = selectionFrom(cmd.args, session);
    if (!selection)
        return fail("emerging", selection.error(), kExitUsage);
    if (auto st = requireWholeMonths(selection.value(), "emerging (monthly time steps)"); !st)
        return fail("emerging", st.error(), kExitUsage);
    request.selection = std::move(selection.value());
    if (auto st = loadAndReport(session, cmd); !st)
        return fail("emerging", st.error(), kExitFailure);

    auto res = withProgress(cmd, "Computing emerging hot spots...", [&](Progress* progress) {
        return emergingHotspots(session, request, progress);
    });
    if (!res)
        return failWith("emerging", res.failure());
    const EmergingSpots& s = res.value();
    const EmergingResult& r = s.result;
    if (auto st =
            io::exportEmerging(cmd.out, r, session.data().working_crs,
                               "streetweek emerging hot spots (streetweek's own classification, "
                               "not ArcGIS's Emerging Hot Spot Analysis): " +
                                   formatMonth(s.first) + ".." + formatMonth(s.last) + ", cell " +
                                   std::to_string(r.cell_size_m) + " m, distance " +
                                   std::to_string(r.distance_m) + " m",
                               cmd.write);
        !st)
        return fail("emerging", st.error(), kExitFailure);
    printSummary(session, request, s, cmd.out);
    return kExitOk;
}

} // namespace sw::cli
