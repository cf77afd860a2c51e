// Target areas drawn over the map: a translucent fill and outline in the status colour
// (proposed amber, approved blue, done green, excluded zones grey), the name at the centre,
// handles on the selected area, the shape being drawn, and Suggest's proposals dashed.
#pragma once

#include "render/map_camera.hpp"
#include "session/plan_document.hpp"
#include "session/street_week_suggest.hpp"
#include "ui/area_tools.hpp"

#include <cstdint>
#include <vector>

namespace sw::ui {

// Triangles of each area's fill, rebuilt when the plan changes.
struct AreaFillCache {
    std::uint64_t revision = UINT64_MAX;
    std::vector<std::vector<Point>> triangles; // per area, three corners each
};

struct AreaOverlay {
    const PlanDocument& doc;
    const AreaToolState& tools;
    const AreaToolFrame& frame;
    const SuggestResult* suggestion = nullptr;
};

void drawTargetAreas(const MapCamera& camera, const AreaOverlay& overlay, AreaFillCache& cache);

} // namespace sw::ui
