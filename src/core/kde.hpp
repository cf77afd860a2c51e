// Kernel density estimation on a grid: exact evaluation (every cell centre against every
// incident's true coordinates within the bandwidth), parallel over row bands of the output
// and deterministic (the same bits on any thread count).
#pragma once

#include "core/geometry.hpp"
#include "core/progress.hpp"
#include "core/result.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sw {

enum class KernelShape { Quartic, Triweight, Epanechnikov, Triangular, Uniform, Gaussian };
enum class DensityUnits {
    Raw,    // weighted sum of kernels that peak at 1 (x weight): QGIS Heatmap "Raw"
    Density // incidents per km^2: kernels integrate to 1, so sum x cell area = total weight
};

struct KdeParams {
    KernelShape kernel = KernelShape::Quartic; // the field's default (QGIS, ArcGIS, CrimeStat)
    double radius_m = 250.0;                   // bandwidth (search radius), metres
    double cell_size_m = 25.0;                 // grid cell side, metres
    std::optional<Box> extent;                 // default: the study area's bounds
    DensityUnits units = DensityUnits::Density;
    int threads = 0;           // 0 = all cores
    bool edge_correct = false; // applied by callers that know the study area (applyEdgeCorrection)
    std::uint64_t max_cells = 200'000'000; // refuse larger grids before any work starts

    // One clear message when the parameters cannot be used (extent = the one in use).
    Status validate(const Box& extent) const;
};

// A north-up grid: origin at (xmin, ymax), row 0 at the top, cell centres at half-cell offsets.
struct Grid {
    double xmin = 0, ymax = 0, cell = 1;
    std::size_t cols = 0, rows = 0;
    std::vector<double> values; // row-major, rows * cols

    double cellCentreX(std::size_t c) const { return xmin + (static_cast<double>(c) + 0.5) * cell; }
    double cellCentreY(std::size_t r) const { return ymax - (static_cast<double>(r) + 0.5) * cell; }
    double at(std::size_t r, std::size_t c) const { return values[r * cols + c]; }
    Box bounds() const;
    // The square of cell (row, col), for writing cells as polygons.
    MultiPolygon cellSquare(std::size_t row, std::size_t col) const;
    double sum() const;
    double max() const;
    double min() const;
};

// The grid for an extent: ceil(width / cell) columns and ceil(height / cell) rows from
// (xmin, ymax). Throws nothing; validate() first.
Grid makeGrid(const Box& extent, double cell_size_m);

// Chainey's guidance: the shorter side of the study area / 150, rounded to 1, 2, 2.5 or 5
// times a power of ten (metres).
double suggestedCellSize(const Box& study);
// The box grown outwards to whole multiples of the cell size (tidy grid origins).
Box alignToCells(const Box& b, double cell);

// Kernel value at distance d (0 <= d <= r) for the units: 1 at d = 0 for Raw, normalised to
// integrate to 1 over the disc (per m^2) for Density.
double kernelValue(KernelShape k, double d, double r, DensityUnits units);

const char* kernelName(KernelShape k);
std::optional<KernelShape> parseKernel(std::string_view name);

// Points in the grid's CRS with optional weights (empty = 1 each).
struct WeightedPoints {
    std::vector<double> x, y, w;
};

struct KdeResult {
    Grid grid;
    double total_weight = 0; // of all points given
    std::size_t points = 0;
    bool empty_input = false; // no points (or all zero weight): the grid is all zero
    // Cells held back by the protected-location rule (core/protected_density).
    std::size_t protected_suppressed = 0;
};

// Uniform edge correction (as spatstat's): each study-area cell's value is divided by the
// share of its kernel's mass that falls inside the study area, so hotspots on the district
// boundary are not understated. The share is the same kernel summed over the study cells,
// relative to a whole disc. Cells outside the study area are left as they are.
Status applyEdgeCorrection(Grid& grid, const std::vector<std::uint8_t>& in_study,
                           const KdeParams& params, Progress* progress = nullptr);

// The difference (a - b) or ratio (a / b) of two surfaces on one grid. Cells neither surface
// reaches, and ratio cells whose denominator is 0, are NaN (no value); Grid's sum, min and
// max skip NaN.
enum class DualMode { Difference, Ratio };
Result<Grid> dualSurface(const Grid& a, const Grid& b, DualMode mode);

// Returns an error for bad parameters or when cancelled (no partial result is returned).
Result<KdeResult> computeKde(const WeightedPoints& points, const KdeParams& params,
                             const Box& study_extent, Progress* progress = nullptr);

} // namespace sw
