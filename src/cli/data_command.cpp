// The shared subcommand preamble.
#include "cli/data_command.hpp"

#include "io/plan_file.hpp"

#include "cli/load_options.hpp"
#include "cli/terminal_progress.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <filesystem>
#include <iostream>

namespace sw::cli {
namespace {

// ".csv", ".gpkg", ".shp" -> ".csv, .gpkg or .shp"
std::string listOf(const std::vector<std::string>& items) {
    std::string s;
    for (std::size_t i = 0; i < items.size(); ++i)
        s += (i == 0 ? "" : i + 1 == items.size() ? " or " : ", ") + items[i];
    return s;
}

} // namespace

Status checkOutPath(const std::string& out, const std::vector<std::string>& extensions) {
    if (out.empty())
        return badRequest("--out is required");
    bool known = false;
    for (const auto& e : extensions)
        known = known || endsWithIgnoreCase(out, e) ||
                (e == ".gpkg" && io::isPlanDatabase(out)); // a plan in the office's database
    if (!known)
        return badRequest("--out must end in " + listOf(extensions));
    std::error_code ec;
    if (std::filesystem::is_directory(out, ec))
        return badRequest("--out: " + out + " is a folder; give a file name inside it");
    return okStatus();
}

std::variant<DataCommand, int> parseDataCommand(const DataCommandSpec& spec, int argc,
                                                char** argv) {
    auto specs = loadOptionSpecs(spec.wards_required);
    specs.insert(specs.end(), spec.options.begin(), spec.options.end());
    if (!spec.out_extensions.empty())
        specs.push_back(
            {"out", "FILE", spec.out_help + " " + listOf(spec.out_extensions) + " (required)"});
    const bool geojson = std::find(spec.out_extensions.begin(), spec.out_extensions.end(),
                                   ".geojson") != spec.out_extensions.end();
    if (geojson)
        specs.push_back({"geojson-bng", "",
                         "GeoJSON in British National Grid with a crs member (default: RFC 7946, "
                         "WGS84 longitude/latitude)"});
    DataCommand cmd{Args(spec.name, spec.summary, specs), {}, {}, {}};
    if (auto err = cmd.args.parse(argc, argv, 2))
        return fail(spec.name, *err, kExitUsage);
    if (cmd.args.help()) {
        std::cout << cmd.args.usage();
        return kExitOk;
    }
    auto req = loadRequestFrom(cmd.args, spec.wards_required, !spec.inputs_from_plan);
    if (!req)
        return fail(spec.name, req.error(), kExitUsage);
    cmd.request = std::move(req.value());
    if (spec.incidents_required && cmd.request.incident_paths.empty())
        return fail(spec.name, "--incidents is required", kExitUsage);
    if (!spec.out_extensions.empty()) {
        cmd.out = cmd.args.get("out");
        if (auto st = checkOutPath(cmd.out, spec.out_extensions); !st)
            return fail(spec.name, st.error(), kExitUsage);
    }
    cmd.write.geojson_working_crs = geojson && cmd.args.has("geojson-bng");
    return cmd;
}

Status loadAndReport(Session& session, const DataCommand& cmd) {
    Progress progress;
    Status loaded = okStatus();
    {
        TerminalProgress shown("Loading...", progress, !cmd.args.has("quiet"));
        loaded = session.load(cmd.request, &progress);
    }
    if (!loaded)
        return loaded;
    for (const auto& line : session.report().problems())
        std::cerr << "warning: " << line << "\n";
    return okStatus();
}

std::optional<std::string> emptySurfaceProblem(const KdeResult& d, bool dual) {
    if (d.empty_input)
        return std::string("no incidents selected: the density would be all zero (nothing "
                           "written)");
    if (!dual && !(d.grid.max() > 0) && d.protected_suppressed)
        return std::string("every cell it would reach rests on too few rows of sources that are "
                           "not public (protected locations): the density would be all zero "
                           "(nothing written)");
    if (!dual && !(d.grid.max() > 0))
        return std::string("no selected incident lies within the radius of a cell centre of the "
                           "grid: the density would be all zero (nothing written)");
    return std::nullopt;
}

void printPreamble(const Session& session, const std::vector<std::string>& notes) {
    if (session.synthetic())
        std::cout << "SYNTHETIC SAMPLE DATA (not real crime data)\n";
    printNotes(notes);
}

void printNotes(const std::vector<std::string>& notes) {
    for (const auto& n : notes)
        std::cerr << "note: " << n << "\n";
}

int failWith(const std::string& command, const Error& error) {
    return fail(command, error.message, error.bad_request ? kExitUsage : kExitFailure);
}

} // namespace sw::cli
