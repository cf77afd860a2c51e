// `streetweek export`: the partner pack of a plan.
#include "cli/commands.hpp"
#include "cli/load_options.hpp"
#include "cli/pack_options.hpp"
#include "cli/plan_input.hpp"
#include "session/partner_pack.hpp"

#include <cstdio>
#include <iostream>

namespace sw::cli {
namespace {

// --format and the pack options into the request.
Status packOptions(const Args& args, const Plan& plan, PartnerPackRequest& req) {
    const std::string format = args.get("format", "gpkg");
    const auto f = io::parsePackFormat(format);
    if (!f)
        return badRequest("--format must be shp, gpkg, geojson, kml, csv or xlsx, got '" + format +
                          "'");
    req.format = *f;
    if (auto st = packContentOptions(args, plan, req.content); !st)
        return st;
    req.content.include_points = args.has("include-points");
    req.zip = args.has("zip");
    req.map_image = !args.has("no-map");
    req.out_dir = args.get("out");
    req.title = args.get("title");
    return okStatus();
}

void printSummary(const PartnerPackResult& r, const PartnerPackRequest& req) {
    std::printf("Partner pack (%s) written to %s\n", io::packFormatTitle(req.format),
                r.folder.c_str());
    for (const auto& l : r.layers) {
        std::printf("  %-15s %6zu features", l.name.c_str(), l.features);
        const auto& d = l.disclosure;
        const auto n = [](std::size_t k, const char* one) {
            return std::to_string(k) + " " + one + (k == 1 ? "" : "s");
        };
        if (d.primary + d.secondary + d.derived)
            std::printf("; withheld: %s, %s, %s in %s", n(d.primary, "small count").c_str(),
                        n(d.secondary, "complement").c_str(), n(d.derived, "derived value").c_str(),
                        n(d.rows, "row").c_str());
        std::printf("\n");
    }
    std::printf("  files: ");
    for (std::size_t i = 0; i < r.files.size(); ++i)
        std::printf("%s%s", i ? ", " : "", r.files[i].c_str());
    std::printf("\n");
    if (!r.zip.empty())
        std::printf("  zip: %s\n", r.zip.c_str());
    if (req.content.suppress > 1)
        std::printf("  disclosure control: counts 1 to %lld withheld, with complements\n",
                    static_cast<long long>(req.content.suppress - 1));
}

} // namespace

int runExport(int argc, char** argv) {
    auto options = planInputSpecs();
    options.push_back({"format", "F", "shp, gpkg (default), geojson, kml, csv or xlsx"});
    options.push_back({"out", "DIR", "the pack's folder (created, or a previous pack replaced)"});
    for (auto& o : packOptionSpecs())
        options.push_back(o);
    options.push_back({"include-points", "",
                       "add the incident points (month, crime type, location; never Crime ID)"});
    options.push_back({"zip", "", "also write DIR.zip"});
    options.push_back({"no-map", "", "leave out the map image"});
    options.push_back({"title", "TEXT", "the map's and README's title"});
    auto parsed = parsePlanCommand(
        "export",
        "The partner pack: the plan's target areas (schedule and statistics), hotspot "
        "polygons, Gi*\n"
        "classes and ward profiles in one format, styled for QGIS, the density surface as "
        "GeoTIFF, a map\n"
        "of the plan (PNG) and a README (text and HTML) with the period, layers, parameters, "
        "sources and\n"
        "licences. Small counts are withheld (disclosure control); written to a temporary "
        "folder and\n"
        "moved into place when complete.",
        options, argc, argv);
    if (auto* code = std::get_if<int>(&parsed))
        return *code;
    PlanCommand& pc = std::get<PlanCommand>(parsed);
    PartnerPackRequest req;
    req.plan_path = pc.path;
    if (auto st = packOptions(pc.cmd.args, pc.plan, req); !st)
        return failWith("export", st.failure());
    if (req.out_dir.empty())
        return fail("export", "give --out DIR, the folder to write the pack in", kExitUsage);
    warnIfUnsuppressed("export", req.content);
    if (req.content.include_points)
        std::fprintf(stderr, "streetweek export: warning: --include-points puts every selected "
                             "incident's month, crime type and location in the pack\n");
    Session session;
    auto sel = loadPlanData(session, pc);
    if (!sel)
        return failWith("export", sel.failure());
    req.content.selection = sel.value();
    auto r = withProgress(pc.cmd, "Writing the pack",
                          [&](Progress* p) { return exportPartnerPack(session, pc.plan, req, p); });
    if (!r)
        return failWith("export", r.failure());
    printNotes(r.value().notes);
    printSummary(r.value(), req);
    return kExitOk;
}

} // namespace sw::cli
