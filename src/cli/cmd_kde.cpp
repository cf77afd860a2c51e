// `streetweek kde`: kernel density of the chosen incidents to a Float32 GeoTIFF.
#include "cli/analysis_options.hpp"
#include "cli/commands.hpp"
#include "cli/data_command.hpp"
#include "cli/load_options.hpp"
#include "geo/crs_transform.hpp"
#include "io/density_export.hpp"

#include <chrono>
#include <cstdio>
#include <iostream>

namespace sw::cli {
namespace {

std::vector<OptionSpec> kdeCommandOptions() {
    auto specs = selectionOptionSpecs();
    for (auto& s : kdeOptionSpecs())
        specs.push_back(s);
    specs.push_back(
        {"dual", "MODE", "difference or ratio against a second surface (--compare-...)"});
    specs.push_back({"compare-from", "YYYY-MM", "second surface: the same layers from this month"});
    specs.push_back({"compare-to", "YYYY-MM", "second surface: ... to this month"});
    specs.push_back({"compare-layer", "NAME", "second surface: this layer in the same period"});
    return specs;
}

// The second surface of --dual: the same selection in another period and/or another layer.
Result<std::optional<DualKdeRequest>> dualFrom(const Args& args, const Session& session,
                                               const SelectionParams& selection) {
    if (!args.has("dual"))
        return std::optional<DualKdeRequest>();
    const std::string mode = args.get("dual");
    if (mode != "difference" && mode != "ratio")
        return Error{"--dual must be difference or ratio"};
    DualKdeRequest d;
    d.mode = mode == "ratio" ? DualMode::Ratio : DualMode::Difference;
    d.compare = selection;
    if (args.has("compare-layer")) {
        const LayerRule* l = session.findLayer(args.get("compare-layer"));
        if (!l)
            return Error{"--compare-layer: no layer named '" + args.get("compare-layer") + "'"};
        d.compare.layers = {*l};
        d.compare.layer_weights.clear();
        d.label = "layer " + l->name;
    }
    for (const char* key : {"compare-from", "compare-to"}) {
        if (!args.has(key))
            continue;
        const auto m = parseMonth(args.get(key));
        if (!m)
            return Error{std::string("--") + key + " must be YYYY-MM"};
        (std::string(key) == "compare-from" ? d.compare.from : d.compare.to) = *m;
    }
    if (args.has("compare-from") || args.has("compare-to"))
        d.label += (d.label.empty() ? "" : ", ") + std::string("period ") +
                   formatMonth(d.compare.from) + ".." + formatMonth(d.compare.to);
    if (d.label.empty())
        return Error{"--dual needs --compare-from/--compare-to or --compare-layer"};
    return std::optional<DualKdeRequest>(std::move(d));
}

void printSummary(const Session& session, const DensityResult& r, const std::string& period,
                  const std::string& out, double seconds) {
    const KdeParams& k = r.resolved.kde;
    const Grid& g = r.density.grid;
    printPreamble(session, r.notes);
    if (!r.resolved.radius_note.empty())
        std::cout << r.resolved.radius_note << "\n";
    if (!r.dual_note.empty())
        std::cout << "Dual KDE: " << r.dual_note << "\n";
    if (k.edge_correct)
        std::cout << "Edge-corrected within the wards\n";
    std::printf("KDE %s, radius %g m, cell %g m: %zu x %zu cells from (%.1f, %.1f), %s\n",
                kernelName(k.kernel), k.radius_m, k.cell_size_m, g.cols, g.rows, g.xmin, g.ymax,
                k.units == DensityUnits::Raw ? "raw units" : "incidents per km^2");
    std::printf("Incidents: %zu (total weight %g), period %s\n", r.density.points,
                r.density.total_weight, period.c_str());
    if (r.density.empty_input) {
        std::printf("No incidents selected: the grid is all zero (written as nodata)\n");
    } else {
        std::printf("Peak %.6g; ", g.max());
        if (!r.dual_note.empty())
            std::printf("minimum %.6g (a dual surface has no mass balance)\n", g.min());
        else if (k.units == DensityUnits::Density)
            std::printf("grid sum x cell area = %.6g (the weight within reach of the extent)\n",
                        g.sum() * k.cell_size_m * k.cell_size_m / 1e6);
        else
            std::printf("grid sum = %.6g\n", g.sum());
    }
    std::printf("Computed in %.3f s; wrote %s (%s)\n", seconds, out.c_str(),
                geo::describeCrs(session.data().working_crs).c_str());
}

} // namespace

int runKde(int argc, char** argv) {
    auto parsed = parseDataCommand(
        {"kde",
         "Kernel density of the chosen incidents on a grid, to a Float32 GeoTIFF in the working "
         "CRS.\n"
         "Density units are incidents per km^2 (kernels integrate to 1; quartic = 3/(pi "
         "r^2)(1-(d/r)^2)^2,\n"
         "as ArcGIS and GRASS v.kernel); raw units are kernels that peak at each incident's "
         "weight.",
         kdeCommandOptions(),
         false,
         true,
         {".tif", ".tiff"},
         "output GeoTIFF"},
        argc, argv);
    if (auto* code = std::get_if<int>(&parsed))
        return *code;
    const DataCommand& cmd = std::get<DataCommand>(parsed);
    Session session;
    auto request = kdeRequestFrom(cmd.args, session);
    if (!request)
        return fail("kde", request.error(), kExitUsage);
    auto dual = dualFrom(cmd.args, session, request.value().selection);
    if (!dual)
        return fail("kde", dual.error(), kExitUsage);
    if (auto st = loadAndReport(session, cmd); !st)
        return fail("kde", st.error(), kExitFailure);

    const auto t0 = std::chrono::steady_clock::now();
    auto res = withProgress(cmd, "Computing the density...", [&](Progress* progress) {
        return densitySurface(session, request.value(), dual.value(), progress);
    });
    if (!res)
        return failWith("kde", res.failure());
    const double secs =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    const DensityResult& r = res.value();
    if (const auto empty = emptySurfaceProblem(r.density, !r.dual_note.empty())) {
        printPreamble(session, r.notes);
        return fail("kde", *empty, kExitFailure);
    }
    const SelectionParams& sp = request.value().selection;
    io::DensityExportInfo info;
    info.kde = r.resolved.kde;
    info.period = periodText(session, sp);
    for (const auto& l : sp.layers)
        info.layers += (info.layers.empty() ? "" : " | ") + formatLayerRule(l);
    info.incidents = r.incidents;
    info.dual = !r.dual_note.empty();
    info.synthetic = session.synthetic();
    if (auto st = io::exportDensity(cmd.out, r.density.grid, session.data().working_crs, info); !st)
        return fail("kde", st.error(), kExitFailure);
    printSummary(session, r, info.period, cmd.out, secs);
    return kExitOk;
}

} // namespace sw::cli
