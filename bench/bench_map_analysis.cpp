// Benchmark for the map's live analysis (issue: interactive map): how long after a change of
// the month range the new density, hotspots and ward profile are ready, on the bundled sample
// (about 96,000 incidents) or a given data set. Prints medians; never a pass/fail on time.
//   bench_map_analysis [--wards W --incidents I] [--cell M] [--radius M]
#include "session/bundled_sample.hpp"
#include "session/live_analysis.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>

using namespace sw;

int main(int argc, char** argv) {
    LoadRequest req;
    double cell = 25, radius = 250;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--wards"))
            req.wards_path = argv[i + 1];
        else if (!std::strcmp(argv[i], "--incidents"))
            req.incident_paths.push_back(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--cell"))
            cell = std::stod(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--radius"))
            radius = std::stod(argv[i + 1]);
    }
    if (req.incident_paths.empty()) {
        auto r = bundledSampleRequest();
        if (!r) {
            std::fprintf(stderr, "%s\n", r.error().c_str());
            return 1;
        }
        req = r.value();
    }
    Session s;
    if (auto st = s.load(req); !st) {
        std::fprintf(stderr, "%s\n", st.error().c_str());
        return 1;
    }
    const auto range = s.incidents().monthRange();
    if (!range) {
        std::fprintf(stderr, "the incidents carry no months\n");
        return 1;
    }
    std::printf("%zu incidents, %d months, cell %g m, radius %g m, all layers\n",
                s.incidents().size(), range->second - range->first + 1, cell, radius);
    MapAnalysisParams p;
    p.hotspots.density.kde.radius_m = radius;
    p.hotspots.density.kde.cell_size_m = cell;
    p.hotspots.density.kde.units = DensityUnits::Density;
    // Slide a 12-month window (a user dragging the period slider), and also the whole range.
    for (int width : {12, range->second - range->first + 1}) {
        std::vector<double> ms, kde_only;
        for (MonthIndex from = range->first; from + width - 1 <= range->second; ++from) {
            p.hotspots.density.selection.from = from;
            p.hotspots.density.selection.to = from + width - 1;
            const auto t0 = std::chrono::steady_clock::now();
            auto r = runMapAnalysis(s, p);
            const double t =
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0)
                    .count();
            if (!r) {
                std::fprintf(stderr, "%s\n", r.error().c_str());
                return 1;
            }
            ms.push_back(t);
        }
        std::sort(ms.begin(), ms.end());
        std::printf("window %2d months: density + hotspots + ward profile + ward charts ready in "
                    "median %.1f ms (min %.1f, max %.1f, %zu changes)\n",
                    width, ms[ms.size() / 2], ms.front(), ms.back(), ms.size());
    }
    // The Wards panel's charts alone (every ward's months and crime types in one pass), part
    // of the figures above.
    std::vector<double> charts;
    std::vector<LayerRule> shown;
    for (const auto& l : s.layers())
        if (l.visible)
            shown.push_back(l);
    for (int i = 0; i < 5; ++i) {
        const auto t0 = std::chrono::steady_clock::now();
        const WardCharts c =
            countForWardCharts(s.incidents(), shown, {range->first, range->second},
                               {range->first, range->second}, s.months(), s.wards().size());
        charts.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0)
                .count());
        if (c.names.empty())
            return 1;
    }
    std::sort(charts.begin(), charts.end());
    std::printf("ward charts (%zu wards, %d months, %zu layers): median %.1f ms\n",
                s.wards().size(), range->second - range->first + 1, shown.size(),
                charts[charts.size() / 2]);
    return 0;
}
