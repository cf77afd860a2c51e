// Labels that never overlap: each label offers candidate boxes (its anchor first, then shifts
// round it) and is placed, in priority order, in the first candidate that overlaps no label
// placed before it and no obstacle (a legend, a title banner); a label with no free candidate
// is left out. Screen or page units, y down; used by the map window and the printed maps.
#pragma once

#include <cstddef>
#include <vector>

namespace sw {

struct LabelBox {
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    bool overlaps(const LabelBox& o) const {
        return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1;
    }
};

struct LabelRequest {
    double cx = 0, cy = 0;        // anchor: the label's centre
    double width = 0, height = 0; // the label's box, halo included
    double priority = 0;          // larger first (e.g. the ward's area on screen)
};

// Per request, the placed box's index into its candidates (0: on the anchor; 1-4: above,
// below, right, left), or -1 when it was left out. `bounds` (when its width is positive) is
// the drawable area every placed label must lie inside.
std::vector<int> placeLabels(const std::vector<LabelRequest>& labels,
                             const std::vector<LabelBox>& obstacles, const LabelBox& bounds);

// The candidate box k (0..4) of a label.
LabelBox labelCandidate(const LabelRequest& label, int k);

} // namespace sw
