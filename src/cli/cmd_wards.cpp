// `streetweek wards`: the ward profile (counts per layer, rate, rank, change) to CSV/GPKG/SHP.
#include "cli/commands.hpp"
#include "cli/data_command.hpp"
#include "cli/load_options.hpp"
#include "geo/crs_transform.hpp"
#include "io/vector_writer.hpp"
#include "io/ward_profile_export.hpp"
#include "session/session.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <iostream>

namespace sw::cli {
namespace {

std::string aboutText(const Session& s, const WardProfile& p, const ProfileParams& params) {
    std::string t;
    if (s.synthetic())
        t += "SYNTHETIC SAMPLE DATA - not real crime data\n";
    t += "streetweek ward profile\n";
    t += "Period: " + formatMonth(p.from) + " to " + formatMonth(p.to) + "\n";
    t += "Previous period: " + formatMonth(p.prev_from) + " to " + formatMonth(p.prev_to) +
         (p.prev_covered ? "" : " (not covered by the data: change left blank)") + "\n";
    if (params.layers.empty()) {
        t += "Count: all incidents\n";
    } else {
        t += "Count: incidents in any of these layers:\n";
        for (const auto& l : params.layers)
            t += "  " + formatLayerRule(l) + "\n";
    }
    t += "Incidents in the period: " + std::to_string(p.total_in_period) + " (" +
         std::to_string(p.outside_wards) + " outside every ward, not in any row)\n";
    t += "CRS: " + geo::describeCrs(s.data().working_crs) + "\n";
    t += "Sources:\n  wards: " + s.wards().source_path + "\n";
    for (const auto& f : s.incidents().files)
        t += "  incidents: " + f + "\n";
    for (const auto& src : s.incidents().sources)
        t += "  source " + src.describe() + "\n";
    if (!s.request().population_path.empty())
        t += "  population: " + s.request().population_path + "\n";
    t += "No data: a layer none of whose sources covers the period is blank (NULL), not 0; a "
         "layer only some of whose sources cover it is partial (see the notes).\n";
    t += "Columns: count = incidents in the period; one column per layer (by key); population; "
         "rate_1000 = count per 1,000 residents; rank (1 = most); prev_count/change/change_pct = "
         "previous period of the same length; ly_count/ly_change = same months a year earlier.\n";
    t += "Attribution: contains police.uk data, Open Government Licence v3.0; boundaries may "
         "contain "
         "OS data (c) Crown copyright and database right, and ONS data (c) Crown copyright.\n";
    const std::time_t now = std::time(nullptr);
    char when[64];
    std::strftime(when, sizeof when, "%Y-%m-%d %H:%M UTC", std::gmtime(&now));
    t += std::string("Generated: ") + when + "\n";
    return t;
}

} // namespace

int runWards(int argc, char** argv) {
    auto options = layerOptionSpecs();
    options.push_back(
        {"from", "YYYY-MM", "first month of the period (default: first in the data)"});
    options.push_back({"to", "YYYY-MM", "last month of the period (default: last in the data)"});
    auto parsed = parseDataCommand(
        {"wards",
         "Ward profile: incidents per ward for a period and layers, rate per 1,000 residents,\n"
         "rank, and change against the previous period of the same length.",
         options,
         true,
         false,
         {".csv", ".gpkg", ".shp"},
         "output"},
        argc, argv);
    if (auto* code = std::get_if<int>(&parsed))
        return *code;
    const DataCommand& cmd = std::get<DataCommand>(parsed);
    const Args& args = cmd.args;
    const std::string& out = cmd.out;
    ProfileParams params;
    for (const char* key : {"from", "to"}) {
        if (!args.has(key))
            continue;
        const auto m = parseMonth(args.get(key));
        if (!m)
            return fail("wards",
                        std::string("--") + key + " must be YYYY-MM, got '" + args.get(key) + "'",
                        kExitUsage);
        (std::string(key) == "from" ? params.from : params.to) = *m;
    }
    Session session;
    auto selected = selectLayers(args, session.layers());
    if (!selected)
        return fail("wards", selected.error(), kExitUsage);
    params.layers = selected.value();
    if (auto st = params.validate(); !st)
        return fail("wards", st.error(), kExitUsage);

    if (auto st = loadAndReport(session, cmd); !st)
        return fail("wards", st.error(), kExitFailure);
    if (session.incidents().empty())
        return fail("wards",
                    "no incidents were loaded: every file was empty or every row was rejected "
                    "(run 'streetweek info' with the same files for the load report)",
                    kExitFailure);
    auto prof = session.wardProfile(params);
    if (!prof)
        return fail("wards", prof.error(), kExitFailure);
    const WardProfile& p = prof.value();
    if (auto st = io::exportWardProfile(p, session.wards(), out, session.data().working_crs,
                                        aboutText(session, p, params), cmd.write);
        !st)
        return fail("wards", st.error(), kExitFailure);

    if (session.synthetic())
        std::cout << "SYNTHETIC SAMPLE DATA (not real crime data)\n";
    std::cout << "Ward profile " << formatMonth(p.from) << " to " << formatMonth(p.to);
    if (!p.layer_names.empty()) {
        std::cout << " (layers:";
        for (const auto& n : p.layer_names)
            std::cout << " " << n << ";";
        std::cout << ")";
    }
    std::cout << "\n rank  ward                               count  rate/1000   change\n";
    for (const auto& r : p.rows) {
        char line[200];
        const std::string rate =
            r.rate_per_1000 ? std::to_string(*r.rate_per_1000).substr(0, 6) : "-";
        const std::string change = r.change ? std::to_string(*r.change) : "-";
        const bool counted = p.count_data != PeriodData::None;
        const std::string count = counted ? std::to_string(r.count) : "no data";
        std::snprintf(line, sizeof line, " %4s  %-32s %7s  %9s  %7s\n",
                      counted ? std::to_string(r.rank).c_str() : "-", r.name.c_str(), count.c_str(),
                      counted ? rate.c_str() : "-", change.c_str());
        std::cout << line;
    }
    std::cout << "Incidents in the period: " << p.total_in_period
              << ", outside every ward: " << p.outside_wards << "\n";
    printNotes(p.notes);
    const auto about = std::filesystem::path(out).parent_path() /
                       (std::filesystem::path(out).stem().string() + "_about.txt");
    std::cout << "Wrote " << out << " and " << about.string() << "\n";
    return kExitOk;
}

} // namespace sw::cli
