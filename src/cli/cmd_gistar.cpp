// `streetweek gistar`: Getis-Ord Gi* hot and cold spots on a grid of counts, with
// Benjamini-Hochberg FDR correction, to polygons (one square per study-area cell).
#include "cli/analysis_options.hpp"
#include "cli/commands.hpp"
#include "cli/data_command.hpp"
#include "cli/load_options.hpp"
#include "io/gistar_export.hpp"

#include <cstdio>
#include <iostream>

namespace sw::cli {

int runGiStar(int argc, char** argv) {
    auto options = selectionOptionSpecs();
    for (auto& s : giStarOptionSpecs())
        options.push_back(s);
    auto parsed = parseDataCommand(
        {"gistar",
         "Getis-Ord Gi* on a grid of incident counts (binary weights within the distance, the "
         "cell\n"
         "itself included; only cells whose centre is in a ward are analysed): z-score, p-value "
         "and\n"
         "Gi_Bin -3..3 (99/95/90% confidence hot or cold), with a Benjamini-Hochberg false "
         "discovery\n"
         "rate correction as ArcGIS Hot Spot Analysis reports it.",
         options, false, true, vectorOutExtensions(), "output"},
        argc, argv);
    if (auto* code = std::get_if<int>(&parsed))
        return *code;
    const DataCommand& cmd = std::get<DataCommand>(parsed);
    Session session;
    GiStarRequest request;
    auto gi = giStarParamsFrom(cmd.args);
    if (!gi)
        return fail("gistar", gi.error(), kExitUsage);
    request.gi = gi.value();
    auto selection = selectionFrom(cmd.args, session);
    if (!selection)
        return fail("gistar", selection.error(), kExitUsage);
    request.selection = std::move(selection.value());
    if (auto st = loadAndReport(session, cmd); !st)
        return fail("gistar", st.error(), kExitFailure);

    auto res = withProgress(cmd, "Computing Gi*...", [&](Progress* progress) {
        return giStarHotspots(session, request, progress);
    });
    if (!res)
        return failWith("gistar", res.failure());
    const GiStarSpots& s = res.value();
    const GiStarResult& r = s.result;
    if (auto st = io::exportGiStar(cmd.out, r, session.data().working_crs,
                                   "streetweek Gi*: cell " + std::to_string(r.cell_size_m) +
                                       " m, distance " + std::to_string(r.distance_m) + " m" +
                                       (request.gi.fdr ? ", FDR corrected" : ""),
                                   cmd.write);
        !st)
        return fail("gistar", st.error(), kExitFailure);

    printPreamble(session, s.notes);
    const auto bins = giBinCounts(r);
    std::printf("Gi*: %zu study cells of %g m, neighbourhood %g m (%zu cells), %zu incidents, %s\n",
                r.n, r.cell_size_m, r.distance_m, r.neighbours, s.incidents,
                request.gi.fdr ? "Benjamini-Hochberg FDR correction" : "no FDR correction");
    std::printf("Hot spots: %d at 99%%, %d at 95%%, %d at 90%%; cold spots: %d at 99%%, %d at "
                "95%%, %d at 90%%; not significant: %d\n",
                bins[6], bins[5], bins[4], bins[0], bins[1], bins[2], bins[3]);
    std::printf("Wrote %s\n", cmd.out.c_str());
    return kExitOk;
}

} // namespace sw::cli
