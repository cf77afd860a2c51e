// Data panel and its file browser (std::filesystem).
#include "ui/data_panel.hpp"

#include "core/text.hpp"

#include <imgui.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>

namespace sw::ui {
namespace fs = std::filesystem;

bool isDataFile(const std::string& name) {
    const std::string ext = lowerExtension(name);
    for (const char* e :
         {"csv", "zip", "geojson", "json", "gpkg", "shp", "kml", "fgb", "gml", "tsv"})
        if (ext == e)
            return true;
    return false;
}

void rememberRecent(DataPanelState& s, const std::string& path) {
    s.recent.erase(std::remove(s.recent.begin(), s.recent.end(), path), s.recent.end());
    s.recent.insert(s.recent.begin(), path);
    if (s.recent.size() > 10)
        s.recent.resize(10);
}

namespace {

// One chosen path with a button to clear it.
void chosen(const char* label, std::string& path) {
    ImGui::PushID(label);
    ImGui::Text("%s:", label);
    ImGui::SameLine();
    if (path.empty()) {
        ImGui::TextDisabled("(none)");
    } else {
        ImGui::TextUnformatted(fs::path(path).filename().string().c_str());
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s", path.c_str());
        ImGui::SameLine();
        if (ImGui::SmallButton("x"))
            path.clear();
    }
    ImGui::PopID();
}

// The buttons that put a path into the request.
void useButtons(DataPanelState& s, const std::string& path, bool is_dir) {
    if (!is_dir) {
        if (ImGui::SmallButton("Wards"))
            s.wards = path;
        ImGui::SameLine();
    }
    if (ImGui::SmallButton("Incidents") &&
        std::find(s.incidents.begin(), s.incidents.end(), path) == s.incidents.end())
        s.incidents.push_back(path);
    if (!is_dir) {
        ImGui::SameLine();
        if (ImGui::SmallButton("Population"))
            s.population = path;
        ImGui::SameLine();
        if (ImGui::SmallButton("Lookup"))
            s.lookup = path;
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("An area-to-ward lookup (ONS LSOA21CD -> WD23CD): sums an LSOA "
                              "population table to wards, or places incidents by LSOA code");
        ImGui::SameLine();
        if (ImGui::SmallButton("Context")) {
            s.context_requests.push_back(path);
            rememberRecent(s, path);
        }
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("Add over the map as a context layer (CCTV sites, schools, roads)");
    }
}

void browser(DataPanelState& s) {
    if (s.dir.empty()) {
        std::error_code ec;
        s.dir = fs::current_path(ec).string();
    }
    char buf[1024];
    std::snprintf(buf, sizeof buf, "%s", s.dir.c_str());
    if (ImGui::InputText("Folder", buf, sizeof buf, ImGuiInputTextFlags_EnterReturnsTrue))
        s.dir = buf;
    ImGui::BeginChild("files", ImVec2(0, 200), true);
    std::error_code ec;
    const fs::path dir(s.dir);
    if (dir.has_parent_path() && dir != dir.root_path() && ImGui::Selectable("[..]"))
        s.dir = dir.parent_path().string();
    std::vector<fs::directory_entry> dirs, files;
    for (fs::directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
         !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.empty() || name[0] == '.')
            continue;
        std::error_code e2;
        if (it->is_directory(e2))
            dirs.push_back(*it);
        else if (isDataFile(name))
            files.push_back(*it);
    }
    if (ec)
        ImGui::TextColored(ImVec4(0.8f, 0.1f, 0.1f, 1), "%s: %s", s.dir.c_str(),
                           ec.message().c_str());
    auto byName = [](const fs::directory_entry& a, const fs::directory_entry& b) {
        return a.path().filename() < b.path().filename();
    };
    std::sort(dirs.begin(), dirs.end(), byName);
    std::sort(files.begin(), files.end(), byName);
    std::string go_to;
    for (const auto& d : dirs) {
        ImGui::PushID(d.path().string().c_str());
        useButtons(s, d.path().string(), true);
        ImGui::SameLine();
        if (ImGui::Selectable(("[" + d.path().filename().string() + "]").c_str(), false,
                              ImGuiSelectableFlags_AllowDoubleClick) &&
            ImGui::IsMouseDoubleClicked(0))
            go_to = d.path().string();
        ImGui::PopID();
    }
    for (const auto& f : files) {
        ImGui::PushID(f.path().string().c_str());
        useButtons(s, f.path().string(), false);
        ImGui::SameLine();
        ImGui::TextUnformatted(f.path().filename().string().c_str());
        ImGui::PopID();
    }
    ImGui::EndChild();
    if (!go_to.empty())
        s.dir = go_to;
    ImGui::TextDisabled("Double-click a folder to open it.");
}

} // namespace

std::optional<LoadRequest> drawDataPanel(DataPanelState& s, const Session& session, bool loading) {
    if (!s.open)
        return std::nullopt;
    ImGui::SetNextWindowPos(ImVec2(360, 60), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(560, 460), ImGuiCond_FirstUseEver);
    std::optional<LoadRequest> out;
    if (!ImGui::Begin("Data", &s.open)) {
        ImGui::End();
        return out;
    }
    if (session.loaded())
        ImGui::TextDisabled("Loaded: %zu wards, %zu incidents", session.wards().size(),
                            session.incidents().size());
    browser(s);
    ImGui::Separator();
    chosen("Wards", s.wards);
    for (std::size_t i = 0; i < s.incidents.size(); ++i) {
        std::string p = s.incidents[i];
        chosen(("Incidents " + std::to_string(i + 1)).c_str(), p);
        if (p.empty()) {
            s.incidents.erase(s.incidents.begin() + static_cast<std::ptrdiff_t>(i));
            break;
        }
    }
    if (s.incidents.empty()) {
        std::string none;
        chosen("Incidents", none);
    }
    chosen("Population", s.population);
    chosen("Lookup", s.lookup);
    ImGui::Checkbox("Stop and search files as their own layer", &s.stop_and_search);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("police.uk downloads hold stop and search files beside the street "
                          "crimes; off, they are skipped (and said in the Load report)");
    if (!s.lookup.empty()) {
        ImGui::SameLine();
        ImGui::Checkbox("Place incidents by LSOA code", &s.assign_by_area);
    }
    ImGui::BeginDisabled(loading || (s.wards.empty() && s.incidents.empty()));
    if (ImGui::Button(loading ? "Loading..." : "Load")) {
        LoadRequest r;
        r.wards_path = s.wards;
        r.incident_paths = s.incidents;
        r.population_path = s.population;
        r.lookup_path = s.lookup;
        r.assign_by_area = s.assign_by_area && !s.lookup.empty();
        r.incident_options.stop_and_search = s.stop_and_search;
        for (const auto* p : {&s.wards, &s.population, &s.lookup})
            if (!p->empty())
                rememberRecent(s, *p);
        for (const auto& p : s.incidents)
            rememberRecent(s, p);
        out = r;
    }
    ImGui::EndDisabled();
    if (!s.context_message.empty())
        ImGui::TextWrapped("%s", s.context_message.c_str());
    if (!s.recent.empty() && ImGui::TreeNode("Recent files")) {
        for (const auto& p : s.recent) {
            ImGui::PushID(p.c_str());
            std::error_code ec;
            useButtons(s, p, fs::is_directory(p, ec));
            ImGui::SameLine();
            ImGui::TextUnformatted(fs::path(p).filename().string().c_str());
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip("%s", p.c_str());
            ImGui::PopID();
        }
        ImGui::TreePop();
    }
    ImGui::End();
    return out;
}

} // namespace sw::ui
