// `streetweek emerging`: emerging hot spots over months (per-month Gi* and a Mann-Kendall
// trend per cell), one square per study-area cell with its pattern.
#include "cli/analysis_options.hpp"
#include "cli/commands.hpp"
#include "cli/load_options.hpp"
#include "core/emerging_hotspots.hpp"
#include "core/parallel.hpp"
#include "io/vector_writer.hpp"
#include "session/study_area.hpp"

#include <cmath>
#include <cstdio>
#include <iostream>
#include <map>

namespace sw::cli {

int runEmerging(int argc, char** argv) {
    auto specs = loadOptionSpecs(false);
    for (auto& s : selectionOptionSpecs())
        specs.push_back(s);
    for (auto& s : giStarOptionSpecs())
        specs.push_back(s);
    specs.push_back({"confidence", "90|95|99",
                     "a month is hot for a cell when Gi* says hot at this confidence (default 95)",
                     false});
    specs.push_back(vectorOutSpec());
    Args args(
        "emerging",
        "Emerging hot spots over months: Getis-Ord Gi* on each month's count grid, then for each\n"
        "cell the months it was hot and a Mann-Kendall trend in its Gi* z-scores give a pattern:\n"
        "  new           hot in the final month and only in the recent window (last 20% of\n"
        "                months)\n"
        "  intensifying  hot in >= 90% of months including the final one, z rising "
        "significantly\n"
        "  persistent    hot in >= 90% of months, no significant trend\n"
        "  diminishing   hot in >= 90% of months including the final one, z falling "
        "significantly\n"
        "  intermittent  hot in >= 10% of months, on and off, and in the recent window\n"
        "  former        hot in >= 10% of months, but not in the recent window\n"
        "  none          never, or too rarely hot\n"
        "The period is --from..--to (default: every month in the data), empty months included.",
        specs);
    if (auto err = args.parse(argc, argv, 2))
        return fail("emerging", *err, kExitUsage);
    if (args.help()) {
        std::cout << args.usage();
        return kExitOk;
    }
    auto req = loadRequestFrom(args, false);
    if (!req)
        return fail("emerging", req.error(), kExitUsage);
    if (req.value().incident_paths.empty())
        return fail("emerging", "--incidents is required", kExitUsage);
    const auto out_path = vectorOutPath(args);
    if (!out_path)
        return fail("emerging", out_path.error(), kExitUsage);
    const std::string& out = out_path.value();
    auto gi_params = giStarParamsFrom(args);
    if (!gi_params)
        return fail("emerging", gi_params.error(), kExitUsage);
    EmergingParams ep;
    ep.gi = gi_params.value();
    if (args.has("confidence")) {
        const std::string c = args.get("confidence");
        if (c != "90" && c != "95" && c != "99")
            return fail("emerging", "--confidence must be 90, 95 or 99", kExitUsage);
        ep.hot_bin = c == "90" ? 1 : (c == "95" ? 2 : 3);
    }
    Session session;
    auto selection = selectionFrom(args, session);
    if (!selection)
        return fail("emerging", selection.error(), kExitUsage);
    if (auto st = session.load(req.value()); !st)
        return fail("emerging", st.error(), kExitFailure);
    const IncidentTable& table = session.incidents();
    auto sel = selectIncidents(table, selection.value());
    if (!sel)
        return fail("emerging", sel.error(), kExitUsage);

    const auto range = table.monthRange();
    const SelectionParams& sp = selection.value();
    const MonthIndex first = sp.from != kNoMonth ? sp.from : (range ? range->first : kNoMonth);
    const MonthIndex last = sp.to != kNoMonth ? sp.to : (range ? range->second : kNoMonth);
    if (first == kNoMonth || last == kNoMonth || last < first)
        return fail("emerging", "no months to analyse (the incidents carry no month)",
                    kExitFailure);
    std::vector<WeightedPoints> per_month(static_cast<std::size_t>(last - first + 1));
    const Selection& s = sel.value();
    for (std::size_t i = 0; i < s.rows.size(); ++i) {
        const MonthIndex m = table.month[s.rows[i]];
        if (m < first || m > last)
            continue;
        WeightedPoints& w = per_month[static_cast<std::size_t>(m - first)];
        w.x.push_back(s.points.x[i]);
        w.y.push_back(s.points.y[i]);
        if (!s.points.w.empty())
            w.w.push_back(s.points.w[i]);
    }

    const Box extent = resolveGiStarGrid(session, ep.gi);
    if (auto st = ep.gi.validate(extent); !st)
        return fail("emerging", st.error(), kExitUsage);
    if (auto st = ep.validate(per_month.size()); !st)
        return fail("emerging", st.error(), kExitUsage);
    const auto study =
        studyCells(session.wards(), makeGrid(extent, ep.gi.cell_size_m), resolveThreads(0));
    auto res = computeEmergingHotspots(per_month, extent, ep, study);
    if (!res)
        return fail("emerging", res.error(), kExitFailure);
    const EmergingResult& r = res.value();

    using T = io::FieldSpec::Type;
    auto writer = io::VectorWriter::create(out, "emerging",
                                           {{"pattern", T::Text},
                                            {"hot_months", T::Integer},
                                            {"months", T::Integer},
                                            {"trend_z", T::Real},
                                            {"trend_p", T::Real},
                                            {"count", T::Real}},
                                           true, session.data().working_crs);
    if (!writer)
        return fail("emerging", writer.error(), kExitFailure);
    writer.value()->setDescription("streetweek emerging hot spots: " + formatMonth(first) + ".." +
                                   formatMonth(last) + ", cell " + std::to_string(r.cell_size_m) +
                                   " m, distance " + std::to_string(r.distance_m) + " m");
    std::map<EmergingPattern, int> tally;
    const Grid& g = r.shape;
    for (std::size_t row = 0; row < g.rows; ++row)
        for (std::size_t col = 0; col < g.cols; ++col) {
            const std::size_t i = row * g.cols + col;
            if (!r.in_study[i])
                continue;
            ++tally[r.pattern[i]];
            const MultiPolygon mp = cellSquare(g, row, col);
            if (auto st = writer.value()->add(
                    {std::string(patternName(r.pattern[i])), std::int64_t(r.hot_months[i]),
                     std::int64_t(r.months), std::round(r.trend_z[i] * 1e4) / 1e4, r.trend_p[i],
                     g.values[i]},
                    &mp);
                !st)
                return fail("emerging", st.error(), kExitFailure);
        }
    if (auto st = writer.value()->commit(); !st)
        return fail("emerging", st.error(), kExitFailure);

    if (session.synthetic())
        std::cout << "SYNTHETIC SAMPLE DATA (not real crime data)\n";
    for (const auto& n : s.notes)
        std::cout << "note: " << n << "\n";
    std::printf("Emerging hot spots: %zu months (%s..%s, recent window %zu), %zu incidents, "
                "%g m cells, neighbourhood %g m, hot at %s%% confidence%s\n",
                r.months, formatMonth(first).c_str(), formatMonth(last).c_str(), r.recent_months,
                s.points.x.size(), r.cell_size_m, r.distance_m,
                ep.hot_bin == 1 ? "90" : (ep.hot_bin == 2 ? "95" : "99"),
                ep.gi.fdr ? " after FDR correction" : "");
    for (EmergingPattern p :
         {EmergingPattern::New, EmergingPattern::Intensifying, EmergingPattern::Persistent,
          EmergingPattern::Diminishing, EmergingPattern::Intermittent, EmergingPattern::Former,
          EmergingPattern::None})
        std::printf("  %-13s %d cells\n", patternName(p), tally[p]);
    std::printf("Wrote %s\n", out.c_str());
    return kExitOk;
}

} // namespace sw::cli
