// Plan settings and sources to and from the session's requests.
#include "session/plan_context.hpp"

#include "session/sources_file.hpp"

#include "core/layer_rules.hpp"
#include "io/plan_file.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>

namespace fs = std::filesystem;

namespace sw {
namespace {

// The path as plans keep it (absolute, so a plan opened from elsewhere finds its files).
std::string absolutePath(const std::string& path) {
    std::error_code ec;
    std::string out = fs::absolute(path, ec).string();
    return ec ? path : out;
}

PlanSource sourceOf(const std::string& role, const std::string& path) {
    PlanSource s;
    s.role = role;
    std::error_code ec;
    s.path = absolutePath(path);
    if (fs::is_regular_file(path, ec)) {
        s.bytes = static_cast<std::uint64_t>(fs::file_size(path, ec));
        s.checksum = io::fileChecksum(path);
    }
    return s;
}

} // namespace

// The rows kept from the incident files read for one given input (the file itself, or the files
// in a folder or zip, whose paths start with it, or with /vsizip/ and it).
std::uint64_t rowsFrom(const LoadReport& report, const std::string& given) {
    std::uint64_t rows = 0;
    const auto under = [](std::string_view path, std::string_view root) {
        return path == root || (path.size() > root.size() && path.substr(0, root.size()) == root &&
                                path[root.size()] == '/');
    };
    for (const auto& f : report.incidents) {
        std::string_view p = f.path;
        if (p.substr(0, 8) == "/vsizip/")
            p.remove_prefix(8);
        if (under(p, given))
            rows += f.rows_kept;
    }
    return rows;
}

void recordSources(Plan& plan, const LoadRequest& r, const LoadReport* report) {
    plan.sources.clear();
    if (!r.wards_path.empty()) {
        plan.sources.push_back(sourceOf("wards", r.wards_path));
        if (report)
            plan.sources.back().rows = report->wards.rows_kept;
    }
    for (const auto& p : r.incident_paths) {
        plan.sources.push_back(sourceOf("incidents", p));
        if (report)
            plan.sources.back().rows = rowsFrom(*report, p);
    }
    if (!r.population_path.empty()) {
        plan.sources.push_back(sourceOf("population", r.population_path));
        if (report && report->population)
            plan.sources.back().rows = report->population->rows_kept;
    }
    if (!r.postcodes_path.empty())
        plan.sources.push_back(sourceOf("postcodes", r.postcodes_path));
    if (!r.lookup_path.empty()) {
        plan.sources.push_back(sourceOf("lookup", r.lookup_path));
        if (report && report->lookup)
            plan.sources.back().rows = report->lookup->rows_kept;
    }
    plan.set("assign_by", r.assign_by_area ? "lsoa" : "point");
    // What the user said about each incident source, so the plan reloads it the same way.
    std::vector<std::string> options;
    for (const auto& so : r.sources) {
        std::string line = absolutePath(so.path); // as the plan's sources name it
        const auto add = [&](const char* k, const std::string& v) {
            if (!v.empty())
                line += std::string("\t") + k + "=" + v;
        };
        add("name", so.name);
        if (so.covers)
            add("covers", formatMonth(so.covers->first) + ".." + formatMonth(so.covers->last));
        add("public", so.is_public ? "1" : "");
        if (so.columns) {
            add("x", so.columns->x);
            add("y", so.columns->y);
            add("month", so.columns->month);
            add("type", so.columns->type);
            add("postcode", so.columns->postcode);
            add("date_order", so.columns->month_first ? "mdy" : "");
            add("lonlat", so.columns->lonlat_hint ? "1" : "");
        }
        if (so.xy_crs)
            add("xy_crs", *so.xy_crs);
        options.push_back(line);
    }
    plan.setAll("source_options", options);
    plan.setAll("exact_locations",
                r.exact_locations ? std::vector<std::string>{"1"} : std::vector<std::string>{});
    plan.set("mask_m", shortNumber(r.mask_m));
    plan.set("mask_min_rows", std::to_string(r.mask_min_rows));
}

namespace {
// A "source_options" setting back into the options (unknown keys are ignored).
SourceOptions sourceOptionsFromSetting(const std::string& line) {
    SourceOptions so;
    std::size_t at = line.find('\t');
    so.path = line.substr(0, at);
    while (at != std::string::npos) {
        const std::size_t next = line.find('\t', at + 1);
        const std::string kv =
            line.substr(at + 1, next == std::string::npos ? std::string::npos : next - at - 1);
        at = next;
        const auto eq = kv.find('=');
        if (eq == std::string::npos)
            continue;
        const std::string k = kv.substr(0, eq), v = kv.substr(eq + 1);
        const auto cols = [&]() -> CsvColumnOptions& {
            if (!so.columns)
                so.columns = CsvColumnOptions{};
            return *so.columns;
        };
        if (k == "name")
            so.name = v;
        else if (k == "public")
            so.is_public = v == "1";
        else if (k == "covers")
            so.covers = parseCovers(v);
        else if (k == "postcode")
            cols().postcode = v;
        else if (k == "date_order")
            cols().month_first = v == "mdy";
        else if (k == "x")
            cols().x = v;
        else if (k == "y")
            cols().y = v;
        else if (k == "month")
            cols().month = v;
        else if (k == "type")
            cols().type = v;
        else if (k == "lonlat")
            cols().lonlat_hint = v == "1";
        else if (k == "xy_crs")
            so.xy_crs = v;
    }
    return so;
}
} // namespace

void recordSelection(Plan& plan, const SelectionParams& s) {
    plan.setAll("from", s.from == kNoMonth ? std::vector<std::string>{}
                                           : std::vector<std::string>{formatMonth(s.from)});
    plan.setAll("to", s.to == kNoMonth ? std::vector<std::string>{}
                                       : std::vector<std::string>{formatMonth(s.to)});
    std::vector<std::string> rules, weights;
    for (std::size_t i = 0; i < s.layers.size(); ++i) {
        rules.push_back(formatLayerRule(s.layers[i]));
        weights.push_back(s.layers[i].name + "=" +
                          shortNumber(s.layer_weights.empty() ? 1.0 : s.layer_weights[i]));
    }
    plan.setAll("layer", rules);
    plan.setAll("layer_weight", weights);
    plan.setAll("harm_weight", harmWeightLines(s.harm));
    plan.setAll("harm_weights_file", s.harm.empty() || s.harm.file.empty()
                                         ? std::vector<std::string>{}
                                         : std::vector<std::string>{s.harm.file});
    plan.setAll("harm_weights_title", s.harm.empty() || s.harm.title.empty()
                                          ? std::vector<std::string>{}
                                          : std::vector<std::string>{s.harm.title});
}

Result<LoadRequest> requestFromPlan(const Plan& plan, LoadRequest given,
                                    std::vector<std::string>* notes) {
    const bool need_wards = given.wards_path.empty(), need_incidents = given.incident_paths.empty();
    const bool need_population = given.population_path.empty() && given.lookup_path.empty();
    std::vector<std::string> missing;
    for (const PlanSource& s : plan.sources) {
        const bool wanted = (s.role == "wards" && need_wards) ||
                            ((s.role == "incidents" || s.role == "postcodes") && need_incidents) ||
                            ((s.role == "population" || s.role == "lookup") && need_population);
        if (!wanted)
            continue;
        std::error_code ec;
        if (!fs::exists(s.path, ec)) {
            missing.push_back("the plan's " + s.role + " source " + s.path +
                              " is not there any more: give --" + s.role + " with its new place");
            continue;
        }
        if (!s.checksum.empty() && notes && io::fileChecksum(s.path) != s.checksum)
            notes->push_back("the plan's " + s.role + " source " + s.path +
                             " has changed since the plan was saved");
        if (s.role == "wards")
            given.wards_path = s.path;
        else if (s.role == "incidents")
            given.incident_paths.push_back(s.path);
        else if (s.role == "postcodes")
            given.postcodes_path = s.path;
        else if (s.role == "population")
            given.population_path = s.path;
        else if (s.role == "lookup")
            given.lookup_path = s.path;
    }
    if (need_population && !given.lookup_path.empty() && plan.setting("assign_by") == "lsoa")
        given.assign_by_area = true;
    if (need_incidents) { // the plan's sources as the user described them when it was made
        for (const auto& line : plan.settingAll("source_options")) {
            SourceOptions so = sourceOptionsFromSetting(line);
            // Plans made before paths were kept absolute: the one incidents path of that name.
            const auto& paths = given.incident_paths;
            if (std::find(paths.begin(), paths.end(), so.path) == paths.end()) {
                const auto name = fs::path(so.path).filename();
                const auto same = [&](const std::string& p) {
                    return fs::path(p).filename() == name;
                };
                if (std::count_if(paths.begin(), paths.end(), same) == 1)
                    so.path = *std::find_if(paths.begin(), paths.end(), same);
            }
            given.sources.push_back(std::move(so));
        }
        given.exact_locations = given.exact_locations || plan.setting("exact_locations") == "1";
        if (const double m = std::atof(plan.setting("mask_m").c_str()); m >= 50 && m <= 5000)
            given.mask_m = m;
        if (const int n = std::atoi(plan.setting("mask_min_rows").c_str()); n >= 1 && n <= 100)
            given.mask_min_rows = static_cast<std::size_t>(n);
    }
    if (!missing.empty()) {
        std::string all;
        for (const auto& m : missing)
            all += (all.empty() ? "" : "\n") + m;
        return Error{all};
    }
    return given;
}

Result<SelectionParams> selectionFromPlan(const Plan& plan) {
    SelectionParams s;
    if (const auto m = parseMonth(plan.setting("from")))
        s.from = *m;
    if (const auto m = parseMonth(plan.setting("to")))
        s.to = *m;
    for (const auto& text : plan.settingAll("layer")) {
        auto rule = parseLayerRule(text);
        if (!rule)
            return Error{"the plan's layer rule '" + text + "': " + rule.error()};
        s.layers.push_back(rule.value());
    }
    const auto weights = plan.settingAll("layer_weight");
    if (!weights.empty() && weights.size() == s.layers.size()) {
        for (const auto& w : weights) {
            const auto eq = w.rfind('=');
            s.layer_weights.push_back(eq == std::string::npos ? 1.0
                                                              : std::atof(w.c_str() + eq + 1));
        }
    }
    if (const auto lines = plan.settingAll("harm_weight"); !lines.empty()) {
        auto harm = harmWeightsFromLines(lines);
        if (!harm)
            return harm.failure();
        s.harm = std::move(harm.value());
        s.harm.file = plan.setting("harm_weights_file");
        s.harm.title = plan.setting("harm_weights_title");
    }
    return s;
}

} // namespace sw
