// The Plan panel.
#include "ui/plan_panel.hpp"

#include "ui/area_stats_view.hpp"
#include "ui/plan_tabs.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

namespace sw::ui {
namespace {

const char* toolHint(AreaTool t) {
    switch (t) {
    case AreaTool::Polygon:
        return "Click the vertices; double-click or Enter closes; Esc cancels";
    case AreaTool::Circle:
        return "Click the centre, then a point on the edge; Esc cancels";
    case AreaTool::Rectangle:
        return "Click one corner, then the opposite corner; Esc cancels";
    case AreaTool::Select:
        break;
    }
    return "Click an area to select it, drag to move it, drag a handle to reshape; "
           "double-click an edge adds a vertex, right-click a vertex removes it";
}

void toolButtons(AreaToolState& tools) {
    const std::pair<AreaTool, const char*> buttons[] = {{AreaTool::Select, "Select"},
                                                        {AreaTool::Polygon, "Polygon (P)"},
                                                        {AreaTool::Circle, "Circle (C)"},
                                                        {AreaTool::Rectangle, "Rectangle (R)"}};
    for (const auto& [tool, label] : buttons) {
        if (tool != AreaTool::Select)
            ImGui::SameLine();
        if (ImGui::RadioButton(label, tools.tool == tool)) {
            tools.tool = tool;
            tools.draft.clear();
        }
    }
    ImGui::TextDisabled("%s", toolHint(tools.tool));
    if (!tools.message.empty())
        ImGui::TextColored(ImVec4(0.75f, 0.35f, 0.0f, 1), "%s", tools.message.c_str());
}

// The plan is shared: someone else's save noticed, clashes to settle, what came in.
void sharedPlanRows(PlanPanelState& s, PlanPanelContext& ctx) {
    const ImVec4 warn(0.75f, 0.35f, 0.0f, 1);
    if (s.changed_on_disk && ctx.doc.clashes().empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, warn);
        ImGui::TextWrapped("Someone else saved this plan since you opened it.");
        ImGui::PopStyleColor();
        if (ImGui::SmallButton("Bring their changes in")) {
            const auto st = ctx.doc.bringIn();
            s.message = st ? "Brought in their changes" : st.error();
            s.changed_on_disk = false;
        }
    }
    const auto& clashes = ctx.doc.clashes();
    for (std::size_t i = 0; i < clashes.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        ImGui::PushStyleColor(ImGuiCol_Text, warn);
        ImGui::TextWrapped("Clash: %s", clashes[i].text().c_str());
        ImGui::PopStyleColor();
        if (ImGui::SmallButton("Keep mine")) {
            ctx.doc.resolveClash(i, true);
            ImGui::PopID();
            break;
        }
        ImGui::SameLine();
        if (ImGui::SmallButton("Take theirs")) {
            ctx.doc.resolveClash(i, false);
            ImGui::PopID();
            break;
        }
        ImGui::PopID();
    }
    if (!ctx.doc.kept().empty() &&
        ImGui::TreeNode("kept", "%zu rows of the file not shown (kept as they are)",
                        ctx.doc.kept().size())) {
        for (const auto& k : ctx.doc.kept())
            ImGui::BulletText("%s %s", k.id.empty() ? "(no id)" : k.id.c_str(), k.reason.c_str());
        ImGui::TreePop();
    }
}

void fileRow(PlanPanelState& s, PlanPanelContext& ctx, PlanPanelRequests& out) {
    std::string path = ctx.doc.path();
    ImGui::SetNextItemWidth(-150);
    if (ImGui::InputTextWithHint("##planfile", "plan.gpkg", &path))
        ctx.doc.setPath(path);
    ImGui::SameLine();
    if (ImGui::Button(ctx.doc.dirty() ? "Save*" : "Save"))
        out.save = true;
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Ctrl+S: save the plan (a GeoPackage partners open in QGIS)");
    ImGui::SameLine();
    ImGui::BeginDisabled(ctx.doc.undoSteps() == 0);
    if (ImGui::SmallButton("Undo"))
        ctx.doc.undo();
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(ctx.doc.redoSteps() == 0);
    if (ImGui::SmallButton("Redo"))
        ctx.doc.redo();
    ImGui::EndDisabled();
    if (!s.message.empty())
        ImGui::TextWrapped("%s", s.message.c_str());
    sharedPlanRows(s, ctx);
}

void recoveryPrompt(PlanPanelState& s, PlanPanelContext& ctx) {
    if (!s.offer_recovery)
        return;
    ImGui::TextColored(ImVec4(0.8f, 0.2f, 0.1f, 1),
                       "Unsaved changes from an earlier session were autosaved.");
    if (ImGui::Button("Recover them")) {
        const auto st = ctx.doc.recover();
        s.message = st ? "Recovered the autosaved areas (not saved yet: Ctrl+S)" : st.error();
        s.offer_recovery = false;
    }
    ImGui::SameLine();
    if (ImGui::Button("Discard them")) {
        ctx.doc.discardAutosave();
        s.offer_recovery = false;
    }
    ImGui::Separator();
}

} // namespace

PlanPanelRequests drawPlanPanel(PlanPanelState& s, PlanPanelContext& ctx) {
    PlanPanelRequests out;
    if (!s.open)
        return out;
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    // Below the Layers, Period and (collapsed) Load report panels on the left.
    ImGui::SetNextWindowPos(ImVec2(10, 420), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(400, std::max(220.0f, display.y - 430)),
                             ImGuiCond_FirstUseEver);
    if (!ImGui::Begin("Plan", &s.open)) {
        ImGui::End();
        return out;
    }
    recoveryPrompt(s, ctx);
    fileRow(s, ctx, out);
    toolButtons(ctx.tools);
    if (ImGui::BeginTabBar("plan_tabs")) {
        if (ImGui::BeginTabItem("Areas")) {
            if (auto z = drawAreasTab(ctx))
                out.zoom = z;
            ImGui::EndTabItem();
        }
        if (ImGui::BeginTabItem("Schedule")) {
            drawScheduleTab(s, ctx);
            ImGui::EndTabItem();
        }
        if (ImGui::BeginTabItem("Suggest")) {
            out.suggest = drawSuggestTab(s, ctx);
            ImGui::EndTabItem();
        }
        if (ImGui::BeginTabItem("Evaluate")) {
            drawEvaluateTab(s, ctx, out);
            ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
    }
    ImGui::End();
    return out;
}

} // namespace sw::ui
