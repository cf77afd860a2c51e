// Benchmark for the planner on a loaded data set (issue: street-week planner): the live
// statistics of an area being dragged (prepared once for the selection, then one of() per
// frame), and Suggest's own time without the load. Prints medians; never a pass/fail on time.
//   bench_planner --wards W --incidents I [--incidents I2 ...] [--radius M] [--weeks K]
//                 [--min-gap M] [--runs N] [--suggest-only]
#include "core/target_area.hpp"
#include "session/area_statistics.hpp"
#include "session/street_week_suggest.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

using namespace sw;

namespace {

double msSince(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

void report(const char* what, std::vector<double> ms) {
    std::sort(ms.begin(), ms.end());
    std::printf("%s: median %.2f ms, 95th %.2f ms, max %.2f ms over %zu frames\n", what,
                ms[ms.size() / 2], ms[ms.size() * 95 / 100], ms.back(), ms.size());
}

} // namespace

int main(int argc, char** argv) {
    LoadRequest req;
    double radius = 300, gap = 100;
    std::size_t weeks = 8;
    int runs = 1;
    bool suggest_only = false;
    for (int i = 1; i < argc; ++i)
        if (!std::strcmp(argv[i], "--suggest-only")) {
            suggest_only = true;
            std::copy(argv + i + 1, argv + argc, argv + i);
            --argc;
        }
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--wards"))
            req.wards_path = argv[i + 1];
        else if (!std::strcmp(argv[i], "--incidents"))
            req.incident_paths.push_back(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--radius"))
            radius = std::stod(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--weeks"))
            weeks = std::stoul(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--min-gap"))
            gap = std::stod(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--runs"))
            runs = std::max(1, std::stoi(argv[i + 1]));
    }
    if (req.incident_paths.empty() || req.wards_path.empty()) {
        std::fprintf(stderr, "usage: bench_planner --wards W --incidents I...\n");
        return 2;
    }
    Session s;
    auto t0 = std::chrono::steady_clock::now();
    if (auto st = s.load(req); !st) {
        std::fprintf(stderr, "%s\n", st.error().c_str());
        return 1;
    }
    std::printf("%zu incidents, %zu wards loaded in %.0f ms\n", s.incidents().size(),
                s.wards().size(), msSince(t0));
    AreaStatsRequest sr; // every incident, the whole period
    t0 = std::chrono::steady_clock::now();
    auto prepared = AreaStatistics::prepare(s, sr);
    if (!prepared) {
        std::fprintf(stderr, "%s\n", prepared.error().c_str());
        return 1;
    }
    std::printf("statistics prepared (both periods' incidents indexed) in %.0f ms\n", msSince(t0));
    const AreaStatistics& stats = prepared.value();
    // Suggest's own time, then drag its best area across the study area, a frame per step.
    SuggestRequest q;
    q.weeks = weeks;
    q.radius_m = radius;
    q.min_gap_m = gap;
    std::vector<double> suggest_ms;
    Result<SuggestResult> sug = Error{"not run"};
    for (int r = 0; r < runs; ++r) {
        t0 = std::chrono::steady_clock::now();
        sug = suggestAreas(s, q);
        suggest_ms.push_back(msSince(t0));
        if (!sug) {
            std::fprintf(stderr, "%s\n", sug.error().c_str());
            return 1;
        }
    }
    std::sort(suggest_ms.begin(), suggest_ms.end());
    std::printf("suggest %zu areas of %g m, gap %g m: %.0f ms (median of %d; %zu candidates)\n  "
                "%s\n  %s\n",
                weeks, radius, gap, suggest_ms[suggest_ms.size() / 2], runs, sug.value().candidates,
                sug.value().method.c_str(), proofText(sug.value()).c_str());
    if (suggest_only)
        return 0;
    const Point start = sug.value().areas.empty() ? Point(0, 0) : sug.value().areas[0].area.centre;
    std::vector<double> circle_ms, polygon_ms;
    std::int64_t seen = 0;
    for (int f = 0; f < 300; ++f) {
        const Point c(start.x() + 10.0 * (f - 150), start.y() + 4.0 * (f - 150));
        t0 = std::chrono::steady_clock::now();
        const AreaStats a = stats.of(circleShape(c, radius));
        circle_ms.push_back(msSince(t0));
        seen += a.current.incidents;
        // A drawn polygon about 1.5 km across (a town centre).
        t0 = std::chrono::steady_clock::now();
        const AreaStats b = stats.of(
            rectangleShape(Point(c.x() - 750, c.y() - 600), Point(c.x() + 750, c.y() + 600)));
        polygon_ms.push_back(msSince(t0));
        seen += b.current.incidents;
    }
    report("live statistics, 300 m circle dragged", circle_ms);
    report("live statistics, 1.5 x 1.2 km rectangle dragged", polygon_ms);
    std::printf("(%lld incidents counted in all)\n", static_cast<long long>(seen));
    return 0;
}
