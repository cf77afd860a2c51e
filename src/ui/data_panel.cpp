// Data panel and its file browser (std::filesystem).
#include "ui/data_panel.hpp"

#include "core/text.hpp"
#include "session/sources_file.hpp"

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
         {"csv", "zip", "geojson", "json", "gpkg", "shp", "kml", "fgb", "gml", "tsv", "txt"})
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

SourceDraft draftFrom(const SourceOptions& o) {
    SourceDraft d;
    d.name = o.name;
    if (o.covers)
        d.covers = formatMonth(o.covers->first) + ".." + formatMonth(o.covers->last);
    if (o.columns) {
        d.x = o.columns->x;
        d.y = o.columns->y;
        d.month = o.columns->month;
        d.type = o.columns->type;
        d.postcode = o.columns->postcode;
        d.lonlat = o.columns->lonlat_hint;
        d.month_first = o.columns->month_first;
    }
    d.xy_crs = o.xy_crs.value_or("");
    d.is_public = o.is_public;
    return d;
}

// The options a draft gives its path; nullopt when it says nothing (all detected).
Result<std::optional<SourceOptions>> optionsFrom(const SourceDraft& d, const std::string& path) {
    SourceOptions o;
    o.path = path;
    o.name = d.name;
    o.is_public = d.is_public;
    if (!d.covers.empty()) {
        o.covers = parseCovers(d.covers);
        if (!o.covers)
            return badRequest(fs::path(path).filename().string() + ": months covered '" + d.covers +
                              "': give them as FROM..TO, e.g. 2025-01..2025-06");
    }
    if (!d.x.empty() || !d.y.empty() || !d.month.empty() || !d.type.empty() ||
        !d.postcode.empty() || d.lonlat || d.month_first)
        o.columns =
            CsvColumnOptions{d.x, d.y, d.month, d.type, d.postcode, d.lonlat, d.month_first};
    if (!d.xy_crs.empty())
        o.xy_crs = d.xy_crs;
    if (!o.columns && !o.xy_crs && !o.covers && o.name.empty() && !o.is_public)
        return std::optional<SourceOptions>{};
    return std::optional<SourceOptions>(std::move(o));
}

void addIncidents(DataPanelState& s, const std::string& path, SourceDraft draft = {}) {
    if (std::find(s.incidents.begin(), s.incidents.end(), path) != s.incidents.end())
        return;
    s.drafts.resize(s.incidents.size());
    s.incidents.push_back(path);
    s.drafts.push_back(std::move(draft));
}

// A text field bound to a string (ImGui 1.86 has no std::string overload).
void editText(const char* label, std::string& value, const char* tip) {
    char buf[512];
    std::snprintf(buf, sizeof buf, "%s", value.c_str());
    ImGui::SetNextItemWidth(220);
    if (ImGui::InputText(label, buf, sizeof buf))
        value = buf;
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", tip);
}

// The settings of one incidents path: its source's name, months, columns, CRS, public or not.
void sourceSettings(SourceDraft& d) {
    editText("Source name", d.name, "The name reports give it (paths of one name are one source)");
    editText("Months covered", d.covers,
             "FROM..TO, e.g. 2025-01..2025-06: months it covers, rows or not (empty: its rows' "
             "months)");
    ImGui::Checkbox("Public data", &d.is_public);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("police.uk files are public; a partner's rows are moved to protect "
                          "their locations unless the data is public");
    editText("X column", d.x, "Easting or longitude column (empty: detected)");
    editText("Y column", d.y, "Northing or latitude column (empty: detected)");
    ImGui::Checkbox("X/Y are longitude/latitude", &d.lonlat);
    editText("Date column", d.month, "A month or a date column; days are kept (empty: detected)");
    ImGui::Checkbox("Dates are month/day/year (US order)", &d.month_first);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Off: 03/04/2025 is 3 April (the UK's order)");
    editText("Type column", d.type, "The incident type column (empty: detected)");
    editText("Postcode column", d.postcode,
             "For rows with a postcode and no coordinates (needs a postcode file)");
    editText("X/Y CRS", d.xy_crs, "CRS of easting/northing columns, e.g. EPSG:27700");
}

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
    if (ImGui::SmallButton("Incidents"))
        addIncidents(s, path);
    if (!is_dir && lowerExtension(path) == "txt") {
        ImGui::SameLine();
        if (ImGui::SmallButton("Sources file"))
            addSourcesFile(s, path);
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("Every incident source once: paths, columns, months, public or not "
                              "(see the README)");
        return;
    }
    if (!is_dir) {
        ImGui::SameLine();
        if (ImGui::SmallButton("Postcodes"))
            s.postcodes = path;
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("ONS Postcode Directory, NSPL or OS Code-Point Open: places rows "
                              "that have a postcode and no coordinates");
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

void setFromRequest(DataPanelState& s, const LoadRequest& r) {
    s.wards = r.wards_path;
    s.population = r.population_path;
    s.lookup = r.lookup_path;
    s.postcodes = r.postcodes_path;
    s.assign_by_area = r.assign_by_area;
    s.stop_and_search = r.incident_options.stop_and_search;
    s.exact_locations = r.exact_locations;
    s.mask_m = r.mask_m;
    s.mask_min_rows = r.mask_min_rows;
    s.incidents.clear();
    s.drafts.clear();
    for (const auto& path : r.incident_paths) {
        SourceDraft d;
        for (const auto& so : r.sources)
            if (so.path == path)
                d = draftFrom(so);
        addIncidents(s, path, d);
    }
    // Columns given before any path (every file's) stay with the paths that have none of their own.
    const CsvColumnOptions& g = r.incident_options.columns;
    for (auto& d : s.drafts)
        if (d.x.empty() && d.y.empty() && d.month.empty() && d.type.empty() && d.postcode.empty()) {
            d.x = g.x;
            d.y = g.y;
            d.month = g.month;
            d.type = g.type;
            d.postcode = g.postcode;
            d.lonlat = d.lonlat || g.lonlat_hint;
            d.month_first = d.month_first || g.month_first;
        }
    if (r.incident_options.xy_crs != io::IncidentReadOptions{}.xy_crs)
        for (auto& d : s.drafts)
            if (d.xy_crs.empty())
                d.xy_crs = r.incident_options.xy_crs;
}

Result<LoadRequest> requestFromPanel(const DataPanelState& s) {
    LoadRequest r;
    r.wards_path = s.wards;
    r.incident_paths = s.incidents;
    r.population_path = s.population;
    r.lookup_path = s.lookup;
    r.postcodes_path = s.postcodes;
    r.assign_by_area = s.assign_by_area && !s.lookup.empty();
    r.incident_options.stop_and_search = s.stop_and_search;
    r.exact_locations = s.exact_locations;
    r.mask_m = s.mask_m;
    r.mask_min_rows = s.mask_min_rows;
    for (std::size_t i = 0; i < s.incidents.size(); ++i) {
        if (i >= s.drafts.size())
            break;
        auto o = optionsFrom(s.drafts[i], s.incidents[i]);
        if (!o)
            return o.failure();
        if (o.value())
            r.sources.push_back(std::move(*o.value()));
    }
    return r;
}

void addSourcesFile(DataPanelState& s, const std::string& path) {
    auto f = readSourcesFile(path);
    if (!f) {
        s.sources_message = f.error();
        return;
    }
    for (const auto& so : f.value().sources)
        addIncidents(s, so.path, draftFrom(so));
    s.sources_message = fs::path(path).filename().string() + ": " +
                        std::to_string(f.value().paths.size()) + " incident path(s) added";
}

std::optional<LoadRequest> drawDataPanel(DataPanelState& s, const Session& session, bool loading) {
    if (!s.open) {
        s.was_open = false;
        return std::nullopt;
    }
    if (!s.was_open || (session.loaded() && !s.saw_loaded))
        s.focus_frames = 3; // the map's other panels appear with the data: stay in front
    s.was_open = true;
    s.saw_loaded = session.loaded();
    if (s.focus_frames > 0) {
        --s.focus_frames;
        ImGui::SetNextWindowFocus();
    }
    ImGui::SetNextWindowPos(ImVec2(410, 60), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(600, 560), ImGuiCond_FirstUseEver);
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
    s.drafts.resize(s.incidents.size());
    for (std::size_t i = 0; i < s.incidents.size(); ++i) {
        std::string p = s.incidents[i];
        const std::string label = "Incidents " + std::to_string(i + 1);
        chosen(label.c_str(), p);
        if (p.empty()) {
            s.incidents.erase(s.incidents.begin() + static_cast<std::ptrdiff_t>(i));
            s.drafts.erase(s.drafts.begin() + static_cast<std::ptrdiff_t>(i));
            break;
        }
        ImGui::PushID(label.c_str());
        ImGui::Indent();
        SourceDraft& d = s.drafts[i];
        const std::string head =
            "Source: " + (d.name.empty() ? std::string("(detected)") : d.name) +
            (d.is_public ? ", public" : "") + (d.covers.empty() ? "" : ", " + d.covers) +
            "###settings";
        if (ImGui::TreeNode(head.c_str())) {
            sourceSettings(d);
            ImGui::TreePop();
        }
        ImGui::Unindent();
        ImGui::PopID();
    }
    if (s.incidents.empty()) {
        std::string none;
        chosen("Incidents", none);
    }
    chosen("Population", s.population);
    chosen("Lookup", s.lookup);
    chosen("Postcodes", s.postcodes);
    if (!s.sources_message.empty())
        ImGui::TextWrapped("%s", s.sources_message.c_str());
    ImGui::Checkbox("Exact partner locations (data-sharing agreement)", &s.exact_locations);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Off (the default): rows of sources that are not public are moved "
                          "%.0f to %.0f m to an anonymous point before anything is made from "
                          "them. On: every map, surface and pack shows where they happened.",
                          s.mask_m, 2 * s.mask_m);
    ImGui::Checkbox("Stop and search files as their own layer", &s.stop_and_search);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("police.uk downloads hold stop and search files beside the street "
                          "crimes; off, they are skipped (and said in the Load report)");
    if (!s.lookup.empty()) {
        ImGui::SameLine();
        ImGui::Checkbox("Place incidents by LSOA code", &s.assign_by_area);
    }
    const auto request = requestFromPanel(s);
    ImGui::BeginDisabled(loading || !request || (s.wards.empty() && s.incidents.empty()));
    if (ImGui::Button(loading ? "Loading..." : "Load") && request) {
        for (const auto* p : {&s.wards, &s.population, &s.lookup, &s.postcodes})
            if (!p->empty())
                rememberRecent(s, *p);
        for (const auto& p : s.incidents)
            rememberRecent(s, p);
        out = request.value();
    }
    ImGui::EndDisabled();
    if (!request)
        ImGui::TextColored(ImVec4(0.8f, 0.1f, 0.1f, 1), "%s", request.error().c_str());
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
