// Exact grid KDE: row bands in parallel, incidents sorted by y, fixed accumulation order.
#include "core/kde.hpp"

#include "core/incident_table.hpp"
#include "core/merged_locations.hpp"
#include "core/parallel.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <numbers>
#include <numeric>

namespace sw {
namespace {

// The Gaussian is truncated at the radius, which is 3 standard deviations.
constexpr double kGaussSigmasPerRadius = 3.0;

// Factor that turns the shape (peak 1) into a density integrating to 1 over the disc, per m^2.
double densityFactor(KernelShape k, double r) {
    const double r2 = r * r;
    switch (k) {
    case KernelShape::Quartic:
        return 3.0 / (std::numbers::pi * r2);
    case KernelShape::Triweight:
        return 4.0 / (std::numbers::pi * r2);
    case KernelShape::Epanechnikov:
        return 2.0 / (std::numbers::pi * r2);
    case KernelShape::Triangular:
        return 3.0 / (std::numbers::pi * r2);
    case KernelShape::Uniform:
        return 1.0 / (std::numbers::pi * r2);
    case KernelShape::Gaussian: {
        const double s = r / kGaussSigmasPerRadius;
        return 1.0 / (2.0 * std::numbers::pi * s * s *
                      (1.0 - std::exp(-0.5 * kGaussSigmasPerRadius * kGaussSigmasPerRadius)));
    }
    }
    return 0;
}

// Shape with peak 1 at the centre, as a function of q = (d / r)^2 in [0, 1].
template <KernelShape K> inline double shape(double q) {
    if constexpr (K == KernelShape::Quartic) {
        const double t = 1.0 - q;
        return t * t;
    } else if constexpr (K == KernelShape::Triweight) {
        const double t = 1.0 - q;
        return t * t * t;
    } else if constexpr (K == KernelShape::Epanechnikov) {
        return 1.0 - q;
    } else if constexpr (K == KernelShape::Triangular) {
        return 1.0 - std::sqrt(q);
    } else if constexpr (K == KernelShape::Uniform) {
        return 1.0;
    } else {
        return std::exp(-0.5 * kGaussSigmasPerRadius * kGaussSigmasPerRadius * q);
    }
}

// The points bucketed by the grid row they lie in (a counting sort: input order within a
// row, so the summation order, and the bits, do not depend on the thread count). Rows run
// from -reach to rows - 1 + reach; points further from the grid, or with a non-finite
// coordinate, cannot reach a cell and are left out.
struct Sorted {
    std::vector<double> x, y, w;
    std::vector<std::size_t> start; // bucket k (row k - reach): [start[k], start[k + 1])
    std::size_t reach = 0;

    // The points that can reach rows [r0, r1): rows r0 - reach .. r1 - 1 + reach.
    std::pair<std::ptrdiff_t, std::ptrdiff_t> band(std::size_t r0, std::size_t r1) const {
        const std::size_t b1 = std::min(start.size() - 1, r1 + 2 * reach);
        return {static_cast<std::ptrdiff_t>(start[r0]), static_cast<std::ptrdiff_t>(start[b1])};
    }
};

Sorted bucketByRow(const WeightedPoints& p, const Grid& g, double radius) {
    Sorted s;
    s.reach = static_cast<std::size_t>(std::ceil(radius / g.cell)) + 1;
    const std::size_t buckets = g.rows + 2 * s.reach;
    constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
    std::vector<std::uint32_t> bucket(p.x.size(), kNone);
    s.start.assign(buckets + 1, 0);
    const double inv_cell = 1.0 / g.cell;
    const double lowest = -static_cast<double>(s.reach);
    const double highest = static_cast<double>(g.rows - 1 + s.reach);
    for (std::size_t i = 0; i < p.x.size(); ++i) {
        if (!std::isfinite(p.x[i]) || !std::isfinite(p.y[i]))
            continue;
        const double row = std::floor((g.ymax - p.y[i]) * inv_cell);
        if (row < lowest || row > highest)
            continue;
        bucket[i] = static_cast<std::uint32_t>(row - lowest);
        ++s.start[bucket[i] + 1];
    }
    for (std::size_t k = 0; k < buckets; ++k)
        s.start[k + 1] += s.start[k];
    const std::size_t kept = s.start[buckets];
    s.x.resize(kept);
    s.y.resize(kept);
    s.w.resize(kept);
    std::vector<std::size_t> next(s.start.begin(), s.start.end() - 1);
    for (std::size_t i = 0; i < p.x.size(); ++i) {
        if (bucket[i] == kNone)
            continue;
        const std::size_t j = next[bucket[i]]++;
        s.x[j] = p.x[i];
        s.y[j] = p.y[i];
        s.w[j] = p.w.empty() ? 1.0 : p.w[i];
    }
    return s;
}

// One row of one point (triangular, uniform, Gaussian kernels): out[c] += wf * shape(q(c)) for
// c in [c_lo, c_hi], q = (dx^2 + dy^2) / r^2.
template <KernelShape K>
inline __attribute__((always_inline)) void addRow(double* __restrict out, std::ptrdiff_t c_lo,
                                                  std::ptrdiff_t c_hi, double x0, double cell,
                                                  double dy2, double inv_r2, double wf) {
    for (auto c = c_lo; c <= c_hi; ++c) {
        const double dx = x0 + static_cast<double>(c) * cell;
        const double q = (dx * dx + dy2) * inv_r2;
        if (q <= 1.0)
            out[c] += wf * shape<K>(q);
    }
}

// The rows of [r0, r1) whose centre is within the radius of y vertically (centre y = ymax -
// (row + 0.5) cell); empty when first > last.
inline std::pair<std::ptrdiff_t, std::ptrdiff_t> rowsReached(const Grid& g, double y, double radius,
                                                             double inv_cell, std::size_t r0,
                                                             std::size_t r1) {
    const double lo = std::ceil((g.ymax - (y + radius)) * inv_cell - 0.5);
    const double hi = std::floor((g.ymax - (y - radius)) * inv_cell - 0.5);
    return {static_cast<std::ptrdiff_t>(std::max(lo, static_cast<double>(r0))),
            static_cast<std::ptrdiff_t>(std::min(hi, static_cast<double>(r1) - 1))};
}

// Adds every point's kernel to the rows [r0, r1) of the grid, in sorted-point order.
template <KernelShape K>
inline __attribute__((always_inline)) void accumulateBand(const Sorted& s, Grid& g, std::size_t r0,
                                                          std::size_t r1, double radius,
                                                          double factor) {
    const double r2 = radius * radius, inv_r2 = 1.0 / r2;
    const auto [lo, hi] = s.band(r0, r1); // points whose disc may reach the band
    const double cell = g.cell, inv_cell = 1.0 / cell;
    const auto cols = static_cast<std::ptrdiff_t>(g.cols);
    for (auto i = lo; i < hi; ++i) {
        const double px = s.x[static_cast<std::size_t>(i)], py = s.y[static_cast<std::size_t>(i)];
        const double wf = s.w[static_cast<std::size_t>(i)] * factor;
        const auto [row_lo, row_hi] = rowsReached(g, py, radius, inv_cell, r0, r1);
        for (auto row = row_lo; row <= row_hi; ++row) {
            const double dy = g.ymax - (static_cast<double>(row) + 0.5) * cell - py;
            const double rem = r2 - dy * dy;
            if (rem < 0)
                continue;
            const double half = std::sqrt(rem);
            // Columns whose centre x satisfies |cx - px| <= half.
            auto c_lo =
                static_cast<std::ptrdiff_t>(std::ceil((px - half - g.xmin) * inv_cell - 0.5));
            auto c_hi =
                static_cast<std::ptrdiff_t>(std::floor((px + half - g.xmin) * inv_cell - 0.5));
            c_lo = std::max<std::ptrdiff_t>(c_lo, 0);
            c_hi = std::min<std::ptrdiff_t>(c_hi, cols - 1);
            if (c_lo > c_hi)
                continue;
            double* out = g.values.data() + static_cast<std::size_t>(row) * g.cols;
            const double dy2 = dy * dy;
            const double x0 = g.xmin + 0.5 * cell - px;
            // Rounding can put an edge cell a hair outside the disc; it contributes 0.
            addRow<K>(out, c_lo, c_hi, x0, cell, dy2, inv_r2, wf);
        }
    }
}

// The polynomial kernels (quartic, triweight, Epanechnikov) into a padded copy of the band:
// each point's scaled squared column offsets u = (dx / r)^2 are computed once, then every row
// it reaches adds wf * max(a - u, 0)^n, a = 1 - (dy / r)^2, over the point's whole column span
// aligned to four cells, four at a time with no scalar tail and no per-row square root. Cells
// outside the disc add exactly +0.0, so the sums are those of the disc alone.
template <KernelShape K>
inline __attribute__((always_inline)) void accumulateBandPoly(const Sorted& s, Grid& g,
                                                              std::size_t r0, std::size_t r1,
                                                              double radius, double factor) {
    typedef double v4 __attribute__((vector_size(32)));
    thread_local std::vector<double> buf, u;
    const std::size_t stride = (g.cols + 3) / 4 * 4;
    buf.assign((r1 - r0) * stride, 0.0);
    const double r2 = radius * radius, inv_r2 = 1.0 / r2;
    const auto [lo, hi] = s.band(r0, r1); // points whose disc may reach the band
    const double cell = g.cell, inv_cell = 1.0 / cell;
    const auto cols = static_cast<std::ptrdiff_t>(g.cols);
    const v4 zero = {0, 0, 0, 0};
    for (auto i = lo; i < hi; ++i) {
        const double px = s.x[static_cast<std::size_t>(i)], py = s.y[static_cast<std::size_t>(i)];
        const double wf = s.w[static_cast<std::size_t>(i)] * factor;
        const auto [row_lo, row_hi] = rowsReached(g, py, radius, inv_cell, r0, r1);
        auto c_lo = static_cast<std::ptrdiff_t>(std::ceil((px - radius - g.xmin) * inv_cell - 0.5));
        auto c_hi =
            static_cast<std::ptrdiff_t>(std::floor((px + radius - g.xmin) * inv_cell - 0.5));
        c_lo = std::max<std::ptrdiff_t>(c_lo, 0);
        c_hi = std::min<std::ptrdiff_t>(c_hi, cols - 1);
        if (row_lo > row_hi || c_lo > c_hi)
            continue;
        const std::ptrdiff_t a_lo = c_lo & ~std::ptrdiff_t{3}, a_hi = c_hi | 3;
        const auto n = static_cast<std::size_t>(a_hi - a_lo + 1);
        u.resize(n);
        const double x0 = g.xmin + (static_cast<double>(a_lo) + 0.5) * cell - px;
        for (std::size_t k = 0; k < n; ++k) {
            const double dx = x0 + static_cast<double>(k) * cell;
            u[k] = dx * dx * inv_r2;
        }
        for (auto row = row_lo; row <= row_hi; ++row) {
            const double dy = g.ymax - (static_cast<double>(row) + 0.5) * cell - py;
            const double a = 1.0 - dy * dy * inv_r2;
            if (!(a > 0))
                continue;
            double* out = buf.data() +
                          static_cast<std::size_t>(row - static_cast<std::ptrdiff_t>(r0)) * stride +
                          a_lo;
            for (std::size_t k = 0; k < n; k += 4) {
                v4 uk, o;
                std::memcpy(&uk, u.data() + k, sizeof uk);
                std::memcpy(&o, out + k, sizeof o);
                v4 t = a - uk;
                t = t > zero ? t : zero;
                if constexpr (K == KernelShape::Quartic)
                    o += wf * (t * t);
                else if constexpr (K == KernelShape::Triweight)
                    o += wf * (t * t * t);
                else
                    o += wf * t;
                std::memcpy(out + k, &o, sizeof o);
            }
        }
    }
    for (std::size_t row = r0; row < r1; ++row)
        std::memcpy(g.values.data() + row * g.cols, buf.data() + (row - r0) * stride,
                    g.cols * sizeof(double));
}

// The band loop compiled for AVX2+FMA (rounding and sqrt inline, 4-wide rows) with a
// portable fallback, chosen once at run time.
#define SW_CLONES __attribute__((target_clones("arch=x86-64-v3", "default")))
SW_CLONES void bandQuartic(const Sorted& s, Grid& g, std::size_t r0, std::size_t r1, double r,
                           double f) {
    accumulateBandPoly<KernelShape::Quartic>(s, g, r0, r1, r, f);
}
SW_CLONES void bandTriweight(const Sorted& s, Grid& g, std::size_t r0, std::size_t r1, double r,
                             double f) {
    accumulateBandPoly<KernelShape::Triweight>(s, g, r0, r1, r, f);
}
SW_CLONES void bandEpanechnikov(const Sorted& s, Grid& g, std::size_t r0, std::size_t r1, double r,
                                double f) {
    accumulateBandPoly<KernelShape::Epanechnikov>(s, g, r0, r1, r, f);
}
SW_CLONES void bandTriangular(const Sorted& s, Grid& g, std::size_t r0, std::size_t r1, double r,
                              double f) {
    accumulateBand<KernelShape::Triangular>(s, g, r0, r1, r, f);
}
SW_CLONES void bandUniform(const Sorted& s, Grid& g, std::size_t r0, std::size_t r1, double r,
                           double f) {
    accumulateBand<KernelShape::Uniform>(s, g, r0, r1, r, f);
}
SW_CLONES void bandGaussian(const Sorted& s, Grid& g, std::size_t r0, std::size_t r1, double r,
                            double f) {
    accumulateBand<KernelShape::Gaussian>(s, g, r0, r1, r, f);
}

template <KernelShape K>
void band(const Sorted& s, Grid& g, std::size_t r0, std::size_t r1, double r, double f) {
    if constexpr (K == KernelShape::Quartic)
        bandQuartic(s, g, r0, r1, r, f);
    else if constexpr (K == KernelShape::Triweight)
        bandTriweight(s, g, r0, r1, r, f);
    else if constexpr (K == KernelShape::Epanechnikov)
        bandEpanechnikov(s, g, r0, r1, r, f);
    else if constexpr (K == KernelShape::Triangular)
        bandTriangular(s, g, r0, r1, r, f);
    else if constexpr (K == KernelShape::Uniform)
        bandUniform(s, g, r0, r1, r, f);
    else
        bandGaussian(s, g, r0, r1, r, f);
}

template <KernelShape K>
Status runKde(const Sorted& s, Grid& g, const KdeParams& p, double factor, Progress* progress) {
    const unsigned threads = resolveThreads(p.threads);
    // Bands of about 512 KB of output (measured fastest on Case A: fewer bands means each
    // point's column offsets are set up fewer times). The band size depends on the grid only,
    // not on the thread count.
    const std::size_t band_rows =
        std::clamp<std::size_t>(65536 / std::max<std::size_t>(g.cols, 1), 1, 64);
    const std::size_t bands = (g.rows + band_rows - 1) / band_rows;
    if (progress)
        progress->reset(bands);
    parallelChunks(bands, 1, threads, [&](std::size_t b, std::size_t, std::size_t) {
        if (progress && progress->cancelled())
            return;
        const std::size_t r0 = b * band_rows, r1 = std::min(g.rows, r0 + band_rows);
        band<K>(s, g, r0, r1, p.radius_m, factor);
        if (progress)
            progress->add(1);
    });
    if (progress && progress->cancelled())
        return Error{"cancelled"};
    return okStatus();
}

} // namespace

MultiPolygon Grid::cellSquare(std::size_t row, std::size_t col) const {
    const double x0 = xmin + static_cast<double>(col) * cell,
                 y1 = ymax - static_cast<double>(row) * cell;
    Polygon sq;
    sq.outer() = {
        {x0, y1 - cell}, {x0, y1}, {x0 + cell, y1}, {x0 + cell, y1 - cell}, {x0, y1 - cell}};
    return MultiPolygon{sq};
}

Box Grid::bounds() const {
    return Box(Point(xmin, ymax - static_cast<double>(rows) * cell),
               Point(xmin + static_cast<double>(cols) * cell, ymax));
}

double Grid::sum() const {
    double s = 0;
    for (double v : values)
        if (!std::isnan(v))
            s += v;
    return s;
}

double Grid::max() const {
    double m = -std::numeric_limits<double>::infinity();
    for (double v : values)
        if (v > m)
            m = v;
    return std::isinf(m) ? 0.0 : m;
}

double Grid::min() const {
    double m = std::numeric_limits<double>::infinity();
    for (double v : values)
        if (v < m)
            m = v;
    return std::isinf(m) ? 0.0 : m;
}

Grid makeGrid(const Box& e, double cell) {
    Grid g;
    g.xmin = e.min_corner().x();
    g.ymax = e.max_corner().y();
    g.cell = cell;
    g.cols = static_cast<std::size_t>(std::ceil(boxWidth(e) / cell - 1e-9));
    g.rows = static_cast<std::size_t>(std::ceil(boxHeight(e) / cell - 1e-9));
    g.cols = std::max<std::size_t>(g.cols, 1);
    g.rows = std::max<std::size_t>(g.rows, 1);
    return g;
}

Status KdeParams::validate(const Box& e) const {
    if (!std::isfinite(radius_m) || radius_m <= 0)
        return badRequest("the radius (bandwidth) must be a positive number of metres");
    if (!std::isfinite(cell_size_m) || cell_size_m <= 0)
        return badRequest("the cell size must be a positive number of metres");
    if (boxIsEmpty(e) || !std::isfinite(boxWidth(e)) || !std::isfinite(boxHeight(e)) ||
        boxWidth(e) <= 0 || boxHeight(e) <= 0)
        return badRequest("the extent is empty: give --extent xmin,ymin,xmax,ymax or load wards");
    const double cells =
        std::ceil(boxWidth(e) / cell_size_m) * std::ceil(boxHeight(e) / cell_size_m);
    if (cells > static_cast<double>(max_cells))
        return badRequest(
            "a " + std::to_string(static_cast<long long>(std::ceil(boxWidth(e) / cell_size_m))) +
            " x " + std::to_string(static_cast<long long>(std::ceil(boxHeight(e) / cell_size_m))) +
            " grid is over the limit of " + std::to_string(max_cells) +
            " cells: use a larger cell size or a smaller extent");
    if (radius_m < cell_size_m / 2)
        return badRequest("the radius (" + std::to_string(static_cast<long long>(radius_m)) +
                          " m) is less than half the cell size (" +
                          std::to_string(static_cast<long long>(cell_size_m)) +
                          " m): most incidents would reach no cell centre; use a larger radius "
                          "or smaller cells");
    if (radius_m / cell_size_m > 2000)
        return badRequest("the radius is more than 2,000 cells: use a larger cell size");
    return okStatus();
}

double suggestedCellSize(const Box& study) {
    const double side = std::min(boxWidth(study), boxHeight(study)) / 150.0;
    if (!(side > 0) || !std::isfinite(side))
        return 25.0;
    const double p10 = std::pow(10.0, std::floor(std::log10(side)));
    double best = p10;
    for (double m : {1.0, 2.0, 2.5, 5.0, 10.0})
        if (std::abs(m * p10 - side) < std::abs(best - side))
            best = m * p10;
    return best;
}

Box alignToCells(const Box& b, double cell) {
    return Box(Point(std::floor(b.min_corner().x() / cell) * cell,
                     std::floor(b.min_corner().y() / cell) * cell),
               Point(std::ceil(b.max_corner().x() / cell) * cell,
                     std::ceil(b.max_corner().y() / cell) * cell));
}

double kernelValue(KernelShape k, double d, double r, DensityUnits units) {
    if (d > r)
        return 0.0;
    const double q = (d * d) / (r * r);
    double v = 0;
    switch (k) {
    case KernelShape::Quartic:
        v = shape<KernelShape::Quartic>(q);
        break;
    case KernelShape::Triweight:
        v = shape<KernelShape::Triweight>(q);
        break;
    case KernelShape::Epanechnikov:
        v = shape<KernelShape::Epanechnikov>(q);
        break;
    case KernelShape::Triangular:
        v = shape<KernelShape::Triangular>(q);
        break;
    case KernelShape::Uniform:
        v = shape<KernelShape::Uniform>(q);
        break;
    case KernelShape::Gaussian:
        v = shape<KernelShape::Gaussian>(q);
        break;
    }
    return units == DensityUnits::Raw ? v : v * densityFactor(k, r);
}

const char* kernelName(KernelShape k) {
    switch (k) {
    case KernelShape::Quartic:
        return "quartic";
    case KernelShape::Triweight:
        return "triweight";
    case KernelShape::Epanechnikov:
        return "epanechnikov";
    case KernelShape::Triangular:
        return "triangular";
    case KernelShape::Uniform:
        return "uniform";
    case KernelShape::Gaussian:
        return "gaussian";
    }
    return "?";
}

std::optional<KernelShape> parseKernel(std::string_view name) {
    for (auto k : {KernelShape::Quartic, KernelShape::Triweight, KernelShape::Epanechnikov,
                   KernelShape::Triangular, KernelShape::Uniform, KernelShape::Gaussian})
        if (equalsIgnoreCase(name, kernelName(k)))
            return k;
    if (equalsIgnoreCase(name, "biweight"))
        return KernelShape::Quartic;
    return std::nullopt;
}

Status applyEdgeCorrection(Grid& g, const std::vector<std::uint8_t>& in_study, const KdeParams& p,
                           Progress* progress) {
    if (in_study.size() != g.values.size())
        return Error{"the study-area mask does not match the grid"};
    WeightedPoints cells;
    for (std::size_t r = 0; r < g.rows; ++r)
        for (std::size_t c = 0; c < g.cols; ++c)
            if (in_study[r * g.cols + c]) {
                cells.x.push_back(g.cellCentreX(c));
                cells.y.push_back(g.cellCentreY(r));
            }
    if (cells.x.empty())
        return okStatus();
    KdeParams shape_params = p;
    shape_params.units = DensityUnits::Raw;
    shape_params.extent = g.bounds();
    auto inside = computeKde(cells, shape_params, g.bounds(), progress);
    if (!inside)
        return inside.failure();
    // The whole disc on the same lattice: one point at a cell centre of a grid large enough.
    const double span = std::ceil(p.radius_m / g.cell) * g.cell + g.cell;
    const WeightedPoints centre{{g.cell / 2}, {g.cell / 2}, {}};
    KdeParams disc_params = shape_params;
    disc_params.extent = Box(Point(-span + g.cell, -span + g.cell), Point(span, span));
    auto disc = computeKde(centre, disc_params, *disc_params.extent);
    if (!disc)
        return disc.failure();
    const double full = disc.value().grid.sum();
    for (std::size_t i = 0; i < g.values.size(); ++i) {
        if (!in_study[i])
            continue;
        const double share = inside.value().grid.values[i] / full;
        if (share > 0)
            g.values[i] /= share;
    }
    return okStatus();
}

Result<Grid> dualSurface(const Grid& a, const Grid& b, DualMode mode) {
    if (a.cols != b.cols || a.rows != b.rows || a.xmin != b.xmin || a.ymax != b.ymax ||
        a.cell != b.cell)
        return Error{"the two surfaces are on different grids"};
    Grid out = a;
    const double nan = std::numeric_limits<double>::quiet_NaN();
    for (std::size_t i = 0; i < out.values.size(); ++i) {
        const double va = a.values[i], vb = b.values[i];
        if (mode == DualMode::Difference)
            out.values[i] = (va == 0 && vb == 0) ? nan : va - vb;
        else
            out.values[i] = vb != 0 ? va / vb : nan;
    }
    return out;
}

Result<KdeResult> computeKde(const WeightedPoints& points, const KdeParams& p,
                             const Box& study_extent, Progress* progress) {
    const Box extent = p.extent ? *p.extent : study_extent;
    if (auto st = p.validate(extent); !st)
        return st.failure();
    KdeResult res;
    res.grid = makeGrid(extent, p.cell_size_m);
    res.grid.values.assign(res.grid.rows * res.grid.cols, 0.0);
    res.points = points.x.size();
    for (std::size_t i = 0; i < points.x.size(); ++i)
        res.total_weight += points.w.empty() ? 1.0 : points.w[i];
    res.empty_input = res.points == 0 || res.total_weight == 0;
    if (res.empty_input)
        return res;

    // Identical coordinates summed first (police.uk's snap points): the same surface up to the
    // order of summation, with a kernel per location instead of per incident.
    const bool merge = worthMerging(points);
    const Sorted s = bucketByRow(merge ? mergeLocations(points) : points, res.grid, p.radius_m);
    // Density is per km^2: the per-m^2 kernel times 1e6.
    const double factor =
        p.units == DensityUnits::Raw ? 1.0 : densityFactor(p.kernel, p.radius_m) * 1e6;
    Status st = okStatus();
    switch (p.kernel) {
    case KernelShape::Quartic:
        st = runKde<KernelShape::Quartic>(s, res.grid, p, factor, progress);
        break;
    case KernelShape::Triweight:
        st = runKde<KernelShape::Triweight>(s, res.grid, p, factor, progress);
        break;
    case KernelShape::Epanechnikov:
        st = runKde<KernelShape::Epanechnikov>(s, res.grid, p, factor, progress);
        break;
    case KernelShape::Triangular:
        st = runKde<KernelShape::Triangular>(s, res.grid, p, factor, progress);
        break;
    case KernelShape::Uniform:
        st = runKde<KernelShape::Uniform>(s, res.grid, p, factor, progress);
        break;
    case KernelShape::Gaussian:
        st = runKde<KernelShape::Gaussian>(s, res.grid, p, factor, progress);
        break;
    }
    if (!st)
        return st.failure();
    return res;
}

} // namespace sw
