// Getis-Ord Gi* and Benjamini-Hochberg.
#include "core/gistar.hpp"

#include "core/hotspots.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>

namespace sw {

Status GiStarParams::validate(const Box& e) const {
    if (!std::isfinite(cell_size_m) || cell_size_m <= 0)
        return badRequest("the Gi* cell size must be a positive number of metres");
    if (!std::isfinite(distance_m) || distance_m < cell_size_m)
        return badRequest("the Gi* neighbourhood distance must be at least one cell size");
    if (distance_m / cell_size_m > 50)
        return badRequest("the Gi* neighbourhood is more than 50 cells across: use larger cells");
    if (boxIsEmpty(e) || boxWidth(e) <= 0 || boxHeight(e) <= 0)
        return badRequest("the Gi* extent is empty");
    const double cells =
        std::ceil(boxWidth(e) / cell_size_m) * std::ceil(boxHeight(e) / cell_size_m);
    if (cells > static_cast<double>(max_cells))
        return badRequest("the Gi* grid would exceed " + std::to_string(max_cells) +
                          " cells: use larger cells");
    return okStatus();
}

std::array<int, 7> giBinCounts(const GiStarResult& r) {
    std::array<int, 7> bins{};
    for (std::size_t i = 0; i < r.bin.size(); ++i)
        if (r.in_study.empty() || r.in_study[i])
            ++bins[static_cast<std::size_t>(r.bin[i] + 3)];
    return bins;
}

double twoSidedP(double z) {
    return std::erfc(std::abs(z) / std::sqrt(2.0));
}

double benjaminiHochbergZCutoff(std::vector<double> abs_z, double alpha) {
    std::sort(abs_z.begin(), abs_z.end(), std::greater<>());
    const double m = static_cast<double>(abs_z.size());
    double cutoff = std::numeric_limits<double>::infinity();
    // p(k) is twoSidedP of the k-th largest |z|; an underflowed p of 0 is below every k/m alpha,
    // as the true p is, so the comparison stays right and the cut-off is kept as a z.
    for (std::size_t k = 0; k < abs_z.size(); ++k)
        if (twoSidedP(abs_z[k]) <= static_cast<double>(k + 1) / m * alpha)
            cutoff = abs_z[k];
    return cutoff;
}

Result<GiStarResult> computeGiStar(const WeightedPoints& pts, const Box& extent,
                                   const GiStarParams& params,
                                   const std::vector<std::uint8_t>& in_study_given) {
    GiStarParams p = params;
    if (p.cell_size_m == 0)
        p.cell_size_m = suggestedCellSize(extent);
    if (p.distance_m == 0)
        p.distance_m = 2.5 * p.cell_size_m;
    if (auto st = p.validate(extent); !st)
        return st.failure();
    GiStarResult r;
    r.cell_size_m = p.cell_size_m;
    r.distance_m = p.distance_m;
    r.counts = makeGrid(extent, p.cell_size_m);
    Grid& g = r.counts;
    const std::size_t cells = g.rows * g.cols;
    g.values.assign(cells, 0.0);
    if (!in_study_given.empty() && in_study_given.size() != cells)
        return Error{"internal: study mask does not match the Gi* grid"};
    r.in_study = in_study_given.empty() ? std::vector<std::uint8_t>(cells, 1) : in_study_given;
    for (std::size_t i = 0; i < pts.x.size(); ++i) {
        const auto c = cellIndex(g, pts.x[i], pts.y[i]);
        if (c >= 0)
            g.values[static_cast<std::size_t>(c)] += pts.w.empty() ? 1.0 : pts.w[i];
    }
    // Neighbourhood offsets: cells whose centres lie within the distance.
    const auto reach = static_cast<std::ptrdiff_t>(std::floor(p.distance_m / p.cell_size_m));
    std::vector<std::pair<std::ptrdiff_t, std::ptrdiff_t>> offsets;
    for (std::ptrdiff_t dr = -reach; dr <= reach; ++dr)
        for (std::ptrdiff_t dc = -reach; dc <= reach; ++dc)
            if (static_cast<double>(dr * dr + dc * dc) * p.cell_size_m * p.cell_size_m <=
                p.distance_m * p.distance_m + 1e-9)
                offsets.emplace_back(dr, dc);
    r.neighbours = offsets.size();
    // Global mean and standard deviation over the study cells.
    double sum = 0, sum2 = 0;
    for (std::size_t i = 0; i < cells; ++i)
        if (r.in_study[i]) {
            ++r.n;
            sum += g.values[i];
            sum2 += g.values[i] * g.values[i];
        }
    r.z.assign(cells, 0.0);
    r.p.assign(cells, 1.0);
    r.bin.assign(cells, 0);
    if (r.n < 3)
        return r;
    const double n = static_cast<double>(r.n);
    const double mean = sum / n;
    const double s = std::sqrt(std::max(0.0, sum2 / n - mean * mean));
    if (s == 0)
        return r; // every cell equal: no hot or cold spots
    const auto rows = static_cast<std::ptrdiff_t>(g.rows),
               cols = static_cast<std::ptrdiff_t>(g.cols);
    for (std::ptrdiff_t row = 0; row < rows; ++row)
        for (std::ptrdiff_t col = 0; col < cols; ++col) {
            const auto i = static_cast<std::size_t>(row * cols + col);
            if (!r.in_study[i])
                continue;
            double wx = 0, wsum = 0;
            for (const auto& [dr, dc] : offsets) {
                const auto rr = row + dr, cc = col + dc;
                if (rr < 0 || cc < 0 || rr >= rows || cc >= cols)
                    continue;
                const auto j = static_cast<std::size_t>(rr * cols + cc);
                if (!r.in_study[j])
                    continue;
                wx += g.values[j];
                wsum += 1.0; // binary weights: sum of w = sum of w^2
            }
            const double denom = s * std::sqrt((n * wsum - wsum * wsum) / (n - 1));
            if (denom <= 0)
                continue;
            r.z[i] = (wx - mean * wsum) / denom;
            r.p[i] = twoSidedP(r.z[i]);
        }
    // Gi_Bin: the strongest confidence level at which the cell is significant, decided on |z|
    // (a p-value underflows to 0 for the strongest cells; a z does not).
    std::vector<double> study_abs_z;
    for (std::size_t i = 0; i < cells; ++i)
        if (r.in_study[i])
            study_abs_z.push_back(std::abs(r.z[i]));
    const double levels[3] = {0.01, 0.05, 0.10};
    double z_cut[3]; // with FDR, the |z| cut-off per level; without, the raw p is compared
    for (int k = 0; k < 3; ++k)
        z_cut[k] = p.fdr ? benjaminiHochbergZCutoff(study_abs_z, levels[k]) : 0;
    for (std::size_t i = 0; i < cells; ++i) {
        if (!r.in_study[i] || r.z[i] == 0)
            continue;
        const double a = std::abs(r.z[i]);
        int level = 0;
        for (int k = 2; k >= 0; --k)
            if (p.fdr ? a >= z_cut[k] : r.p[i] <= levels[k])
                level = 3 - k;
        r.bin[i] = static_cast<std::int8_t>(r.z[i] > 0 ? level : -level);
    }
    return r;
}

} // namespace sw
