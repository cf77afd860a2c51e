// Hotspot delineation on a density grid: a threshold rule (top p% of the study area's cells,
// mean + k SD of the non-zero cells, or an absolute value), 8-connected regions of the cells
// above it, and each region's statistics (area, incidents inside, peak, share, PAI).
#pragma once

#include "core/kde.hpp"
#include "core/result.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace sw {

struct HotspotThreshold {
    enum class Mode { TopPercent, MeanPlusSd, Value };
    Mode mode = Mode::TopPercent;
    double amount = 5.0; // percent, k, or the value

    Status validate() const;
    std::string describe() const;
};

// "top:5%", "top:5", "sd:2", "value:1500".
Result<HotspotThreshold> parseThreshold(std::string_view text);

// The grid value at which cells become hotspot cells. `in_study` marks the cells that belong
// to the study area (empty = every cell). Cells must also be > 0.
double thresholdValue(const Grid& grid, const std::vector<std::uint8_t>& in_study,
                      const HotspotThreshold& t);

// 8-connected labels of the cells with value >= threshold and > 0 (and in the study area):
// 0 = not a hotspot, 1..n = region ids in row-major order of first cell.
struct RegionLabels {
    std::vector<std::int32_t> label; // per cell
    std::int32_t count = 0;
};
RegionLabels labelRegions(const Grid& grid, double threshold,
                          const std::vector<std::uint8_t>& in_study);

struct HotspotStats {
    std::int32_t region = 0; // label id
    std::size_t cells = 0;
    double area_km2 = 0;
    double peak = 0;            // highest grid value inside
    std::int64_t incidents = 0; // selected incidents whose cell is in the region
    std::vector<std::int64_t> per_layer;
    double share = 0; // incidents / all selected incidents
    double pai = 0;   // (n/N) / (a/A)
    int rank = 0;     // 1 = most incidents
};

// A hotspot as delivered: its statistics, its polygons (working CRS) and the names of the wards
// it overlaps.
struct HotspotArea {
    HotspotStats stats;
    MultiPolygon shape;   // its cells: what the statistics count and the exports carry
    MultiPolygon outline; // drawn: the contour of the threshold (empty: draw the shape)
    std::vector<std::string> wards;
};

// Per-region statistics. cell_of_incident: grid cell index of each selected incident (or -1
// outside the grid); layer_mask: bit l set when the incident is in layer l (may be empty).
std::vector<HotspotStats> hotspotStats(const Grid& grid, const RegionLabels& regions,
                                       const std::vector<std::int64_t>& cell_of_incident,
                                       const std::vector<std::uint32_t>& layer_mask,
                                       std::size_t layers, double study_area_km2);

// The cell index holding (x, y), or -1 outside the grid.
std::int64_t cellIndex(const Grid& grid, double x, double y);

} // namespace sw
