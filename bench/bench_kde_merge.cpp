// The density surface on police.uk data with identical coordinates merged (issue: the planner's
// every placement; merged locations). Loads the files given (e.g. a year of a force's street
// files), then times computeKde (quartic, 250 m, 10 m cells over Medway's box 570000,160000 to
// 590000,178000 as in bench_kde, all threads)
// on the incidents as loaded, where snap points are merged, against the same incidents each
// moved by a nanometre times its row number, where nothing repeats and so nothing is merged:
// median of 5 runs each, in turns, the ratio, and the largest difference between the surfaces.
//   bench_kde_merge FILE_OR_FOLDER...
#include "core/kde.hpp"
#include "core/merged_locations.hpp"
#include "session/session.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <vector>

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_kde_merge FILE_OR_FOLDER...\n");
        return 2;
    }
    sw::LoadRequest req;
    for (int i = 1; i < argc; ++i)
        req.incident_paths.push_back(argv[i]);
    sw::Session s;
    if (auto st = s.load(req); !st) {
        std::fprintf(stderr, "%s\n", st.error().c_str());
        return 1;
    }
    const auto& t = s.incidents();
    sw::WeightedPoints snapped, unique;
    for (std::size_t i = 0; i < t.size(); ++i) {
        snapped.x.push_back(t.x[i]);
        snapped.y.push_back(t.y[i]);
        unique.x.push_back(t.x[i] + 1e-9 * static_cast<double>(i));
        unique.y.push_back(t.y[i]);
    }
    const std::size_t locations = sw::mergeLocations(snapped).x.size();
    std::printf("%zu incidents at %zu distinct locations (%.1f per location); merged: %s / %s\n",
                snapped.x.size(), locations,
                static_cast<double>(snapped.x.size()) / static_cast<double>(locations),
                sw::worthMerging(snapped) ? "yes" : "no", sw::worthMerging(unique) ? "yes" : "no");
    sw::KdeParams k;
    k.radius_m = 250;
    k.cell_size_m = 10;
    const sw::Box extent(sw::Point(570000, 160000), sw::Point(590000, 178000));
    std::vector<double> ms_snapped, ms_unique;
    std::vector<double> a, b;
    for (int run = 0; run < 5; ++run)
        for (int which = 0; which < 2; ++which) {
            const auto t0 = std::chrono::steady_clock::now();
            auto r = sw::computeKde(which == 0 ? snapped : unique, k, extent);
            const double ms =
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0)
                    .count();
            if (!r) {
                std::fprintf(stderr, "%s\n", r.error().c_str());
                return 1;
            }
            (which == 0 ? ms_snapped : ms_unique).push_back(ms);
            (which == 0 ? a : b) = r.value().grid.values;
        }
    std::sort(ms_snapped.begin(), ms_snapped.end());
    std::sort(ms_unique.begin(), ms_unique.end());
    double diff = 0, peak = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        diff = std::max(diff, std::abs(a[i] - b[i]));
        peak = std::max(peak, std::abs(b[i]));
    }
    std::printf("grid %zu cells; density with merged locations %.1f ms, without %.1f ms "
                "(median of 5): %.1fx faster; largest difference %.3g of the peak %.3g\n",
                a.size(), ms_snapped[2], ms_unique[2], ms_unique[2] / ms_snapped[2], diff, peak);
    return 0;
}
