// `streetweek gistar`: Getis-Ord Gi* hot and cold spots on a grid of counts, with
// Benjamini-Hochberg FDR correction, to polygons (one square per study-area cell).
#include "cli/analysis_options.hpp"
#include "cli/commands.hpp"
#include "cli/load_options.hpp"
#include "core/gistar.hpp"
#include "core/parallel.hpp"
#include "io/vector_writer.hpp"
#include "session/study_area.hpp"

#include <cmath>
#include <cstdio>
#include <iostream>

namespace sw::cli {

int runGiStar(int argc, char** argv) {
    auto specs = loadOptionSpecs(false);
    for (auto& s : selectionOptionSpecs())
        specs.push_back(s);
    for (auto& s : giStarOptionSpecs())
        specs.push_back(s);
    specs.push_back(vectorOutSpec());
    Args args(
        "gistar",
        "Getis-Ord Gi* on a grid of incident counts (binary weights within the distance, the cell\n"
        "itself included; only cells whose centre is in a ward are analysed): z-score, p-value "
        "and\n"
        "Gi_Bin -3..3 (99/95/90% confidence hot or cold), with a Benjamini-Hochberg false "
        "discovery\n"
        "rate correction as ArcGIS Hot Spot Analysis reports it.",
        specs);
    if (auto err = args.parse(argc, argv, 2))
        return fail("gistar", *err, kExitUsage);
    if (args.help()) {
        std::cout << args.usage();
        return kExitOk;
    }
    auto req = loadRequestFrom(args, false);
    if (!req)
        return fail("gistar", req.error(), kExitUsage);
    if (req.value().incident_paths.empty())
        return fail("gistar", "--incidents is required", kExitUsage);
    const auto out_path = vectorOutPath(args);
    if (!out_path)
        return fail("gistar", out_path.error(), kExitUsage);
    const std::string& out = out_path.value();
    auto gi_params = giStarParamsFrom(args);
    if (!gi_params)
        return fail("gistar", gi_params.error(), kExitUsage);
    GiStarParams gp = gi_params.value();
    Session session;
    auto selection = selectionFrom(args, session);
    if (!selection)
        return fail("gistar", selection.error(), kExitUsage);
    if (auto st = session.load(req.value()); !st)
        return fail("gistar", st.error(), kExitFailure);
    auto sel = selectIncidents(session.incidents(), selection.value());
    if (!sel)
        return fail("gistar", sel.error(), kExitUsage);

    const Box extent = resolveGiStarGrid(session, gp);
    if (auto st = gp.validate(extent); !st)
        return fail("gistar", st.error(), kExitUsage);
    const Grid shape = makeGrid(extent, gp.cell_size_m);
    const auto study = studyCells(session.wards(), shape, resolveThreads(0));
    auto res = computeGiStar(sel.value().points, extent, gp, study);
    if (!res)
        return fail("gistar", res.error(), kExitFailure);
    const GiStarResult& r = res.value();

    using T = io::FieldSpec::Type;
    auto writer = io::VectorWriter::create(
        out, "gistar",
        {{"count", T::Real}, {"gi_z", T::Real}, {"gi_p", T::Real}, {"gi_bin", T::Integer}}, true,
        session.data().working_crs);
    if (!writer)
        return fail("gistar", writer.error(), kExitFailure);
    writer.value()->setDescription("streetweek Gi*: cell " + std::to_string(r.cell_size_m) +
                                   " m, distance " + std::to_string(r.distance_m) + " m" +
                                   (gp.fdr ? ", FDR corrected" : ""));
    const Grid& g = r.counts;
    int bins[7] = {0};
    for (std::size_t row = 0; row < g.rows; ++row)
        for (std::size_t col = 0; col < g.cols; ++col) {
            const std::size_t i = row * g.cols + col;
            if (!r.in_study[i])
                continue;
            ++bins[r.bin[i] + 3];
            const MultiPolygon mp = cellSquare(g, row, col);
            if (auto st = writer.value()->add(
                    {g.values[i], std::round(r.z[i] * 1e4) / 1e4, r.p[i], std::int64_t(r.bin[i])},
                    &mp);
                !st)
                return fail("gistar", st.error(), kExitFailure);
        }
    if (auto st = writer.value()->commit(); !st)
        return fail("gistar", st.error(), kExitFailure);

    if (session.synthetic())
        std::cout << "SYNTHETIC SAMPLE DATA (not real crime data)\n";
    for (const auto& n : sel.value().notes)
        std::cout << "note: " << n << "\n";
    std::printf("Gi*: %zu study cells of %g m, neighbourhood %g m (%zu cells), %zu incidents, %s\n",
                r.n, r.cell_size_m, r.distance_m, r.neighbours, sel.value().points.x.size(),
                gp.fdr ? "Benjamini-Hochberg FDR correction" : "no FDR correction");
    std::printf("Hot spots: %d at 99%%, %d at 95%%, %d at 90%%; cold spots: %d at 99%%, %d at "
                "95%%, %d at 90%%; "
                "not significant: %d\n",
                bins[6], bins[5], bins[4], bins[0], bins[1], bins[2], bins[3]);
    std::printf("Wrote %s\n", out.c_str());
    return kExitOk;
}

} // namespace sw::cli
