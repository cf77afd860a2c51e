#include "core/circle_placements.hpp"

#include "core/parallel.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <numbers>
#include <unordered_map>

namespace sw {

bool insideCirclePolygon(double dx, double dy, double r, int n) {
    const double d2 = dx * dx + dy * dy;
    const double step = 2 * std::numbers::pi / n;
    const double apothem = r * std::cos(step / 2);
    if (d2 <= apothem * apothem)
        return true;
    if (d2 > r * r)
        return false;
    // The edge facing the point: vertices at angles k*step clockwise from north.
    double a = std::atan2(dx, dy); // clockwise from north
    if (a < 0)
        a += 2 * std::numbers::pi;
    const auto k = static_cast<int>(std::floor(a / step)) % n;
    const double a0 = k * step, a1 = (k + 1) * step;
    const double x0 = r * std::sin(a0), y0 = r * std::cos(a0);
    const double x1 = r * std::sin(a1), y1 = r * std::cos(a1);
    // Inside when on the centre's side of the edge (or on it).
    const double cross_c = (x1 - x0) * (0 - y0) - (y1 - y0) * (0 - x0);
    const double cross_p = (x1 - x0) * (dy - y0) - (y1 - y0) * (dx - x0);
    return cross_p == 0 || (cross_p > 0) == (cross_c > 0);
}

namespace {

// Locations bucketed on a square grid.
struct Buckets {
    double x0 = 0, y0 = 0, cell = 1;
    std::size_t cols = 0, rows = 0;
    std::vector<std::uint32_t> start, order;

    Buckets(const WeightedPoints& p, double cell_m) : cell(cell_m) {
        if (p.x.empty())
            return;
        const auto [xmin, xmax] = std::minmax_element(p.x.begin(), p.x.end());
        const auto [ymin, ymax] = std::minmax_element(p.y.begin(), p.y.end());
        x0 = *xmin;
        y0 = *ymin;
        cols = static_cast<std::size_t>((*xmax - x0) / cell) + 1;
        rows = static_cast<std::size_t>((*ymax - y0) / cell) + 1;
        std::vector<std::uint32_t> count(cols * rows + 1, 0);
        for (std::size_t i = 0; i < p.x.size(); ++i)
            ++count[of(p.x[i], p.y[i]) + 1];
        for (std::size_t c = 1; c < count.size(); ++c)
            count[c] += count[c - 1];
        start = count;
        order.resize(p.x.size());
        for (std::size_t i = 0; i < p.x.size(); ++i)
            order[count[of(p.x[i], p.y[i])]++] = static_cast<std::uint32_t>(i);
    }
    std::size_t col(double x) const {
        return static_cast<std::size_t>(
            std::clamp((x - x0) / cell, 0.0, static_cast<double>(cols - 1)));
    }
    std::size_t row(double y) const {
        return static_cast<std::size_t>(
            std::clamp((y - y0) / cell, 0.0, static_cast<double>(rows - 1)));
    }
    std::size_t of(double x, double y) const { return row(y) * cols + col(x); }
    // Calls fn(i) for every location in the cells that the box [x-r, x+r] x [y-r, y+r] touches.
    template <typename Fn> void near(double x, double y, double r, Fn&& fn) const {
        if (cols == 0 || x + r < x0 || y + r < y0 ||
            x - r > x0 + static_cast<double>(cols) * cell ||
            y - r > y0 + static_cast<double>(rows) * cell)
            return;
        const std::size_t c0 = col(x - r), c1 = col(x + r), r0 = row(y - r), r1 = row(y + r);
        for (std::size_t rr = r0; rr <= r1; ++rr)
            for (std::size_t cc = c0; cc <= c1; ++cc) {
                const std::size_t b = rr * cols + cc;
                for (std::uint32_t k = start[b]; k < start[b + 1]; ++k)
                    fn(order[k]);
            }
    }
};

} // namespace

Placements circlePlacements(const WeightedPoints& loc, const PlacementParams& p,
                            Progress* progress) {
    Placements out;
    out.locations = loc.x.size();
    if (loc.x.empty())
        return out;
    const double r = p.radius_m;
    // Circles through pairs: the polygon's inscribed radius, less a hair, so both lie inside.
    const double rc = r * std::cos(std::numbers::pi / p.segments) * (1 - 1e-9);
    const Buckets b(loc, 2 * rc);
    const std::size_t n = loc.x.size();
    // An upper estimate first (each location against its bucket and the 8 around it), so that a
    // million locations geocoded to the metre are turned down without the quadratic count.
    double estimate = 0;
    for (std::size_t rr = 0; rr < b.rows; ++rr)
        for (std::size_t cc = 0; cc < b.cols; ++cc) {
            const double here = b.start[rr * b.cols + cc + 1] - b.start[rr * b.cols + cc];
            if (here == 0)
                continue;
            double around = 0;
            for (std::size_t r2 = rr > 0 ? rr - 1 : 0; r2 <= std::min(rr + 1, b.rows - 1); ++r2)
                for (std::size_t c2 = cc > 0 ? cc - 1 : 0; c2 <= std::min(cc + 1, b.cols - 1); ++c2)
                    around += b.start[r2 * b.cols + c2 + 1] - b.start[r2 * b.cols + c2];
            estimate += here * (around - 1) / 2;
        }
    if (estimate > 8.0 * static_cast<double>(p.max_pairs)) {
        out.pairs = static_cast<std::size_t>(estimate / 4); // about (a disc in 3 x 3 cells)
        out.pairs_estimated = true;
        return out;
    }
    // Pairs closer than 2 rc, counted before any is made.
    std::vector<std::size_t> pairs_from(n, 0);
    const unsigned threads = resolveThreads(static_cast<int>(p.threads));
    parallelChunks(n, 1024, threads, [&](std::size_t i0, std::size_t i1, std::size_t) {
        for (std::size_t i = i0; i < i1; ++i)
            b.near(loc.x[i], loc.y[i], 2 * rc, [&](std::uint32_t j) {
                if (j > i) {
                    const double dx = loc.x[j] - loc.x[i], dy = loc.y[j] - loc.y[i];
                    pairs_from[i] += dx * dx + dy * dy < 4 * rc * rc ? 1 : 0;
                }
            });
    });
    for (auto c : pairs_from)
        out.pairs += c;
    if (out.pairs > p.max_pairs)
        return out;
    out.enumerated = true;
    // Centres: every location, then both circles through each pair, in location order.
    std::vector<std::size_t> first(n + 1, 0);
    for (std::size_t i = 0; i < n; ++i)
        first[i + 1] = first[i] + 1 + 2 * pairs_from[i];
    std::vector<double> cx(first[n]), cy(first[n]);
    parallelChunks(n, 1024, threads, [&](std::size_t i0, std::size_t i1, std::size_t) {
        for (std::size_t i = i0; i < i1; ++i) {
            std::size_t at = first[i];
            cx[at] = loc.x[i];
            cy[at] = loc.y[i];
            ++at;
            std::vector<std::uint32_t> js;
            b.near(loc.x[i], loc.y[i], 2 * rc, [&](std::uint32_t j) {
                if (j > i) {
                    const double dx = loc.x[j] - loc.x[i], dy = loc.y[j] - loc.y[i];
                    if (dx * dx + dy * dy < 4 * rc * rc)
                        js.push_back(j);
                }
            });
            std::sort(js.begin(), js.end()); // the same order on any thread count
            for (std::uint32_t j : js) {
                const double dx = loc.x[j] - loc.x[i], dy = loc.y[j] - loc.y[i];
                const double d = std::sqrt(dx * dx + dy * dy);
                const double mx = (loc.x[i] + loc.x[j]) / 2, my = (loc.y[i] + loc.y[j]) / 2;
                const double h = std::sqrt(std::max(0.0, rc * rc - d * d / 4));
                const double ux = d > 0 ? -dy / d : 0, uy = d > 0 ? dx / d : 0;
                cx[at] = mx + h * ux;
                cy[at] = my + h * uy;
                cx[at + 1] = mx - h * ux;
                cy[at + 1] = my - h * uy;
                at += 2;
            }
        }
    });
    if (progress && progress->cancelled())
        return out;
    // Exact captures on the saved polygon.
    std::vector<double> value(cx.size(), 0);
    parallelChunks(cx.size(), 4096, threads, [&](std::size_t c0, std::size_t c1, std::size_t) {
        for (std::size_t c = c0; c < c1; ++c) {
            double v = 0;
            b.near(cx[c], cy[c], r, [&](std::uint32_t j) {
                if (insideCirclePolygon(loc.x[j] - cx[c], loc.y[j] - cy[c], r, p.segments))
                    v += loc.w[j];
            });
            value[c] = v;
        }
    });
    out.candidates.reserve(cx.size());
    for (std::size_t c = 0; c < cx.size(); ++c)
        if (value[c] > 0)
            out.candidates.push_back({cx[c], cy[c], value[c]});
    return out;
}

} // namespace sw
