// The plan's map as a PNG for the partner pack (Cairo, no window needed): the wards, the
// hotspots and the target areas in their status colours with labels, under a title and the
// period, with a legend, a scale bar, a north arrow and the attributions the data's licences
// require.
#pragma once

#include "core/result.hpp"
#include "core/target_area.hpp"
#include "core/wards.hpp"

#include <string>
#include <vector>

namespace sw {

struct PlanMapImage {
    std::string title;       // "Street-week plan: Medway 2025"
    std::string subtitle;    // "Period 2025-01..2025-12 · layers: ..."
    std::string attribution; // licence lines, wrapped to the width
    const WardSet* wards = nullptr;
    std::vector<MultiPolygon> hotspots;
    std::string hotspot_label = "Hotspot";
    std::vector<TargetArea> areas;
    bool ward_labels = true;
    int width = 1600, height = 1200;
};

Status writePlanMapPng(const std::string& path, const PlanMapImage& image);

} // namespace sw
