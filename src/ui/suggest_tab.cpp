// The Plan panel's Suggest tab: the parameters, the run (in the background, with progress and
// cancel), and the proposed areas ranked with their statistics; accept one, all or none.
#include "core/text.hpp"
#include "ui/area_stats_view.hpp"
#include "ui/plan_tabs.hpp"

#include <imgui.h>

namespace sw::ui {
namespace {

void acceptOne(PlanPanelState& s, PlanPanelContext& ctx, std::size_t i) {
    if (s.suggestion->period.first != kNoMonth)
        ctx.doc.setChosenOn(s.suggestion->period);
    auto& areas = s.suggestion->areas;
    ctx.tools.selected = ctx.doc.add(areas[i].area);
    areas.erase(areas.begin() + static_cast<std::ptrdiff_t>(i));
}

void results(PlanPanelState& s, PlanPanelContext& ctx) {
    const SuggestResult& r = *s.suggestion;
    ImGui::TextWrapped("%zu areas capture %s of %s weighted incidents (%.1f%%); the greedy "
                       "choice %s. %s candidates (%s blocked by planned areas).",
                       r.areas.size(), countText(r.choice.value).c_str(),
                       countText(r.total_weight).c_str(),
                       r.total_weight > 0 ? 100 * r.choice.value / r.total_weight : 0.0,
                       countText(r.choice.greedy_value).c_str(),
                       withThousands(static_cast<long long>(r.candidates)).c_str(),
                       withThousands(static_cast<long long>(r.blocked)).c_str());
    ImGui::TextWrapped("%s.", proofText(r).c_str());
    if (!r.method.empty())
        ImGui::TextDisabled("Candidates: %s", r.method.c_str());
    for (const auto& n : r.notes)
        ImGui::TextDisabled("%s", n.c_str());
    if (r.areas.empty())
        return;
    if (ImGui::Button("Accept all")) {
        std::vector<TargetArea> all;
        for (const auto& a : r.areas)
            all.push_back(a.area);
        if (r.period.first != kNoMonth)
            ctx.doc.setChosenOn(r.period);
        ctx.doc.addAll(std::move(all));
        s.suggestion.reset();
        return;
    }
    ImGui::SameLine();
    if (ImGui::Button("Accept none")) {
        s.suggestion.reset();
        return;
    }
    for (std::size_t i = 0; i < r.areas.size(); ++i) {
        const SuggestedArea& a = r.areas[i];
        ImGui::PushID(static_cast<int>(i));
        if (ImGui::SmallButton("Accept")) {
            ImGui::PopID();
            acceptOne(s, ctx, i);
            return;
        }
        ImGui::SameLine();
        if (ImGui::TreeNode("cand", "%zu. %s: %.0f weighted, %lld incidents, PAI %.1f", i + 1,
                            a.area.name.c_str(), a.captured,
                            static_cast<long long>(a.stats.current.incidents),
                            a.stats.current.pai.value_or(0))) {
            drawAreaStats(a.stats);
            ImGui::TreePop();
        }
        ImGui::PopID();
    }
}

} // namespace

bool drawSuggestTab(PlanPanelState& s, PlanPanelContext& ctx) {
    bool run = false;
    ImGui::SetNextItemWidth(90);
    ImGui::InputInt("Areas (next street weeks)", &s.weeks);
    s.weeks = std::clamp(s.weeks, 1, 52);
    const char* presets[] = {"Your own settings", "Op Savvy (150 m, 500 m apart)",
                             "College of Policing (equal hexagons ranked)"};
    ImGui::SetNextItemWidth(260);
    if (ImGui::Combo("Preset", &s.preset, presets, 3)) {
        if (s.preset == 1) { // Op Savvy: 150 m circles, centres at least 500 m apart
            s.shape = SuggestShape::Circle;
            s.radius_m = 150;
            s.min_gap_m = 200;
        } else if (s.preset == 2) { // equal small places ranked by harm
            s.shape = SuggestShape::Hexagon;
            s.radius_m = 150;
            s.min_gap_m = 0;
        }
    }
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Op Savvy (West Midlands Police): hot spots of 150 m radius, centres "
                          "at least 500 m apart.\nCollege of Policing hot spots guide: equal "
                          "areas ranked by crime or harm (load harm weights).\nSources in the "
                          "README; any field can be changed after.");
    if (ImGui::RadioButton("Circles", s.shape == SuggestShape::Circle))
        s.shape = SuggestShape::Circle;
    ImGui::SameLine();
    if (ImGui::RadioButton("Hexagons", s.shape == SuggestShape::Hexagon))
        s.shape = SuggestShape::Hexagon;
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Equal hexagons tiling the study area (radius: centre to corner), "
                          "ranked by what each holds");
    ImGui::SameLine();
    if (ImGui::RadioButton("Hotspot polygons", s.shape == SuggestShape::HotspotPolygon))
        s.shape = SuggestShape::HotspotPolygon;
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Hotspots of the map's density (its kernel and radius), each cut at "
                          "the threshold where it fits under the maximum area");
    ImGui::SetNextItemWidth(90);
    if (s.shape == SuggestShape::HotspotPolygon) {
        ImGui::InputFloat("Maximum area (km2)", &s.max_area_km2, 0.1f, 0.5f, "%.2f");
        s.max_area_km2 = std::clamp(s.max_area_km2, 0.01f, 25.0f);
    } else {
        ImGui::InputFloat("Radius (m)", &s.radius_m, 50, 100, "%.0f");
        s.radius_m = std::clamp(s.radius_m, 50.0f, 5000.0f);
    }
    ImGui::SetNextItemWidth(90);
    ImGui::InputFloat("Minimum gap (m)", &s.min_gap_m, 50, 100, "%.0f");
    s.min_gap_m = std::clamp(s.min_gap_m, 0.0f, 20000.0f);
    ImGui::SetNextItemWidth(90);
    ImGui::InputFloat("Minimum per site", &s.min_per_site, 1, 10, "%.0f");
    s.min_per_site = std::clamp(s.min_per_site, 0.0f, 1e9f);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("An area must capture at least this many weighted incidents in the "
                          "period (0: any)");
    ImGui::SetNextItemWidth(90);
    ImGui::InputInt("Done areas block for (months)", &s.revisit_months);
    s.revisit_months = std::clamp(s.revisit_months, 0, 60);
    ImGui::TextDisabled("Shown layers (with their weights) and the period; planned, locked and "
                        "excluded areas are kept clear of.");
    if (s.harm_text.empty()) {
        ImGui::TextDisabled("No harm weights: incidents count by their layer weight (load a "
                            "table under Hotspots > Harm weights).");
    } else if (ImGui::TreeNode("harm", "Weighted by %s", s.harm_text.c_str())) {
        for (const auto& row : s.harm_rows)
            ImGui::BulletText("%s", row.c_str());
        ImGui::TreePop();
    }
    if (ctx.jobs.suggesting()) {
        ImGui::ProgressBar(static_cast<float>(ctx.jobs.suggestFraction()), ImVec2(200, 0));
        ImGui::SameLine();
        if (ImGui::Button("Cancel"))
            ctx.jobs.cancelSuggest();
    } else if (ImGui::Button("Suggest")) {
        run = true;
    }
    if (!s.suggest_error.empty())
        ImGui::TextColored(ImVec4(0.8f, 0.2f, 0.1f, 1), "%s", s.suggest_error.c_str());
    if (s.suggestion)
        results(s, ctx);
    return run;
}

} // namespace sw::ui
