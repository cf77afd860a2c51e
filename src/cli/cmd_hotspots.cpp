// `streetweek hotspots`: KDE, a threshold, and the hotspot areas as polygons with their
// statistics (area, incidents per layer, peak, share, PAI, wards) to GeoPackage/Shapefile/GeoJSON.
#include "cli/analysis_options.hpp"
#include "cli/commands.hpp"
#include "cli/load_options.hpp"
#include "io/vector_writer.hpp"
#include "session/hotspot_analysis.hpp"

#include <cmath>
#include <cstdio>
#include <iostream>

namespace sw::cli {

int runHotspots(int argc, char** argv) {
    auto specs = loadOptionSpecs(false);
    for (auto& s : selectionOptionSpecs())
        specs.push_back(s);
    for (auto& s : kdeOptionSpecs())
        specs.push_back(s);
    specs.push_back({"threshold", "RULE",
                     "top:P% of the study area's cells (default top:5%), sd:K (mean + K SD of "
                     "non-zero cells), value:V",
                     false});
    specs.push_back(vectorOutSpec());
    Args args(
        "hotspots",
        "Hotspot areas: cells of the kernel density above a threshold, as polygons (GDAL "
        "polygonize,\n"
        "8-connected cells form one hotspot) with area, incidents inside per layer, peak density,\n"
        "share of all incidents, PAI = (n/N)/(a/A) against the wards' area, and the wards touched.",
        specs);
    if (auto err = args.parse(argc, argv, 2))
        return fail("hotspots", *err, kExitUsage);
    if (args.help()) {
        std::cout << args.usage();
        return kExitOk;
    }
    auto req = loadRequestFrom(args, false);
    if (!req)
        return fail("hotspots", req.error(), kExitUsage);
    if (req.value().incident_paths.empty())
        return fail("hotspots", "--incidents is required", kExitUsage);
    const auto out_path = vectorOutPath(args);
    if (!out_path)
        return fail("hotspots", out_path.error(), kExitUsage);
    const std::string& out = out_path.value();
    auto kde = kdeParamsFrom(args);
    if (!kde)
        return fail("hotspots", kde.error(), kExitUsage);
    auto threshold = parseThreshold(args.get("threshold", "top:5%"));
    if (!threshold)
        return fail("hotspots", threshold.error(), kExitUsage);
    Session session;
    auto selection = selectionFrom(args, session);
    if (!selection)
        return fail("hotspots", selection.error(), kExitUsage);
    if (auto st = session.load(req.value()); !st)
        return fail("hotspots", st.error(), kExitFailure);

    HotspotParams p;
    p.selection = selection.value();
    p.kde = kde.value();
    p.kde.extent = resolveGrid(session, p.kde);
    p.threshold = threshold.value();
    if (radiusRule(args)) {
        auto sel = selectIncidents(session.incidents(), p.selection);
        if (!sel)
            return fail("hotspots", sel.error(), kExitUsage);
        auto note = resolveRadius(args, p.kde, sel.value().points);
        if (!note)
            return fail("hotspots", note.error(), kExitFailure);
        std::cout << note.value() << "\n";
    }
    auto res = findHotspots(session, p);
    if (!res)
        return fail("hotspots", res.error(), kExitFailure);
    const HotspotResult& r = res.value();

    using T = io::FieldSpec::Type;
    std::vector<io::FieldSpec> fields = {
        {"rank", T::Integer}, {"area_km2", T::Real}, {"incidents", T::Integer}};
    for (const auto& l : p.selection.layers)
        fields.push_back({l.key, T::Integer});
    for (auto f : {io::FieldSpec{"share_pct", T::Real}, io::FieldSpec{"pai", T::Real},
                   io::FieldSpec{"peak", T::Real}, io::FieldSpec{"wards", T::Text}})
        fields.push_back(f);
    auto writer =
        io::VectorWriter::create(out, "hotspots", fields, true, session.data().working_crs);
    if (!writer)
        return fail("hotspots", writer.error(), kExitFailure);
    writer.value()->setDescription("streetweek hotspots: " + p.threshold.describe());
    auto round = [](double v, double f) { return std::round(v * f) / f; };
    for (const auto& h : r.hotspots) {
        std::string wards;
        for (const auto& w : h.wards)
            wards += (wards.empty() ? "" : "; ") + w;
        std::vector<io::FieldValue> v = {std::int64_t(h.stats.rank), round(h.stats.area_km2, 1e4),
                                         h.stats.incidents};
        for (auto c : h.stats.per_layer)
            v.emplace_back(c);
        v.emplace_back(round(h.stats.share * 100, 1e3));
        v.emplace_back(round(h.stats.pai, 1e3));
        v.emplace_back(round(h.stats.peak, 1e3));
        v.emplace_back(wards);
        if (auto st = writer.value()->add(v, &h.shape); !st)
            return fail("hotspots", st.error(), kExitFailure);
    }
    if (auto st = writer.value()->commit(); !st)
        return fail("hotspots", st.error(), kExitFailure);

    if (session.synthetic())
        std::cout << "SYNTHETIC SAMPLE DATA (not real crime data)\n";
    for (const auto& n : r.notes)
        std::cout << "note: " << n << "\n";
    const Grid& g = r.density.grid;
    std::printf("KDE %s, radius %g m, cell %g m (%zu x %zu); threshold %s = %.6g\n",
                kernelName(p.kde.kernel), p.kde.radius_m, p.kde.cell_size_m, g.cols, g.rows,
                p.threshold.describe().c_str(), r.threshold_value);
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
    return kExitOk;
}

} // namespace sw::cli
