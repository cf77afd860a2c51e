// Exact grid KDE: row bands in parallel, incidents sorted by y, fixed accumulation order.
#include "core/kde.hpp"

#include "core/incident_table.hpp"
#include "core/parallel.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <numeric>

namespace sw {
namespace {

constexpr double kPi = 3.14159265358979323846;
// The Gaussian is truncated at the radius, which is 3 standard deviations.
constexpr double kGaussSigmasPerRadius = 3.0;

// Factor that turns the shape (peak 1) into a density integrating to 1 over the disc, per m^2.
double densityFactor(KernelShape k, double r) {
    const double r2 = r * r;
    switch (k) {
    case KernelShape::Quartic:
        return 3.0 / (kPi * r2);
    case KernelShape::Triweight:
        return 4.0 / (kPi * r2);
    case KernelShape::Epanechnikov:
        return 2.0 / (kPi * r2);
    case KernelShape::Triangular:
        return 3.0 / (kPi * r2);
    case KernelShape::Uniform:
        return 1.0 / (kPi * r2);
    case KernelShape::Gaussian: {
        const double s = r / kGaussSigmasPerRadius;
        return 1.0 / (2.0 * kPi * s * s *
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

struct Sorted {
    std::vector<double> x, y, w; // sorted by y (ties by input order)
};

Sorted sortByY(const WeightedPoints& p) {
    std::vector<std::uint32_t> order(p.x.size());
    std::iota(order.begin(), order.end(), 0u);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return p.y[a] < p.y[b]; });
    Sorted s;
    s.x.reserve(order.size());
    s.y.reserve(order.size());
    s.w.reserve(order.size());
    for (auto i : order) {
        s.x.push_back(p.x[i]);
        s.y.push_back(p.y[i]);
        s.w.push_back(p.w.empty() ? 1.0 : p.w[i]);
    }
    return s;
}

// One row of one point: out[c] += wf * shape(q(c)) for c in [c_lo, c_hi], q = (dx^2 + dy^2) / r^2.
// Branch-free for the polynomial kernels (1 - q clamped at 0 adds exactly +0.0 outside the
// disc) so the compiler vectorises it.
template <KernelShape K>
inline __attribute__((always_inline)) void addRow(double* __restrict out, std::ptrdiff_t c_lo,
                                                  std::ptrdiff_t c_hi, double x0, double cell,
                                                  double dy2, double inv_r2, double wf) {
    if constexpr (K == KernelShape::Quartic || K == KernelShape::Triweight ||
                  K == KernelShape::Epanechnikov) {
        // Four cells at a time with GCC vector extensions (AVX2 in the x86-64-v3 clone, SSE2
        // pairs otherwise); the column index is carried as an exact double.
        typedef double v4 __attribute__((vector_size(32)));
        std::ptrdiff_t c = c_lo;
        const v4 zero = {0, 0, 0, 0};
        v4 cv = {static_cast<double>(c), static_cast<double>(c + 1), static_cast<double>(c + 2),
                 static_cast<double>(c + 3)};
        for (; c + 3 <= c_hi; c += 4) {
            const v4 dx = x0 + cv * cell;
            v4 t = 1.0 - (dx * dx + dy2) * inv_r2;
            t = t > zero ? t : zero;
            v4 o;
            std::memcpy(&o, out + c, sizeof o);
            if constexpr (K == KernelShape::Quartic)
                o += wf * (t * t);
            else if constexpr (K == KernelShape::Triweight)
                o += wf * (t * t * t);
            else
                o += wf * t;
            std::memcpy(out + c, &o, sizeof o);
            cv += 4.0;
        }
        for (; c <= c_hi; ++c) {
            const double dx = x0 + static_cast<double>(c) * cell;
            const double t = std::max(0.0, 1.0 - (dx * dx + dy2) * inv_r2);
            if constexpr (K == KernelShape::Quartic)
                out[c] += wf * (t * t);
            else if constexpr (K == KernelShape::Triweight)
                out[c] += wf * (t * t * t);
            else
                out[c] += wf * t;
        }
    } else {
        for (auto c = c_lo; c <= c_hi; ++c) {
            const double dx = x0 + static_cast<double>(c) * cell;
            const double q = (dx * dx + dy2) * inv_r2;
            if (q <= 1.0)
                out[c] += wf * shape<K>(q);
        }
    }
}

// Adds every point's kernel to the rows [r0, r1) of the grid, in sorted-point order.
template <KernelShape K>
inline __attribute__((always_inline)) void accumulateBand(const Sorted& s, Grid& g, std::size_t r0,
                                                          std::size_t r1, double radius,
                                                          double factor) {
    const double r2 = radius * radius, inv_r2 = 1.0 / r2;
    const double band_top = g.ymax - static_cast<double>(r0) * g.cell; // y of the band's top edge
    const double band_bottom = g.ymax - static_cast<double>(r1) * g.cell; // y of its bottom edge
    // Points whose disc reaches the band: y in [bottom - r, top + r].
    const auto lo = std::lower_bound(s.y.begin(), s.y.end(), band_bottom - radius) - s.y.begin();
    const auto hi = std::upper_bound(s.y.begin(), s.y.end(), band_top + radius) - s.y.begin();
    const double cell = g.cell, inv_cell = 1.0 / cell;
    const auto cols = static_cast<std::ptrdiff_t>(g.cols);
    for (auto i = lo; i < hi; ++i) {
        const double px = s.x[static_cast<std::size_t>(i)], py = s.y[static_cast<std::size_t>(i)];
        const double wf = s.w[static_cast<std::size_t>(i)] * factor;
        // Rows whose centre is within the radius vertically: centre y = ymax - (r + 0.5) cell.
        const double row_lo_f = std::ceil((g.ymax - (py + radius)) * inv_cell - 0.5);
        const double row_hi_f = std::floor((g.ymax - (py - radius)) * inv_cell - 0.5);
        const auto row_lo =
            static_cast<std::ptrdiff_t>(std::max(row_lo_f, static_cast<double>(r0)));
        const auto row_hi =
            static_cast<std::ptrdiff_t>(std::min(row_hi_f, static_cast<double>(r1) - 1));
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

// The band loop compiled for AVX2+FMA (rounding and sqrt inline, 4-wide rows) with a
// portable fallback, chosen once at run time.
#define SW_CLONES __attribute__((target_clones("arch=x86-64-v3", "default")))
SW_CLONES void bandQuartic(const Sorted& s, Grid& g, std::size_t r0, std::size_t r1, double r,
                           double f) {
    accumulateBand<KernelShape::Quartic>(s, g, r0, r1, r, f);
}
SW_CLONES void bandTriweight(const Sorted& s, Grid& g, std::size_t r0, std::size_t r1, double r,
                             double f) {
    accumulateBand<KernelShape::Triweight>(s, g, r0, r1, r, f);
}
SW_CLONES void bandEpanechnikov(const Sorted& s, Grid& g, std::size_t r0, std::size_t r1, double r,
                                double f) {
    accumulateBand<KernelShape::Epanechnikov>(s, g, r0, r1, r, f);
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
    // Bands of about 128 KB of output, so the rows a point touches stay in the L2 cache. The
    // band size depends on the grid only, not on the thread count.
    const std::size_t band_rows =
        std::clamp<std::size_t>(16384 / std::max<std::size_t>(g.cols, 1), 1, 64);
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
        return Error{"the radius (bandwidth) must be a positive number of metres"};
    if (!std::isfinite(cell_size_m) || cell_size_m <= 0)
        return Error{"the cell size must be a positive number of metres"};
    if (boxIsEmpty(e) || !std::isfinite(boxWidth(e)) || !std::isfinite(boxHeight(e)) ||
        boxWidth(e) <= 0 || boxHeight(e) <= 0)
        return Error{"the extent is empty: give --extent xmin,ymin,xmax,ymax or load wards"};
    const double cells =
        std::ceil(boxWidth(e) / cell_size_m) * std::ceil(boxHeight(e) / cell_size_m);
    if (cells > static_cast<double>(max_cells))
        return Error{
            "a " + std::to_string(static_cast<long long>(std::ceil(boxWidth(e) / cell_size_m))) +
            " x " + std::to_string(static_cast<long long>(std::ceil(boxHeight(e) / cell_size_m))) +
            " grid is over the limit of " + std::to_string(max_cells) +
            " cells: use a larger cell size or a smaller extent"};
    if (radius_m / cell_size_m > 2000)
        return Error{"the radius is more than 2,000 cells: use a larger cell size"};
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
        return Error{inside.error()};
    // The whole disc on the same lattice: one point at a cell centre of a grid large enough.
    const double span = std::ceil(p.radius_m / g.cell) * g.cell + g.cell;
    const WeightedPoints centre{{g.cell / 2}, {g.cell / 2}, {}};
    KdeParams disc_params = shape_params;
    disc_params.extent = Box(Point(-span + g.cell, -span + g.cell), Point(span, span));
    auto disc = computeKde(centre, disc_params, *disc_params.extent);
    if (!disc)
        return Error{disc.error()};
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
        return Error{st.error()};
    KdeResult res;
    res.grid = makeGrid(extent, p.cell_size_m);
    res.grid.values.assign(res.grid.rows * res.grid.cols, 0.0);
    res.points = points.x.size();
    for (std::size_t i = 0; i < points.x.size(); ++i)
        res.total_weight += points.w.empty() ? 1.0 : points.w[i];
    res.empty_input = res.points == 0 || res.total_weight == 0;
    if (res.empty_input)
        return res;

    const Sorted s = sortByY(points);
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
        return Error{st.error()};
    return res;
}

} // namespace sw
