// Locating the bundled sample.
#include "session/bundled_sample.hpp"

#include <cstdlib>
#include <filesystem>

namespace sw {
namespace fs = std::filesystem;

namespace {
constexpr const char* kWards = "medway_wards_2023.geojson";
constexpr const char* kPopulation = "medway_ward_population_2021.csv";
constexpr const char* kIncidents = "medway_street_2025.zip";
} // namespace

Result<std::string> findBundledSampleDir() {
    std::vector<fs::path> candidates;
    if (const char* env = std::getenv("STREETWEEK_GEODATA"))
        candidates.emplace_back(env);
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        candidates.push_back(exe.parent_path() / ".." / "geodata");
        candidates.push_back(exe.parent_path() / ".." / "share" / "streetweek" / "geodata");
    }
#ifdef STREETWEEK_SOURCE_GEODATA
    candidates.emplace_back(STREETWEEK_SOURCE_GEODATA);
#endif
    std::string looked;
    for (const auto& c : candidates) {
        if (fs::exists(c / kWards, ec))
            return fs::weakly_canonical(c, ec).string();
        looked += (looked.empty() ? "" : ", ") + c.string();
    }
    return Error{"the bundled sample was not found (looked in " + looked +
                 "; set STREETWEEK_GEODATA)"};
}

Result<LoadRequest> bundledSampleRequest() {
    auto dir = findBundledSampleDir();
    if (!dir)
        return dir.failure();
    LoadRequest r;
    const fs::path d = dir.value();
    r.wards_path = (d / kWards).string();
    r.population_path = (d / kPopulation).string();
    r.incident_paths.push_back((d / kIncidents).string());
    std::error_code ec;
    if (!fs::exists(r.incident_paths.back(), ec))
        return Error{d.string() + ": the sample has no incident file (" + kIncidents + ")"};
    return r;
}

} // namespace sw
