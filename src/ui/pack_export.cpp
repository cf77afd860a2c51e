// The Export partner pack panel.
#include "ui/pack_export.hpp"

#include <imgui.h>

#include <filesystem>

namespace sw::ui {

void inputText(const char* label, std::string& text) {
    char buf[1024];
    std::snprintf(buf, sizeof buf, "%s", text.c_str());
    if (ImGui::InputText(label, buf, sizeof buf))
        text = buf;
}

namespace {

constexpr io::PackFormat kFormats[] = {io::PackFormat::Shapefile, io::PackFormat::GeoPackage,
                                       io::PackFormat::GeoJson,   io::PackFormat::Kml,
                                       io::PackFormat::Csv,       io::PackFormat::Xlsx};

} // namespace

std::string defaultPackFolder(const std::string& plan_path) {
    const std::filesystem::path p(plan_path.empty() ? "streetweek_plan.gpkg" : plan_path);
    return (p.parent_path() / (p.stem().string() + "_pack")).string();
}

void PackExport::stop() {
    if (job_.running())
        state_.message = "New data loaded: the export was stopped; nothing was written";
    job_.stop();
    job_.take();
}

void PackExport::start(const Session& session, const Plan& plan, const std::string& plan_path,
                       const SelectionParams& selection, const KdeParams& kde,
                       const HotspotThreshold& threshold) {
    const auto scoped = scopedSelection(state_.scope, selection);
    if (!scoped) {
        state_.message = scoped.error();
        return;
    }
    PartnerPackRequest req;
    req.format = kFormats[state_.format];
    req.content = mapContentRequest(plan, scoped.value(), kde, threshold, state_.suppress);
    req.content.include_points = state_.include_points;
    req.zip = state_.zip;
    req.plan_path = plan_path;
    req.out_dir = state_.folder.empty() ? defaultPackFolder(plan_path) : state_.folder;
    state_.message =
        "Writing the pack to " + req.out_dir + " (" + scopeText(scoped.value()) + ")...";
    job_.start(
        [&session, plan, req](Progress& p) { return exportPartnerPack(session, plan, req, &p); });
}

void PackExport::collect() {
    auto r = job_.take();
    if (!r)
        return;
    if (!*r) {
        state_.message = "Export failed: " + r->failure().message;
        return;
    }
    const PartnerPackResult& out = r->value();
    std::size_t withheld = 0;
    for (const auto& l : out.layers)
        withheld += l.disclosure.primary + l.disclosure.secondary + l.disclosure.derived;
    state_.message = "Wrote " + std::to_string(out.files.size()) + " files to " + out.folder +
                     (out.zip.empty() ? "" : " and " + out.zip) + "; " + std::to_string(withheld) +
                     " values withheld";
    for (const auto& w : out.warnings)
        state_.message += "\nwarning: " + w;
}

void PackExport::draw(const Session& session, const Plan& plan, const std::string& plan_path,
                      const SelectionParams& selection, const KdeParams& kde,
                      const HotspotThreshold& threshold) {
    collect();
    if (!state_.open)
        return;
    ImGui::SetNextWindowPos(ImVec2(420, 60), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSizeConstraints(ImVec2(460, 0), ImVec2(640, 600));
    if (!ImGui::Begin("Export partner pack", &state_.open, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::End();
        return;
    }
    drawOutputScope(state_.scope, selection);
    const char* names[] = {"ESRI Shapefile", "GeoPackage", "GeoJSON (WGS84)", "KML", "CSV",
                           "Excel (XLSX)"};
    ImGui::Combo("Format", &state_.format, names, IM_ARRAYSIZE(names));
    ImGui::InputInt("Withhold counts below", &state_.suppress);
    state_.suppress = std::clamp(state_.suppress, 0, 100);
    if (state_.suppress <= 1)
        ImGui::TextColored(ImVec4(0.9f, 0.2f, 0.2f, 1),
                           "Disclosure control is off: counts of 1 to 4 will be in the pack");
    else
        ImGui::TextWrapped("Counts 1 to %d are withheld, with what would give them away",
                           state_.suppress - 1);
    ImGui::Checkbox("Include incident points", &state_.include_points);
    if (state_.include_points)
        ImGui::TextColored(ImVec4(0.9f, 0.5f, 0.1f, 1),
                           "Every selected incident's month, crime type and location will leave "
                           "(never Crime ID)");
    ImGui::Checkbox("Also write a zip", &state_.zip);
    if (state_.folder.empty())
        state_.folder = defaultPackFolder(plan_path);
    inputText("Folder", state_.folder);
    if (job_.running()) {
        ImGui::ProgressBar(static_cast<float>(job_.fraction()), ImVec2(-1, 0));
        if (ImGui::Button("Cancel"))
            job_.cancel();
    } else {
        ImGui::BeginDisabled(plan.areas.empty() || !scopedSelection(state_.scope, selection));
        if (ImGui::Button("Export"))
            start(session, plan, plan_path, selection, kde, threshold);
        ImGui::EndDisabled();
        if (plan.areas.empty())
            ImGui::TextDisabled("The plan has no areas yet");
    }
    if (!state_.message.empty()) {
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + 440);
        ImGui::TextUnformatted(state_.message.c_str());
        ImGui::PopTextWrapPos();
    }
    ImGui::End();
}

} // namespace sw::ui
