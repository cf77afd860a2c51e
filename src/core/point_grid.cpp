// Cell buckets for point-in-polygon queries.
#include "core/point_grid.hpp"

#include <algorithm>
#include <cmath>

namespace sw {

PointGrid::PointGrid(const std::vector<double>& x, const std::vector<double>& y, double cell_m)
    : cell_(cell_m) {
    if (x.empty())
        return;
    const auto [xmin, xmax] = std::minmax_element(x.begin(), x.end());
    const auto [ymin, ymax] = std::minmax_element(y.begin(), y.end());
    x0_ = *xmin;
    y0_ = *ymin;
    // At most about 4 million cells, whatever the spread.
    const double span = std::max(*xmax - x0_, *ymax - y0_);
    cell_ = std::max(cell_, span / 2000);
    cols_ = static_cast<std::size_t>((*xmax - x0_) / cell_) + 1;
    rows_ = static_cast<std::size_t>((*ymax - y0_) / cell_) + 1;
    std::vector<std::uint32_t> cell_of(x.size());
    start_.assign(cols_ * rows_ + 1, 0);
    for (std::size_t i = 0; i < x.size(); ++i) {
        const auto c = static_cast<std::size_t>((x[i] - x0_) / cell_);
        const auto r = static_cast<std::size_t>((y[i] - y0_) / cell_);
        cell_of[i] = static_cast<std::uint32_t>(r * cols_ + c);
        ++start_[cell_of[i] + 1];
    }
    for (std::size_t c = 1; c < start_.size(); ++c)
        start_[c] += start_[c - 1];
    order_.resize(x.size());
    xs_.resize(x.size());
    ys_.resize(x.size());
    std::vector<std::uint32_t> next(start_.begin(), start_.end() - 1);
    for (std::size_t i = 0; i < x.size(); ++i) {
        const std::uint32_t at = next[cell_of[i]]++;
        order_[at] = static_cast<std::uint32_t>(i);
        xs_[at] = x[i];
        ys_[at] = y[i];
    }
}

void PointGrid::inside(const MultiPolygon& shape, std::vector<std::uint32_t>& out) const {
    if (order_.empty() || shape.empty())
        return;
    Box box;
    bg::envelope(shape, box);
    const auto clampCol = [&](double v) {
        return static_cast<std::ptrdiff_t>(
            std::clamp(std::floor((v - x0_) / cell_), 0.0, static_cast<double>(cols_ - 1)));
    };
    const auto clampRow = [&](double v) {
        return static_cast<std::ptrdiff_t>(
            std::clamp(std::floor((v - y0_) / cell_), 0.0, static_cast<double>(rows_ - 1)));
    };
    if (box.max_corner().x() < x0_ || box.max_corner().y() < y0_ ||
        box.min_corner().x() > x0_ + static_cast<double>(cols_) * cell_ ||
        box.min_corner().y() > y0_ + static_cast<double>(rows_) * cell_)
        return;
    const std::ptrdiff_t c0 = clampCol(box.min_corner().x()), c1 = clampCol(box.max_corner().x());
    const std::ptrdiff_t r0 = clampRow(box.min_corner().y()), r1 = clampRow(box.max_corner().y());
    const std::size_t w = static_cast<std::size_t>(c1 - c0 + 1);
    // Cells an edge passes near (its bounding box, grown by a hair): tested point by point.
    std::vector<std::uint8_t> edge(w * static_cast<std::size_t>(r1 - r0 + 1), 0);
    const auto markRing = [&](const Ring& ring) {
        for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
            const Point& a = ring[i];
            const Point& b = ring[i + 1];
            const double eps = cell_ * 1e-6;
            const auto ca = std::max(c0, clampCol(std::min(a.x(), b.x()) - eps));
            const auto cb = std::min(c1, clampCol(std::max(a.x(), b.x()) + eps));
            const auto ra = std::max(r0, clampRow(std::min(a.y(), b.y()) - eps));
            const auto rb = std::min(r1, clampRow(std::max(a.y(), b.y()) + eps));
            for (auto r = ra; r <= rb; ++r)
                for (auto c = ca; c <= cb; ++c)
                    edge[static_cast<std::size_t>(r - r0) * w + static_cast<std::size_t>(c - c0)] =
                        1;
        }
    };
    for (const auto& poly : shape) {
        markRing(poly.outer());
        for (const auto& hole : poly.inners())
            markRing(hole);
    }
    for (auto r = r0; r <= r1; ++r)
        for (auto c = c0; c <= c1; ++c) {
            const std::size_t cell =
                static_cast<std::size_t>(r) * cols_ + static_cast<std::size_t>(c);
            const std::uint32_t b = start_[cell], e = start_[cell + 1];
            if (b == e)
                continue;
            if (edge[static_cast<std::size_t>(r - r0) * w + static_cast<std::size_t>(c - c0)]) {
                for (std::uint32_t k = b; k < e; ++k)
                    if (bg::covered_by(Point(xs_[k], ys_[k]), shape))
                        out.push_back(order_[k]);
                continue;
            }
            const Point centre(x0_ + (static_cast<double>(c) + 0.5) * cell_,
                               y0_ + (static_cast<double>(r) + 0.5) * cell_);
            if (bg::covered_by(centre, shape))
                out.insert(out.end(), order_.begin() + b, order_.begin() + e);
        }
}

} // namespace sw
