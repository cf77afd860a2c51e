// Several people edit one plan: a three-way merge of the plan as one of them read it (base),
// as they changed it (mine) and as the file holds it now (theirs: what others saved since).
// Changes that do not clash (other areas, other fields of one area) are all kept; a clash (the
// same field of the same area changed both ways to different values, or an area deleted one way
// and changed the other) is never settled silently: it is listed with both values, and the
// merged plan holds theirs for it until the person chooses. Areas are matched by their row in
// the file (fid), new ones by id; no GDAL here (io/plan_file writes the result in place).
#pragma once

#include "core/target_area.hpp"

#include <array>

#include <string>
#include <vector>

namespace sw {

// The fields of an area as the plan file stores them, each as canonical text (geometry and
// numbers at full precision), in a fixed order: area_id, name, shape, week_start, lead,
// partners, status, notes, locked, excluded, centre_x, centre_y, radius_m, geometry.
constexpr std::size_t kAreaFieldCount = 14;
const std::array<const char*, kAreaFieldCount>& areaFieldNames();
std::array<std::string, kAreaFieldCount> areaFieldValues(const TargetArea& area);
// Copies field i (areaFieldNames()'s order) from `from` to `to` (the geometry with the circle's
// centre and radius, and the shape kind, as one).
void copyAreaField(TargetArea& to, const TargetArea& from, std::size_t field);

struct PlanClash {
    std::string area_id;
    std::string field;  // a field name, or "(deleted)" for an area deleted one way
    std::string mine;   // the value this person saved ("(deleted)" when they deleted it)
    std::string theirs; // the value in the file now ("(deleted)" when someone else did)
    std::int64_t fid = -1;
    std::string text() const; // "A2 lead: yours 'Patel', in the file 'Smith'"
};

struct PlanMerge {
    Plan plan;                      // theirs with mine applied (theirs where they clash)
    std::vector<PlanClash> clashes; // empty: the plan is everyone's changes together
    std::vector<std::string> notes; // what was brought in, renamed or dropped
    std::size_t changed_by_me = 0;  // areas mine changed, added or deleted
    std::size_t changed_by_others = 0;
};

PlanMerge mergePlans(const Plan& base, const Plan& mine, const Plan& theirs);

} // namespace sw
