// The preamble every data subcommand shares: its options (the load options plus its own),
// --help and --version, the load request, the required inputs, and a checked --out path.
// A command then builds its request, calls the session action, writes through io and prints.
#pragma once

#include "cli/cli_args.hpp"
#include "cli/terminal_progress.hpp"
#include "core/result.hpp"
#include "io/vector_writer.hpp"
#include "session/data_loader.hpp"
#include "session/session.hpp"

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace sw::cli {

struct DataCommandSpec {
    std::string name, summary;
    std::vector<OptionSpec> options; // the command's own, after the load options
    bool wards_required = false;
    bool incidents_required = true;
    // The extensions --out may have (".tif", ".gpkg", ...); empty: the command has no --out.
    std::vector<std::string> out_extensions;
    std::string out_help;          // the --out option's help (the extensions are added)
    bool inputs_from_plan = false; // --wards and --incidents may both be left to a plan
};

struct DataCommand {
    Args args;
    LoadRequest request;
    std::string out;              // checked: one of the extensions, not a folder
    io::VectorWriteOptions write; // --geojson-bng
};

// The parsed command, or the exit code when it is done already (help, usage error).
std::variant<DataCommand, int> parseDataCommand(const DataCommandSpec& spec, int argc, char** argv);

// Prints "streetweek CMD: message" for an action's error and returns 2 for a bad request
// (usage), 1 for a failure.
int failWith(const std::string& command, const Error& error);

// Loads the command's data into the session and prints every rejection and warning of the
// load report on stderr, one line each (the command then reports the error, if any).
Status loadAndReport(Session& session, const DataCommand& cmd);

// Runs an action with a progress line on the terminal (unless --quiet): work(Progress*).
template <typename Work> auto withProgress(const DataCommand& cmd, const char* label, Work work) {
    Progress progress;
    TerminalProgress shown(label, progress, !cmd.args.has("quiet"));
    return work(&progress);
}

// Why a density cannot be written: nothing selected, or no incident reaches a cell centre
// (an all-zero surface says nothing); nullopt when it can. A dual surface may be all zero.
std::optional<std::string> emptySurfaceProblem(const KdeResult& density, bool dual);

// What every analysis prints first: the synthetic-data warning when it applies (stdout), and
// the notes of the selection ("note: ...", on stderr with every other warning).
void printPreamble(const Session& session, const std::vector<std::string>& notes);
void printNotes(const std::vector<std::string>& notes);

// "--out" checks shared with commands outside this preamble: the path has one of the
// extensions and is not an existing folder.
Status checkOutPath(const std::string& out, const std::vector<std::string>& extensions);

} // namespace sw::cli
