// The period and layers of an export or a report.
#include "ui/output_scope.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

namespace sw::ui {
namespace {

std::string periodText(const SelectionParams& s) {
    if (s.from_day != kNoDay && s.to_day != kNoDay)
        return formatDay(s.from_day) + " to " + formatDay(s.to_day);
    if (s.from == kNoMonth && s.to == kNoMonth)
        return "every month";
    return (s.from == kNoMonth ? std::string("the start") : formatMonth(s.from)) + " to " +
           (s.to == kNoMonth ? std::string("the end") : formatMonth(s.to));
}

std::string layersText(const SelectionParams& s) {
    if (s.layers.empty())
        return "every incident";
    std::string out;
    for (const auto& l : s.layers)
        out += (out.empty() ? "" : "; ") + l.name;
    return out;
}

} // namespace

std::string scopeText(const SelectionParams& s) {
    return periodText(s) + "; " + layersText(s);
}

void drawOutputScope(OutputScope& scope, const SelectionParams& map) {
    const std::string hint_from = map.from == kNoMonth ? "YYYY-MM" : formatMonth(map.from),
                      hint_to = map.to == kNoMonth ? "YYYY-MM" : formatMonth(map.to);
    ImGui::SetNextItemWidth(80);
    ImGui::InputTextWithHint("##scope_from", hint_from.c_str(), &scope.from);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(80);
    ImGui::InputTextWithHint("Period##scope_to", hint_to.c_str(), &scope.to);
    const auto scoped = scopedSelection(scope, map);
    if (!scoped) {
        ImGui::TextColored(ImVec4(0.8f, 0.2f, 0.1f, 1), "%s", scoped.error().c_str());
        return;
    }
    // The period on a line of its own, so that typing one does not move what is below.
    ImGui::TextDisabled("Covers %s (%s)", periodText(scoped.value()).c_str(),
                        scope.from.empty() && scope.to.empty() ? "the map's period"
                                                               : "typed here, not the map's");
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("Layers: %s", layersText(scoped.value()).c_str());
    ImGui::PopStyleColor();
}

Result<SelectionParams> scopedSelection(const OutputScope& scope, const SelectionParams& map) {
    SelectionParams s = map;
    if (scope.from.empty() && scope.to.empty())
        return s;
    const auto a = parseMonth(scope.from.empty() ? formatMonth(map.from) : scope.from),
               b = parseMonth(scope.to.empty() ? formatMonth(map.to) : scope.to);
    if (!a || !b)
        return badRequest("The period must be YYYY-MM to YYYY-MM");
    if (*b < *a)
        return badRequest("The period ends before it starts");
    s.from = *a;
    s.to = *b;
    s.from_day = s.to_day = kNoDay; // whole months
    return s;
}

} // namespace sw::ui
