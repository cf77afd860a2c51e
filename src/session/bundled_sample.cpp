// Locating the bundled sample.
#include "session/bundled_sample.hpp"

#include <cstdlib>
#include <filesystem>

namespace sw {
namespace fs = std::filesystem;

namespace {
constexpr const char* kWards = "synthetic_medway_wards.geojson";
constexpr const char* kPopulation = "synthetic_medway_ward_population.csv";
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
    for (const auto& entry : fs::directory_iterator(d)) {
        const auto name = entry.path().filename().string();
        if (name.rfind("synthetic_medway_street_", 0) == 0 && entry.path().extension() == ".zip")
            r.incident_paths.push_back(entry.path().string());
    }
    if (fs::exists(d / "incidents"))
        r.incident_paths.push_back((d / "incidents").string());
    if (r.incident_paths.empty())
        return Error{d.string() + ": the sample has no incident files"};
    return r;
}

} // namespace sw
