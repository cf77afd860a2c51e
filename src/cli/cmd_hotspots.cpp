// `streetweek hotspots`: KDE, a threshold, and the hotspot areas as polygons with their
// statistics (area, incidents per layer, peak, share, PAI, wards) to GeoPackage/Shapefile/GeoJSON.
#include "cli/analysis_options.hpp"
#include "cli/commands.hpp"
#include "cli/data_command.hpp"
#include "cli/load_options.hpp"
#include "io/hotspot_export.hpp"

#include <cmath>
#include <cstdio>
#include <iostream>

namespace sw::cli {
namespace {

void printSummary(const Session& session, const HotspotRequest& request, const HotspotResult& r,
                  const std::string& out) {
    printPreamble(session, r.notes);
    const KdeParams& k = r.resolved.kde;
    const Grid& g = r.density.grid;
    // A top-N% threshold on a surface with density in fewer than N% of the cells is "above 0".
    const bool any_density = r.threshold_value == std::nextafter(0.0, 1.0);
    char value[32];
    std::snprintf(value, sizeof value, "%.6g", r.threshold_value);
    std::printf("KDE %s, radius %g m, cell %g m (%zu x %zu); threshold %s = %s\n",
                kernelName(k.kernel), k.radius_m, k.cell_size_m, g.cols, g.rows,
                request.threshold.describe().c_str(),
                any_density ? "any density (fewer cells than that have any)" : value);
    std::printf("%zu hotspots from %zu incidents; study area %.2f km^2\n", r.hotspots.size(),
                r.incidents, r.study_area_km2);
    std::printf(" rank  area km2  incidents  share %%    PAI  wards\n");
    for (std::size_t i = 0; i < r.hotspots.size() && i < 15; ++i) {
        const auto& h = r.hotspots[i];
        std::string wards;
        for (const auto& w : h.wards)
            wards += (wards.empty() ? "" : ", ") + w;
        std::printf(" %4d  %7.3f  %9lld  %7.2f  %5.1f  %s\n", h.stats.rank, h.stats.area_km2,
                    static_cast<long long>(h.stats.incidents), h.stats.share * 100, h.stats.pai,
                    wards.c_str());
    }
    if (r.hotspots.size() > 15)
        std::printf(" ... %zu more in the file\n", r.hotspots.size() - 15);
    std::printf("Wrote %s\n", out.c_str());
}

} // namespace

int runHotspots(int argc, char** argv) {
    auto options = selectionOptionSpecs();
    for (auto& s : kdeOptionSpecs())
        options.push_back(s);
    options.push_back({"threshold", "RULE",
                       "top:P% of the study area's cells (default top:5%), sd:K (mean + K SD of "
                       "non-zero cells), value:V"});
    auto parsed = parseDataCommand(
        {"hotspots",
         "Hotspot areas: cells of the kernel density above a threshold, as polygons (GDAL "
         "polygonize,\n"
         "8-connected cells form one hotspot) with area, incidents inside per layer, peak "
         "density,\n"
         "share of all incidents, PAI = (n/N)/(a/A) against the wards' area, and the wards "
         "touched.",
         options, false, true, vectorOutExtensions(), "output"},
        argc, argv);
    if (auto* code = std::get_if<int>(&parsed))
        return *code;
    const DataCommand& cmd = std::get<DataCommand>(parsed);
    Session session;
    HotspotRequest request;
    auto density = kdeRequestFrom(cmd.args, session);
    if (!density)
        return fail("hotspots", density.error(), kExitUsage);
    request.density = std::move(density.value());
    auto threshold = parseThreshold(cmd.args.get("threshold", "top:5%"));
    if (!threshold)
        return fail("hotspots", threshold.error(), kExitUsage);
    request.threshold = threshold.value();
    if (auto st = loadAndReport(session, cmd); !st)
        return fail("hotspots", st.error(), kExitFailure);

    auto res = withProgress(cmd, "Computing hotspots...", [&](Progress* progress) {
        return findHotspots(session, request, progress);
    });
    if (!res)
        return failWith("hotspots", res.failure());
    const HotspotResult& r = res.value();
    if (const auto empty = emptySurfaceProblem(r.density, false)) {
        printPreamble(session, r.notes);
        return fail("hotspots", *empty, kExitFailure);
    }
    if (!r.resolved.radius_note.empty())
        std::cout << r.resolved.radius_note << "\n";
    std::vector<std::string> keys;
    for (const auto& l : request.density.selection.layers)
        keys.push_back(l.key);
    if (auto st =
            io::exportHotspots(cmd.out, r.hotspots, keys, session.data().working_crs,
                               "streetweek hotspots: " + request.threshold.describe(), cmd.write);
        !st)
        return fail("hotspots", st.error(), kExitFailure);
    printSummary(session, request, r, cmd.out);
    return kExitOk;
}

} // namespace sw::cli
