// Points with identical coordinates merged into one location carrying their summed weight
// (police.uk's snap points: many incidents at one place, 4 to 10 times fewer locations than
// incidents on real data). Counting, density and capture over the locations give what they give
// over the points, up to the order of summation.
#pragma once

#include "core/kde.hpp"

namespace sw {

// Locations come in the order of their first point; weights empty in the input count 1 each.
WeightedPoints mergeLocations(const WeightedPoints& points);

// Whether merging is worth it: a sample of up to 8,192 points spread over the input shares a
// coordinate at least one time in ten (deterministic: the same points give the same answer).
bool worthMerging(const WeightedPoints& points);

} // namespace sw
