// `streetweek info`: what was loaded and what was rejected, as text or JSON.
#include "cli/commands.hpp"
#include "cli/data_command.hpp"
#include "cli/json_output.hpp"
#include "cli/load_options.hpp"
#include "session/session.hpp"

#include <cstdio>
#include <iostream>

namespace sw::cli {
namespace {

Json jsonFile(const FileReport& f) {
    Json j;
    j["path"] = f.path;
    j["format"] = f.format;
    j["read"] = f.rows_read;
    j["kept"] = f.rows_kept;
    j["rejected"] = f.rejected.total();
    j["reasons"] = Json::array();
    for (const auto& r : f.rejected.reasons())
        j["reasons"].push_back(
            {{"reason", r.reason}, {"count", r.count}, {"first_lines", r.first_lines}});
    j["warnings"] = f.warnings;
    return j;
}

Json jsonReport(const Session& session) {
    const LoadReport& r = session.report();
    const auto& t = session.incidents();
    Json j;
    j["working_crs"] = r.working_crs;
    j["synthetic"] = session.synthetic();
    if (!r.wards.path.empty())
        j["wards"] = jsonFile(r.wards);
    j["ward_count"] = session.wards().size();
    j["ward_repairs"] = r.ward_repairs;
    j["incident_files"] = Json::array();
    for (const auto& f : r.incidents)
        j["incident_files"].push_back(jsonFile(f));
    if (r.population)
        j["population"] = jsonFile(*r.population);
    j["incidents"] = r.incidents_kept;
    j["outside_wards"] = r.outside_wards;
    const auto range = t.monthRange();
    j["first_month"] = range ? formatMonth(range->first) : "";
    j["last_month"] = range ? formatMonth(range->second) : "";
    std::vector<std::size_t> counts(t.crime_type.values().size(), 0);
    for (std::size_t i = 0; i < t.size(); ++i)
        ++counts[t.crime_type.code(i)];
    j["crime_types"] = Json::object();
    for (std::size_t c = 0; c < counts.size(); ++c)
        if (counts[c])
            j["crime_types"][t.crime_type.values()[c]] = counts[c];
    j["warnings"] = r.warnings;
    j["seconds"] = r.seconds;
    return j;
}

} // namespace

int runInfo(int argc, char** argv) {
    auto parsed =
        parseDataCommand({"info",
                          "Loads wards and incidents and reports what was read, kept and rejected.",
                          {{"json", "", "print the report as JSON"}},
                          false,
                          false,
                          {},
                          {}},
                         argc, argv);
    if (auto* code = std::get_if<int>(&parsed))
        return *code;
    const DataCommand& cmd = std::get<DataCommand>(parsed);
    const Args& args = cmd.args;
    Session session;
    if (auto st = session.load(cmd.request); !st)
        return fail("info", st.error(), kExitFailure);
    if (args.has("json")) {
        printJson(jsonReport(session));
        return kExitOk;
    }
    if (session.synthetic())
        std::cout << "SYNTHETIC SAMPLE DATA (not real crime data)\n";
    for (const auto& line : session.report().lines())
        std::cout << line << "\n";
    const auto range = session.months().span();
    if (range)
        std::cout << "Months: " << formatMonth(range->first) << " to " << formatMonth(range->last)
                  << "\n";
    std::cout << "Wards: " << session.wards().size() << "\n";
    if (!cmd.request.incident_paths.empty() && session.incidents().empty())
        return fail("info",
                    "no incidents were loaded: every file was empty or every row was rejected",
                    kExitFailure);
    return kExitOk;
}

} // namespace sw::cli
