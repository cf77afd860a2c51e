#include "core/protected_density.hpp"

#include <algorithm>

namespace sw {

namespace {

// The points with the given flag (weights kept when there are any).
WeightedPoints part(const WeightedPoints& p, const std::vector<std::uint8_t>& flags, bool want) {
    WeightedPoints out;
    for (std::size_t i = 0; i < p.x.size(); ++i) {
        if ((flags[i] != 0) != want)
            continue;
        out.x.push_back(p.x[i]);
        out.y.push_back(p.y[i]);
        if (!p.w.empty())
            out.w.push_back(p.w[i]);
    }
    return out;
}

} // namespace

Result<ProtectedKde> computeProtectedKde(const WeightedPoints& points,
                                         const std::vector<std::uint8_t>& protected_rows,
                                         std::size_t min_rows, const KdeParams& params,
                                         const Box& study_extent, Progress* progress) {
    ProtectedKde out;
    if (protected_rows.size() == points.x.size())
        out.protected_points = static_cast<std::size_t>(std::count_if(
            protected_rows.begin(), protected_rows.end(), [](std::uint8_t f) { return f != 0; }));
    if (out.protected_points == 0 || min_rows <= 1) {
        auto plain = computeKde(points, params, study_extent, progress);
        if (!plain)
            return plain.failure();
        out.kde = std::move(plain.value());
        return out;
    }
    const WeightedPoints open = part(points, protected_rows, false);
    WeightedPoints shut = part(points, protected_rows, true);
    auto a = computeKde(open, params, study_extent, progress);
    if (!a)
        return a.failure();
    auto b = computeKde(shut, params, study_extent, progress);
    if (!b)
        return b.failure();
    // How many protected rows reach each cell: a uniform kernel of the same radius, raw units
    // (1 within the radius), one per row.
    KdeParams count = params;
    count.kernel = KernelShape::Uniform;
    count.units = DensityUnits::Raw;
    shut.w.clear();
    auto n = computeKde(shut, count, study_extent, progress);
    if (!n)
        return n.failure();

    out.kde = std::move(a.value());
    const auto& bv = b.value().grid.values;
    const auto& nv = n.value().grid.values;
    auto& v = out.kde.grid.values;
    const double need = static_cast<double>(min_rows) - 0.5; // counts are whole numbers
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (nv[i] >= need)
            v[i] += bv[i];
        else if (nv[i] > 0.5)
            ++out.suppressed_cells;
    }
    out.kde.total_weight += b.value().total_weight;
    out.kde.points += b.value().points;
    out.kde.empty_input = out.kde.empty_input && b.value().empty_input;
    out.kde.protected_suppressed = out.suppressed_cells;
    return out;
}

} // namespace sw
