// The Board report panel.
#include "ui/report_export.hpp"

#include "session/board_backtest.hpp"
#include "ui/pack_export.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>

namespace sw::ui {

std::string defaultReportPath(const std::string& plan_path, bool html) {
    const char* ext = html ? ".html" : ".pdf";
    if (plan_path.empty())
        return std::string("board_report") + ext;
    const std::filesystem::path p(plan_path);
    return (p.parent_path() / (p.stem().string() + "_board_report" + ext)).string();
}

void ReportExport::stop() {
    if (job_.running())
        state_.message = "New data loaded: the report was stopped; nothing was written";
    job_.stop();
    job_.take();
}

void ReportExport::start(const Session& session, const Plan& plan, const std::string& plan_path,
                         const SelectionParams& selection, const KdeParams& kde,
                         const HotspotThreshold& threshold) {
    const auto scoped = scopedSelection(state_.scope, selection);
    if (!scoped) {
        state_.message = scoped.error();
        return;
    }
    BoardReportRequest req;
    req.content = mapContentRequest(plan, scoped.value(), kde, threshold, state_.suppress);
    req.out = state_.path;
    req.title = state_.title;
    req.plan_path = plan_path;
    if (basemap_source_ && basemap_look_)
        req.basemap = {*basemap_source_, *basemap_look_};
    const bool with_plan = !plan.areas.empty();
    if (state_.backtest)
        req.backtest = backtestForPlan(with_plan ? &plan : nullptr, scoped.value());
    state_.message = "Writing " + req.out + " (" + scopeText(scoped.value()) + ")...";
    job_.start([&session, plan, with_plan, req](Progress& p) {
        return writeBoardReport(session, with_plan ? &plan : nullptr, req, &p);
    });
}

void ReportExport::collect() {
    auto r = job_.take();
    if (!r)
        return;
    if (!*r) {
        state_.message = "The report failed: " + r->failure().message;
        return;
    }
    const WrittenReport& w = r->value().written;
    state_.message =
        "Wrote " + w.path + (w.pages ? " (" + std::to_string(w.pages) + " pages)" : "");
}

void ReportExport::draw(const Session& session, const Plan& plan, const std::string& plan_path,
                        const SelectionParams& selection, const KdeParams& kde,
                        const HotspotThreshold& threshold) {
    collect();
    if (!state_.open)
        return;
    ImGui::SetNextWindowPos(ImVec2(440, 80), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSizeConstraints(ImVec2(460, 0), ImVec2(640, 600));
    if (!ImGui::Begin("Board report", &state_.open, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::End();
        return;
    }
    ImGui::TextWrapped("Headline totals, top wards, crime types, monthly trends, hotspot and Gi* "
                       "maps%s and the ward profile for the map's period and layers.",
                       plan.areas.empty() ? "" : ", the plan's areas");
    drawOutputScope(state_.scope, selection);
    const int before = state_.format;
    ImGui::RadioButton("PDF (A4)", &state_.format, 0);
    ImGui::SameLine();
    ImGui::RadioButton("HTML (one file)", &state_.format, 1);
    if (state_.path.empty() || before != state_.format) {
        std::filesystem::path p(
            state_.path.empty() ? defaultReportPath(plan_path, state_.format == 1) : state_.path);
        state_.path = p.replace_extension(state_.format == 1 ? ".html" : ".pdf").string();
    }
    inputText("File", state_.path);
    inputText("Title", state_.title);
    if (state_.title.empty())
        ImGui::TextDisabled("Empty title: \"Community safety board report: <district>\"");
    ImGui::InputInt("Withhold counts below", &state_.suppress);
    state_.suppress = std::clamp(state_.suppress, 0, 100);
    if (state_.suppress <= 1)
        ImGui::TextColored(ImVec4(0.9f, 0.2f, 0.2f, 1),
                           "Disclosure control is off: ward counts of 1 to 4 will be printed");
    ImGui::Checkbox("Backtest: which method finds next month's hotspots", &state_.backtest);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Adds a section scoring the planner (the plan's suggestion settings), "
                          "last period's busiest cells, KDE, Gi* and random cells on each loaded "
                          "month; about 10 s for a year of a district");
    if (job_.running()) {
        ImGui::ProgressBar(static_cast<float>(job_.fraction()), ImVec2(-1, 0));
        if (ImGui::Button("Cancel"))
            job_.cancel();
    } else {
        const bool ok = isReportPath(state_.path) && !session.wards().empty() &&
                        scopedSelection(state_.scope, selection).ok();
        ImGui::BeginDisabled(!ok);
        if (ImGui::Button("Write report"))
            start(session, plan, plan_path, selection, kde, threshold);
        ImGui::EndDisabled();
        if (session.wards().empty())
            ImGui::TextDisabled("Load wards first");
        else if (!isReportPath(state_.path))
            ImGui::TextDisabled("The file must end in .pdf or .html");
    }
    if (!state_.message.empty()) {
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + 440);
        ImGui::TextUnformatted(state_.message.c_str());
        ImGui::PopTextWrapPos();
    }
    ImGui::End();
}

} // namespace sw::ui
