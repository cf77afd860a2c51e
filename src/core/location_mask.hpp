// Protected locations for rows that are not public (a council's ASB log holds the homes of
// complainants and perpetrators): each such row is moved, before anything is derived from it,
// to a point between min_m and max_m from where it was ("donut" masking), preferring one of the
// load's anonymous map points (police.uk's snap points) in that ring. The move is drawn from a
// secret key and the place: the same place moves to the same point in every run and rows at one
// address move together (neither repeated exports nor many rows at one home can be averaged
// back to it), and nobody without the key can work back from a masked point. Only the ring is
// known: the true place can be anywhere in an annulus of at least min_m around the point.
#pragma once

#include "core/geometry.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace sw {

struct IncidentTable;

struct LocationMaskParams {
    double min_m = 250;    // no masked row lies nearer than this to its true place
    double max_m = 500;    // nor farther than this
    std::uint64_t key = 0; // the secret (see session/mask_key)
};

struct LocationMaskReport {
    std::uint64_t moved = 0;   // non-public rows moved
    std::uint64_t snapped = 0; // of those, to an anonymous map point
};

// Moves the rows of non-public sources (table.rowIsPublic false) in place, in working-CRS
// metres. The anonymous points are the distinct places of the table's public rows.
LocationMaskReport maskNonPublicLocations(IncidentTable& table, const LocationMaskParams& params);

// "moved 250 to 500 m to an anonymous point" (for reports and READMEs).
std::string describeMasking(const LocationMaskParams& params);

} // namespace sw
