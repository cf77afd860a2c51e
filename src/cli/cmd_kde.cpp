// `streetweek kde`: kernel density of the chosen incidents to a Float32 GeoTIFF.
#include "cli/analysis_options.hpp"
#include "cli/commands.hpp"
#include "cli/load_options.hpp"
#include "core/parallel.hpp"
#include "geo/crs_transform.hpp"
#include "io/raster_writer.hpp"
#include "session/session.hpp"
#include "session/study_area.hpp"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>

namespace sw::cli {

int runKde(int argc, char** argv) {
    auto specs = loadOptionSpecs(false);
    for (auto& s : selectionOptionSpecs())
        specs.push_back(s);
    for (auto& s : kdeOptionSpecs())
        specs.push_back(s);
    specs.push_back(
        {"dual", "MODE", "difference or ratio against a second surface (--compare-...)", false});
    specs.push_back(
        {"compare-from", "YYYY-MM", "second surface: the same layers from this month", false});
    specs.push_back({"compare-to", "YYYY-MM", "second surface: ... to this month", false});
    specs.push_back(
        {"compare-layer", "NAME", "second surface: this layer in the same period", false});
    specs.push_back({"out", "FILE.tif", "output GeoTIFF (required)", false});
    Args args(
        "kde",
        "Kernel density of the chosen incidents on a grid, to a Float32 GeoTIFF in the working "
        "CRS.\n"
        "Density units are incidents per km^2 (kernels integrate to 1; quartic = 3/(pi "
        "r^2)(1-(d/r)^2)^2,\n"
        "as ArcGIS and GRASS v.kernel); raw units are kernels that peak at each incident's weight.",
        specs);
    if (auto err = args.parse(argc, argv, 2))
        return fail("kde", *err, kExitUsage);
    if (args.help()) {
        std::cout << args.usage();
        return kExitOk;
    }
    auto req = loadRequestFrom(args, false);
    if (!req)
        return fail("kde", req.error(), kExitUsage);
    if (req.value().incident_paths.empty())
        return fail("kde", "--incidents is required", kExitUsage);
    const std::string out = args.get("out");
    if (out.empty())
        return fail("kde", "--out is required", kExitUsage);
    if (std::filesystem::path(out).extension() != ".tif" &&
        std::filesystem::path(out).extension() != ".tiff")
        return fail("kde", "--out must end in .tif", kExitUsage);
    auto params = kdeParamsFrom(args);
    if (!params)
        return fail("kde", params.error(), kExitUsage);
    Session session;
    auto selection_params = selectionFrom(args, session);
    if (!selection_params)
        return fail("kde", selection_params.error(), kExitUsage);

    if (auto st = session.load(req.value()); !st)
        return fail("kde", st.error(), kExitFailure);
    KdeParams k = params.value();
    const Box extent = resolveGrid(session, k);
    auto sel = selectIncidents(session.incidents(), selection_params.value());
    if (!sel)
        return fail("kde", sel.error(), kExitUsage);
    auto radius_note = resolveRadius(args, k, sel.value().points);
    if (!radius_note)
        return fail("kde", radius_note.error(), kExitFailure);
    if (auto st = k.validate(extent); !st)
        return fail("kde", st.error(), kExitUsage);

    const auto t0 = std::chrono::steady_clock::now();
    auto res = computeKde(sel.value().points, k, extent);
    if (!res)
        return fail("kde", res.error(), kExitFailure);
    std::vector<std::uint8_t> study;
    if (k.edge_correct) {
        if (session.wards().empty())
            return fail("kde", "--edge-correct needs --wards (the study area)", kExitUsage);
        study = studyCells(session.wards(), res.value().grid, resolveThreads(k.threads));
        if (auto st = applyEdgeCorrection(res.value().grid, study, k); !st)
            return fail("kde", st.error(), kExitFailure);
    }
    std::string dual_note;
    if (args.has("dual")) {
        const std::string mode = args.get("dual");
        if (mode != "difference" && mode != "ratio")
            return fail("kde", "--dual must be difference or ratio", kExitUsage);
        SelectionParams b = selection_params.value();
        if (args.has("compare-layer")) {
            const LayerRule* l = session.findLayer(args.get("compare-layer"));
            if (!l)
                return fail("kde",
                            "--compare-layer: no layer named '" + args.get("compare-layer") + "'",
                            kExitUsage);
            b.layers = {*l};
            b.layer_weights.clear();
            dual_note = "layer " + l->name;
        }
        for (const char* key : {"compare-from", "compare-to"}) {
            if (!args.has(key))
                continue;
            const auto m = parseMonth(args.get(key));
            if (!m)
                return fail("kde", std::string("--") + key + " must be YYYY-MM", kExitUsage);
            (std::string(key) == "compare-from" ? b.from : b.to) = *m;
        }
        if (args.has("compare-from") || args.has("compare-to"))
            dual_note += (dual_note.empty() ? "" : ", ") + std::string("period ") +
                         formatMonth(b.from) + ".." + formatMonth(b.to);
        if (dual_note.empty())
            return fail("kde", "--dual needs --compare-from/--compare-to or --compare-layer",
                        kExitUsage);
        auto sel_b = selectIncidents(session.incidents(), b);
        if (!sel_b)
            return fail("kde", sel_b.error(), kExitUsage);
        auto res_b = computeKde(sel_b.value().points, k, extent);
        if (!res_b)
            return fail("kde", res_b.error(), kExitFailure);
        if (k.edge_correct)
            if (auto st = applyEdgeCorrection(res_b.value().grid, study, k); !st)
                return fail("kde", st.error(), kExitFailure);
        auto dual = dualSurface(res.value().grid, res_b.value().grid,
                                mode == "ratio" ? DualMode::Ratio : DualMode::Difference);
        if (!dual)
            return fail("kde", dual.error(), kExitFailure);
        res.value().grid = std::move(dual.value());
        dual_note = mode + " against " + dual_note + " (" +
                    std::to_string(sel_b.value().points.x.size()) + " incidents)";
    }
    const double secs =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    const Grid& g = res.value().grid;

    const auto range = session.incidents().monthRange();
    const SelectionParams& sp = selection_params.value();
    const std::string period =
        formatMonth(sp.from != kNoMonth ? sp.from : (range ? range->first : kNoMonth)) + ".." +
        formatMonth(sp.to != kNoMonth ? sp.to : (range ? range->second : kNoMonth));
    std::string layers;
    for (const auto& l : sp.layers)
        layers += (layers.empty() ? "" : " | ") + formatLayerRule(l);
    char num[64];
    std::vector<std::pair<std::string, std::string>> md = {
        {"STREETWEEK_KERNEL", kernelName(k.kernel)},
        {"STREETWEEK_UNITS",
         k.units == DensityUnits::Raw ? "raw (kernels peak at each weight)" : "incidents per km^2"},
        {"STREETWEEK_PERIOD", period},
        {"STREETWEEK_LAYERS", layers.empty() ? "all incidents" : layers},
        {"STREETWEEK_INCIDENTS", std::to_string(sel.value().points.x.size())},
    };
    std::snprintf(num, sizeof num, "%g", k.radius_m);
    md.emplace_back("STREETWEEK_RADIUS_M", num);
    std::snprintf(num, sizeof num, "%g", k.cell_size_m);
    md.emplace_back("STREETWEEK_CELL_SIZE_M", num);
    if (session.synthetic())
        md.emplace_back("STREETWEEK_SYNTHETIC", "synthetic sample data, not real crime data");
    md.emplace_back("STREETWEEK_ATTRIBUTION",
                    "Contains police.uk data, Open Government Licence v3.0");
    if (auto st = io::writeGeoTiff(out, g, session.data().working_crs, md,
                                   std::string(kernelName(k.kernel)) + " density",
                                   /*zero_is_value=*/!dual_note.empty());
        !st)
        return fail("kde", st.error(), kExitFailure);

    if (session.synthetic())
        std::cout << "SYNTHETIC SAMPLE DATA (not real crime data)\n";
    for (const auto& n : sel.value().notes)
        std::cout << "note: " << n << "\n";
    if (!radius_note.value().empty())
        std::cout << radius_note.value() << "\n";
    if (!dual_note.empty())
        std::cout << "Dual KDE: " << dual_note << "\n";
    if (k.edge_correct)
        std::cout << "Edge-corrected within the wards\n";
    std::printf("KDE %s, radius %g m, cell %g m: %zu x %zu cells from (%.1f, %.1f), %s\n",
                kernelName(k.kernel), k.radius_m, k.cell_size_m, g.cols, g.rows, g.xmin, g.ymax,
                k.units == DensityUnits::Raw ? "raw units" : "incidents per km^2");
    std::printf("Incidents: %zu (total weight %g), period %s\n", res.value().points,
                res.value().total_weight, period.c_str());
    if (res.value().empty_input) {
        std::printf("No incidents selected: the grid is all zero (written as nodata)\n");
    } else {
        std::printf("Peak %.6g; ", g.max());
        if (!dual_note.empty())
            std::printf("minimum %.6g (a dual surface has no mass balance)\n", g.min());
        else if (k.units == DensityUnits::Density)
            std::printf("grid sum x cell area = %.6g (the weight within reach of the extent)\n",
                        g.sum() * k.cell_size_m * k.cell_size_m / 1e6);
        else
            std::printf("grid sum = %.6g\n", g.sum());
    }
    std::printf("Computed in %.3f s; wrote %s (%s)\n", secs, out.c_str(),
                geo::describeCrs(session.data().working_crs).c_str());
    return kExitOk;
}

} // namespace sw::cli
