// KDE benchmark (issue: hotspot engine). Loads police.uk incidents (e.g. the 1M-row file that
// bench/run_load_bench.sh prepares), then times:
//   Case A: 1,000,000 incidents, extent 570000,160000,590000,178000, cell 10 m, radius 250 m
//   Case B: the first 100,000 incidents, same extent, cell 25 m, radius 250 m
// on 1 and all threads (median of 3), and a peak floating-point loop on the same machine.
//   bench_kde CSV WARDS
#include "core/kde.hpp"
#include "session/data_loader.hpp"

#include <gdal_priv.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

// Peak double-precision FMA throughput of one core: 12 independent 4-wide accumulators.
__attribute__((target("avx2,fma"))) double fmaLoop(long iters) {
    typedef double v4 __attribute__((vector_size(32)));
    v4 acc[12];
    for (int i = 0; i < 12; ++i)
        acc[i] = v4{1.0 + i, 1.0, 1.0, 1.0};
    const v4 a = {0.999999, 0.999999, 0.999999, 0.999999}, b = {1e-7, 1e-7, 1e-7, 1e-7};
    for (long n = 0; n < iters; ++n)
        for (int i = 0; i < 12; ++i)
            acc[i] = __builtin_ia32_vfmaddpd256(acc[i], a, b);
    double s = 0;
    for (auto& v : acc)
        s += v[0] + v[1] + v[2] + v[3];
    return s;
}

double peakGflops(unsigned threads) {
    const long iters = 100'000'000;
    std::vector<std::thread> pool;
    std::vector<double> sink(threads);
    const auto t0 = Clock::now();
    for (unsigned t = 0; t < threads; ++t)
        pool.emplace_back([&, t] { sink[t] = fmaLoop(iters); });
    for (auto& th : pool)
        th.join();
    const double s = std::chrono::duration<double>(Clock::now() - t0).count();
    return static_cast<double>(iters) * 12 * 4 * 2 * threads / s / 1e9; // 2 flops per FMA lane
}

double timeKde(const sw::WeightedPoints& p, const sw::KdeParams& k, const sw::Box& e,
               double* max_value) {
    std::vector<double> times;
    for (int i = 0; i < 3; ++i) {
        const auto t0 = Clock::now();
        auto r = sw::computeKde(p, k, e);
        times.push_back(std::chrono::duration<double>(Clock::now() - t0).count());
        if (max_value)
            *max_value = r.value().grid.max();
    }
    std::sort(times.begin(), times.end());
    return times[1];
}

// Cell-by-cell difference of two single-band rasters of the same size (nodata read as 0).
int compare(const char* a_path, const char* b_path) {
    GDALAllRegister();
    std::unique_ptr<GDALDataset> a(GDALDataset::Open(a_path, GDAL_OF_RASTER)),
        b(GDALDataset::Open(b_path, GDAL_OF_RASTER));
    if (!a || !b) {
        std::fprintf(stderr, "cannot open the rasters\n");
        return 1;
    }
    const int w = a->GetRasterXSize(), h = a->GetRasterYSize();
    if (w != b->GetRasterXSize() || h != b->GetRasterYSize()) {
        std::printf("compare: grids differ (%dx%d vs %dx%d)\n", w, h, b->GetRasterXSize(),
                    b->GetRasterYSize());
        return 1;
    }
    auto read = [&](GDALDataset* d) {
        std::vector<double> v(static_cast<std::size_t>(w) * static_cast<std::size_t>(h));
        int has = 0;
        const double nd = d->GetRasterBand(1)->GetNoDataValue(&has);
        if (d->GetRasterBand(1)->RasterIO(GF_Read, 0, 0, w, h, v.data(), w, h, GDT_Float64, 0, 0) !=
            CE_None)
            v.clear();
        for (auto& x : v)
            if ((has && x == nd) || !std::isfinite(x))
                x = 0;
        return v;
    };
    const auto va = read(a.get()), vb = read(b.get());
    double max_abs = 0, max_val = 0, sa = 0, sb = 0;
    for (std::size_t i = 0; i < va.size(); ++i) {
        max_abs = std::max(max_abs, std::abs(va[i] - vb[i]));
        max_val = std::max(max_val, std::abs(vb[i]));
        sa += va[i];
        sb += vb[i];
    }
    std::printf("streetweek vs QGIS raster: largest cell difference %.3g (of values up to %.6g); "
                "sums %.6g vs %.6g\n",
                max_abs, max_val, sa, sb);
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    if (argc == 4 && std::string(argv[1]) == "compare")
        return compare(argv[2], argv[3]);
    if (argc < 3) {
        std::fprintf(stderr, "usage: bench_kde CSV WARDS\n");
        return 2;
    }
    sw::LoadRequest req;
    req.incident_paths = {argv[1]};
    req.wards_path = argv[2];
    auto data = sw::loadData(req);
    if (!data) {
        std::fprintf(stderr, "%s\n", data.error().c_str());
        return 1;
    }
    const auto& t = data.value().incidents;
    sw::WeightedPoints a{t.x, t.y, {}};
    const std::size_t nb = std::min<std::size_t>(100000, t.size());
    sw::WeightedPoints b{{t.x.begin(), t.x.begin() + static_cast<std::ptrdiff_t>(nb)},
                         {t.y.begin(), t.y.begin() + static_cast<std::ptrdiff_t>(nb)},
                         {}};
    const sw::Box extent(sw::Point(570000, 160000), sw::Point(590000, 178000));
    const unsigned hw = std::max(1u, std::thread::hardware_concurrency());

    sw::KdeParams ka;
    ka.radius_m = 250;
    ka.cell_size_m = 10;
    sw::KdeParams kb = ka;
    kb.cell_size_m = 25;
    double max_a = 0;
    ka.threads = 1;
    const double a1 = timeKde(a, ka, extent, nullptr);
    ka.threads = static_cast<int>(hw);
    const double an = timeKde(a, ka, extent, &max_a);
    kb.threads = static_cast<int>(hw);
    const double bn = timeKde(b, kb, extent, nullptr);
    kb.threads = 1;
    const double b1 = timeKde(b, kb, extent, nullptr);

    // Work in Case A: kernel evaluations (cells within the radius of each point).
    const double evals = static_cast<double>(a.x.size()) * 3.14159265 * (250.0 / 10) * (250.0 / 10);
    const double peak = peakGflops(hw);
    std::printf("Case A: %zu incidents, 2000 x 1800 cells (10 m), radius 250 m, quartic\n",
                a.x.size());
    std::printf("  1 thread %.3f s, %u threads %.3f s (speed-up %.2fx), peak %.1f per km^2\n", a1,
                hw, an, a1 / an, max_a);
    std::printf("  %.2e kernel evaluations: %.2f ns each on %u threads\n", evals,
                an / evals * 1e9 * hw, hw);
    std::printf("Case B: %zu incidents, 800 x 720 cells (25 m), radius 250 m\n", b.x.size());
    std::printf("  1 thread %.1f ms, %u threads %.1f ms (target <= 30 ms)\n", b1 * 1e3, hw,
                bn * 1e3);
    // Floating-point bound: ~7 flops per evaluation (dx, dx^2 + dy^2, scale, 1 - q, square,
    // multiply by weight, add) at the machine's measured FMA peak.
    const double bound_s = evals * 7 / (peak * 1e9);
    std::printf(
        "Peak FMA throughput on %u threads: %.1f GFLOP/s; Case A floating-point bound %.3f s; "
        "Case A is %.1fx the bound (target <= 4x)\n",
        hw, peak, bound_s, an / bound_s);
    return 0;
}
