// The given inputs' file names.
#include "session/source_names.hpp"

#include <filesystem>

namespace sw {

std::string partnerDataCredit(const std::vector<IncidentSource>& sources, const LoadRequest& r) {
    std::string names;
    for (const auto& s : sources)
        if (!s.is_public)
            names += (names.empty() ? "" : ", ") + s.name;
    if (names.empty())
        return {};
    const auto m = static_cast<long>(r.mask_m);
    return "Partner data, not published: " + names +
           (r.exact_locations ? std::string(" (exact locations, under a data-sharing agreement).")
                              : " (locations moved " + std::to_string(m) + " to " +
                                    std::to_string(2 * m) + " m).");
}

std::vector<std::pair<std::string, std::string>> sourceNames(const LoadRequest& r) {
    std::vector<std::pair<std::string, std::string>> out;
    const auto add = [&](const char* role, const std::string& path) {
        if (path.empty())
            return;
        // "data/crime/" names the folder "crime", not "".
        const auto p = std::filesystem::path(path).lexically_normal();
        const auto name = p.has_filename() ? p.filename() : p.parent_path().filename();
        out.emplace_back(role, name.empty() ? path : name.string());
    };
    add("ward boundaries", r.wards_path);
    for (const auto& p : r.incident_paths)
        add("incidents", p);
    add("population", r.population_path);
    add("lookup", r.lookup_path);
    return out;
}

} // namespace sw
