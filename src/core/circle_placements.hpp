// Every circle placement that matters, not a lattice. For circles of radius r, an optimal circle
// can always be moved until two incident locations lie on its edge, or it holds one location at
// its centre; so the candidates are each distinct location and the two circles through every
// pair of locations closer than 2r. The circle the plan saves is a regular polygon inscribed in
// radius r (target_area's circleShape), so the circles are drawn through the pairs with the
// polygon's inscribed radius, a hair less: the two locations then lie inside the saved polygon.
// Each candidate's capture is counted exactly on the saved polygon (the weight of the locations
// it covers, boundary included), the count the statistics, evaluate, the pack and the report give.
#pragma once

#include "core/area_choice.hpp"
#include "core/kde.hpp"
#include "core/merged_locations.hpp"
#include "core/progress.hpp"

#include <cstdint>
#include <vector>

namespace sw {

struct PlacementParams {
    double radius_m = 300;
    int segments = 64; // of the saved polygon (circleShape's default)
    std::size_t max_pairs =
        3'000'000; // more pairs than this: not enumerated (the caller falls back)
    unsigned threads = 0;
};

struct Placements {
    std::vector<AreaCandidate> candidates; // centre and exact captured weight (> 0)
    std::size_t locations = 0;             // distinct locations
    std::size_t pairs = 0;                 // pairs of locations closer than the circle's diameter
    bool enumerated = false;               // false: too many pairs, no candidates made
    bool pairs_estimated = false;          // pairs is an estimate (far too many to count)
};

// The candidates for merged locations (mergeLocations). Cancellable through progress.
Placements circlePlacements(const WeightedPoints& locations, const PlacementParams& params,
                            Progress* progress = nullptr);

// Whether (dx, dy) from the centre is covered by circleShape(centre, r, segments): the regular
// polygon with a vertex due north, boundary included.
bool insideCirclePolygon(double dx, double dy, double r, int segments);

} // namespace sw
