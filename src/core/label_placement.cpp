// Greedy non-overlapping label placement.
#include "core/label_placement.hpp"

#include <algorithm>
#include <numeric>

namespace sw {

LabelBox labelCandidate(const LabelRequest& l, int k) {
    double dx = 0, dy = 0;
    switch (k) {
    case 1:
        dy = -l.height;
        break;
    case 2:
        dy = l.height;
        break;
    case 3:
        dx = l.width * 0.6;
        break;
    case 4:
        dx = -l.width * 0.6;
        break;
    default:
        break;
    }
    return {l.cx + dx - l.width / 2, l.cy + dy - l.height / 2, l.cx + dx + l.width / 2,
            l.cy + dy + l.height / 2};
}

std::vector<int> placeLabels(const std::vector<LabelRequest>& labels,
                             const std::vector<LabelBox>& obstacles, const LabelBox& bounds) {
    std::vector<std::size_t> order(labels.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return labels[a].priority > labels[b].priority;
    });
    std::vector<int> chosen(labels.size(), -1);
    std::vector<LabelBox> placed = obstacles;
    const bool bounded = bounds.x1 > bounds.x0;
    for (std::size_t i : order) {
        for (int k = 0; k < 5; ++k) {
            const LabelBox b = labelCandidate(labels[i], k);
            if (bounded &&
                (b.x0 < bounds.x0 || b.y0 < bounds.y0 || b.x1 > bounds.x1 || b.y1 > bounds.y1))
                continue;
            if (std::any_of(placed.begin(), placed.end(),
                            [&](const LabelBox& p) { return p.overlaps(b); }))
                continue;
            chosen[i] = k;
            placed.push_back(b);
            break;
        }
    }
    return chosen;
}

} // namespace sw
