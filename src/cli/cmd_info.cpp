// `streetweek info`: what was loaded and what was rejected, as text or JSON.
#include "cli/commands.hpp"
#include "cli/data_command.hpp"
#include "cli/json_text.hpp"
#include "cli/load_options.hpp"
#include "session/session.hpp"

#include <cstdio>
#include <iostream>

namespace sw::cli {
namespace {

std::string jsonFile(const FileReport& f) {
    std::string s = "{\"path\": " + jsonString(f.path) + ", \"format\": " + jsonString(f.format) +
                    ", \"read\": " + std::to_string(f.rows_read) +
                    ", \"kept\": " + std::to_string(f.rows_kept) +
                    ", \"rejected\": " + std::to_string(f.rejected.total()) + ", \"reasons\": [";
    bool first = true;
    for (const auto& r : f.rejected.reasons()) {
        s += std::string(first ? "" : ", ") + "{\"reason\": " + jsonString(r.reason) +
             ", \"count\": " + std::to_string(r.count) + ", \"first_lines\": [";
        for (std::size_t i = 0; i < r.first_lines.size(); ++i)
            s += (i ? ", " : "") + std::to_string(r.first_lines[i]);
        s += "]}";
        first = false;
    }
    s += "], \"warnings\": [";
    for (std::size_t i = 0; i < f.warnings.size(); ++i)
        s += (i ? ", " : "") + jsonString(f.warnings[i]);
    return s + "]}";
}

std::string jsonReport(const Session& session) {
    const LoadReport& r = session.report();
    const auto& t = session.incidents();
    std::string s = "{\n  \"working_crs\": " + jsonString(r.working_crs) + ",\n";
    s += "  \"synthetic\": " + std::string(session.synthetic() ? "true" : "false") + ",\n";
    if (!r.wards.path.empty())
        s += "  \"wards\": " + jsonFile(r.wards) + ",\n";
    s += "  \"ward_count\": " + std::to_string(session.wards().size()) + ",\n";
    s += "  \"ward_repairs\": [";
    for (std::size_t i = 0; i < r.ward_repairs.size(); ++i)
        s += (i ? ", " : "") + jsonString(r.ward_repairs[i]);
    s += "],\n  \"incident_files\": [";
    for (std::size_t i = 0; i < r.incidents.size(); ++i)
        s += std::string(i ? ",\n    " : "\n    ") + jsonFile(r.incidents[i]);
    s += "],\n";
    if (r.population)
        s += "  \"population\": " + jsonFile(*r.population) + ",\n";
    s += "  \"incidents\": " + std::to_string(r.incidents_kept) + ",\n";
    s += "  \"outside_wards\": " + std::to_string(r.outside_wards) + ",\n";
    const auto range = t.monthRange();
    s += "  \"first_month\": " + jsonString(range ? formatMonth(range->first) : "") + ",\n";
    s += "  \"last_month\": " + jsonString(range ? formatMonth(range->second) : "") + ",\n";
    s += "  \"crime_types\": {";
    std::vector<std::size_t> counts(t.crime_type.values().size(), 0);
    for (std::size_t i = 0; i < t.size(); ++i)
        ++counts[t.crime_type.code(i)];
    bool first = true;
    for (std::size_t c = 0; c < counts.size(); ++c) {
        if (!counts[c])
            continue;
        s += std::string(first ? "" : ", ") + jsonString(t.crime_type.values()[c]) + ": " +
             std::to_string(counts[c]);
        first = false;
    }
    s += "},\n  \"warnings\": [";
    for (std::size_t i = 0; i < r.warnings.size(); ++i)
        s += (i ? ", " : "") + jsonString(r.warnings[i]);
    s += "],\n  \"seconds\": " + std::to_string(r.seconds) + "\n}\n";
    return s;
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
        std::cout << jsonReport(session);
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
