// The clique cover of the area choice's candidates.
#include "core/area_choice_problem.hpp"

#include <unordered_map>

namespace sw::area_choice {

std::vector<std::uint64_t> cliqueCover(const std::vector<double>& x, const std::vector<double>& y,
                                       double min_d) {
    const double half = min_d / 2 * (1 - 1e-9), cell = half;
    const double x0 = *std::min_element(x.begin(), x.end());
    const double y0 = *std::min_element(y.begin(), y.end());
    const auto key = [&](std::int64_t cx, std::int64_t cy) {
        return (static_cast<std::uint64_t>(cx) << 32) ^
               (static_cast<std::uint64_t>(cy) & 0xffffffffull);
    };
    std::unordered_map<std::uint64_t, std::vector<std::size_t>> grid;
    for (std::size_t i = 0; i < x.size(); ++i)
        grid[key(static_cast<std::int64_t>((x[i] - x0) / cell),
                 static_cast<std::int64_t>((y[i] - y0) / cell))]
            .push_back(i);
    std::vector<std::uint64_t> group(x.size(), UINT64_MAX);
    std::uint64_t next = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        if (group[i] != UINT64_MAX)
            continue;
        const std::uint64_t g = next++;
        group[i] = g;
        const auto cx = static_cast<std::int64_t>((x[i] - x0) / cell);
        const auto cy = static_cast<std::int64_t>((y[i] - y0) / cell);
        for (std::int64_t dy = -1; dy <= 1; ++dy)
            for (std::int64_t dx = -1; dx <= 1; ++dx) {
                const auto it = grid.find(key(cx + dx, cy + dy));
                if (it == grid.end())
                    continue;
                for (std::size_t j : it->second) {
                    const double ex = x[j] - x[i], ey = y[j] - y[i];
                    if (group[j] == UINT64_MAX && ex * ex + ey * ey < half * half)
                        group[j] = g;
                }
            }
    }
    return group;
}

} // namespace sw::area_choice
