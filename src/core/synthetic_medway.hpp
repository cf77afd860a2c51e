// The bundled synthetic sample's design: a Medway-sized district in BNG metres with Medway's
// 2003-2023 ward names, ward populations, town-centre and estate hotspots, and police.uk's
// crime-type mix. Everything is deterministic for a seed. SYNTHETIC: not real incidents.
#pragma once

#include "core/geometry.hpp"
#include "core/month.hpp"
#include "core/result.hpp"
#include "core/wards.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace sw {

struct SampleParams {
    int months = 24;    // monthly files written
    double scale = 1.0; // incidents per month = 4,000 x scale (on average)
    std::uint64_t seed = 20220101;
    MonthIndex first_month = makeMonth(2022, 1);

    Status validate() const;
    std::uint64_t expectedTotal() const; // approximate number of rows
};

struct SyntheticWardSeed {
    std::string code, name;
    Point seed; // BNG metres
    double population = 0;
};

// The 22 ward seeds (Voronoi generators) with synthetic codes and populations.
std::vector<SyntheticWardSeed> syntheticWardSeeds();
// The district outline (BNG metres), about 200 km^2, plus a small offshore island.
MultiPolygon syntheticDistrict();
MultiPolygon syntheticIsland();

// An anonymous map point, as police.uk snaps incidents to (street, LSOA).
struct MapPoint {
    double x = 0, y = 0; // BNG metres
    int ward = -1;
    std::string street; // "On or near ..."
    std::string lsoa_code, lsoa_name;
};

struct SyntheticIncident {
    int map_point = -1;         // -1: no location
    std::uint8_t type = 0;      // index into syntheticCrimeTypes()
    bool knife_context = false; // Context mentions a knife
};

// police.uk's 14 crime types, ASB first.
const std::vector<std::string>& syntheticCrimeTypes();

class SyntheticIncidentGenerator {
  public:
    // wards: the generated ward polygons (BNG), in syntheticWardSeeds() order.
    SyntheticIncidentGenerator(const WardSet& wards, const SampleParams& params);
    const std::vector<MapPoint>& mapPoints() const { return map_points_; }
    // The incidents of month k (0-based), deterministic for (seed, k).
    std::vector<SyntheticIncident> month(int k) const;
    // A 64-hex-digit crime id, deterministic.
    static std::string crimeId(std::uint64_t seed, int month, std::size_t row);

  private:
    struct Hotspot {
        double x, y, sd_m, weight, trend; // trend: weight multiplier change per month (log)
        std::vector<double> affinity;     // per crime type
        std::vector<double> cumulative;   // over map points
        std::vector<int> points;
    };
    SampleParams params_;
    std::vector<MapPoint> map_points_;
    std::vector<double> background_cum_;
    std::vector<Hotspot> hotspots_;
};

} // namespace sw
