// Load benchmark: police.uk CSV -> incidents projected to BNG with wards assigned, against
// GDAL's CSV driver reading the same file. One measurement per process (so peak memory is
// the process's own); bench/run_load_bench.sh runs the repetitions and prints the ratio.
//
//   bench_load ours  CSV WARDS [THREADS]   streetweek's load (read, project, assign wards)
//   bench_load gdal  CSV                   GDAL CSV driver: every feature, point and fields
#include "session/data_loader.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <sys/resource.h>

namespace {

double peakMiB() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_maxrss) / 1024.0;
}

int ours(const char* csv, const char* wards, unsigned threads) {
    sw::LoadRequest r;
    r.wards_path = wards;
    r.incident_paths = {csv};
    r.threads = threads;
    // Ward file reading is timed too; it is a few milliseconds.
    const auto t0 = std::chrono::steady_clock::now();
    auto d = sw::loadData(r);
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (!d) {
        std::fprintf(stderr, "%s\n", d.error().c_str());
        return 1;
    }
    std::printf("ours rows_kept=%llu outside=%llu seconds=%.3f peak_mib=%.0f threads=%u\n",
                static_cast<unsigned long long>(d.value().report.incidents_kept),
                static_cast<unsigned long long>(d.value().report.outside_wards), s, peakMiB(),
                threads);
    return 0;
}

int gdal(const char* csv) {
    GDALAllRegister();
    const char* open_options[] = {"X_POSSIBLE_NAMES=Longitude", "Y_POSSIBLE_NAMES=Latitude",
                                  nullptr};
    const auto t0 = std::chrono::steady_clock::now();
    std::unique_ptr<GDALDataset> ds(
        GDALDataset::Open(csv, GDAL_OF_VECTOR, nullptr, open_options, nullptr));
    if (!ds) {
        std::fprintf(stderr, "GDAL cannot open %s\n", csv);
        return 1;
    }
    std::uint64_t rows = 0, points = 0;
    double checksum = 0;
    OGRLayer* layer = ds->GetLayer(0);
    const int type_field = layer->GetLayerDefn()->GetFieldIndex("Crime type");
    const int month_field = layer->GetLayerDefn()->GetFieldIndex("Month");
    for (auto& f : *layer) {
        ++rows;
        if (const OGRGeometry* g = f->GetGeometryRef()) {
            checksum += g->toPoint()->getX();
            ++points;
        }
        checksum += static_cast<double>(std::strlen(f->GetFieldAsString(type_field)) +
                                        std::strlen(f->GetFieldAsString(month_field)));
    }
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("gdal rows=%llu points=%llu seconds=%.3f peak_mib=%.0f checksum=%.1f\n",
                static_cast<unsigned long long>(rows), static_cast<unsigned long long>(points), s,
                peakMiB(), checksum);
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    if (argc >= 4 && std::string(argv[1]) == "ours")
        return ours(argv[2], argv[3], argc >= 5 ? static_cast<unsigned>(std::stoul(argv[4])) : 0);
    if (argc >= 3 && std::string(argv[1]) == "gdal")
        return gdal(argv[2]);
    std::fprintf(stderr, "usage: bench_load ours CSV WARDS [THREADS] | bench_load gdal CSV\n");
    return 2;
}
