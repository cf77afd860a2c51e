// Shared load and layer options.
#include "cli/load_options.hpp"

#include "io/text_file.hpp"

#include <algorithm>
#include <iostream>

namespace sw::cli {

std::vector<OptionSpec> loadOptionSpecs(bool wards_required) {
    return {
        {"wards", "FILE",
         std::string("ward boundaries, any GDAL vector format") +
             (wards_required ? " (required)" : ""),
         false},
        {"incidents", "PATH...",
         "incident files, folders or .zip archives (police.uk CSV, CSV, any GDAL vector)", true,
         true},
        {"population", "CSV",
         "population table: ward code or name and residents, or LSOA code and residents with "
         "--lookup",
         false},
        {"lookup", "CSV",
         "area-to-ward lookup (e.g. ONS LSOA21CD -> WD23CD best fit): sums an LSOA --population "
         "to wards; with --assign-by lsoa places incidents by their LSOA code",
         false},
        {"assign-by", "HOW", "how incidents get their ward: point (default) or lsoa", false},
        {"stop-and-search", "",
         "load police.uk stop and search files as records of their own (layer 'Stop and "
         "search'; never counted as crimes); default: skipped",
         false},
        {"crs", "CRS", "working CRS (default: EPSG:27700 in Great Britain, else local UTM)", false},
        {"ward-code-field", "NAME", "ward code field (default: detected, e.g. WD13CD)", false},
        {"ward-name-field", "NAME", "ward name field (default: detected, e.g. WD13NM)", false},
        {"x-field", "NAME", "CSV column of easting or longitude", false},
        {"y-field", "NAME", "CSV column of northing or latitude", false},
        {"lonlat", "", "the named --x-field/--y-field columns are longitude/latitude", false},
        {"month-field", "NAME", "CSV column of the month or date", false},
        {"type-field", "NAME", "CSV column of the crime type", false},
        {"xy-crs", "CRS", "CRS of easting/northing columns (default EPSG:27700)", false},
        {"threads", "N", "threads to use (default: all cores)", false},
        {"quiet", "", "no progress line on the terminal while loading and computing", false},
    };
}

std::vector<OptionSpec> layerOptionSpecs() {
    return {
        {"layer", "NAME",
         "count this layer (All crime, asb, weapons, violence, drugs, or a rule's name)", true},
        {"layer-rule", "RULE",
         "define and count a layer: 'Name: types=A|B; terms=knife,blade; months=2022-01..2022-06'",
         true},
        {"layers", "FILE", "layer rules, one per line in the --layer-rule form", false},
    };
}

Result<LoadRequest> loadRequestFrom(const Args& a, bool wards_required, bool inputs_required) {
    LoadRequest r;
    r.wards_path = a.get("wards");
    r.incident_paths = a.all("incidents");
    r.population_path = a.get("population");
    r.lookup_path = a.get("lookup");
    r.incident_options.stop_and_search = a.has("stop-and-search");
    const std::string by = a.get("assign-by", "point");
    if (by != "point" && by != "lsoa")
        return Error{"--assign-by must be point or lsoa"};
    r.assign_by_area = by == "lsoa";
    if (r.assign_by_area && r.lookup_path.empty())
        return Error{"--assign-by lsoa needs --lookup LSOA_TO_WARD.csv"};
    r.working_crs = a.get("crs");
    r.ward_options.code_field = a.get("ward-code-field");
    r.ward_options.name_field = a.get("ward-name-field");
    r.incident_options.columns.x = a.get("x-field");
    r.incident_options.columns.y = a.get("y-field");
    r.incident_options.columns.lonlat_hint = a.has("lonlat");
    r.incident_options.columns.month = a.get("month-field");
    r.incident_options.columns.type = a.get("type-field");
    if (a.has("xy-crs"))
        r.incident_options.xy_crs = a.get("xy-crs");
    if (a.has("threads")) {
        const auto n = parseInteger(a.get("threads"));
        if (!n || *n < 1 || *n > 256)
            return Error{"--threads must be a whole number from 1 to 256"};
        r.threads = static_cast<unsigned>(*n);
    }
    if (wards_required && r.wards_path.empty())
        return Error{"--wards is required"};
    if (inputs_required && r.incident_paths.empty() && r.wards_path.empty())
        return Error{"give --wards and/or --incidents"};
    return r;
}

Result<std::vector<LayerRule>> selectLayers(const Args& a, std::vector<LayerRule>& layers) {
    auto addOrReplace = [&](LayerRule rule) {
        for (auto& l : layers)
            if (equalsIgnoreCase(l.name, rule.name)) {
                l = rule;
                return;
            }
        layers.push_back(std::move(rule));
    };
    if (a.has("stop-and-search") &&
        std::none_of(layers.begin(), layers.end(),
                     [](const LayerRule& l) { return l.kind == kStopAndSearchKind; }))
        layers.push_back(stopAndSearchLayer());
    if (a.has("layers")) {
        const std::string path = a.get("layers");
        auto text = io::readTextFile(path);
        if (!text)
            return text.failure();
        std::size_t line_no = 0, start = 0;
        const std::string& t = text.value();
        while (start <= t.size()) {
            auto end = t.find('\n', start);
            std::string line =
                t.substr(start, end == std::string::npos ? std::string::npos : end - start);
            ++line_no;
            start = end == std::string::npos ? t.size() + 1 : end + 1;
            if (!line.empty() && line.back() == '\r')
                line.pop_back();
            if (line.find_first_not_of(" \t") == std::string::npos ||
                line[line.find_first_not_of(" \t")] == '#')
                continue;
            auto rule = parseLayerRule(line);
            if (!rule)
                return Error{path + ": line " + std::to_string(line_no) + ": " + rule.error()};
            addOrReplace(std::move(rule.value()));
        }
    }
    std::vector<LayerRule> selected;
    for (const auto& text : a.all("layer-rule")) {
        auto rule = parseLayerRule(text);
        if (!rule)
            return Error{"--layer-rule: " + rule.error()};
        addOrReplace(rule.value());
        selected.push_back(rule.value());
    }
    for (const auto& name : a.all("layer")) {
        const LayerRule* found = nullptr;
        for (const auto& l : layers)
            if (equalsIgnoreCase(l.name, name) || equalsIgnoreCase(l.key, name))
                found = &l;
        if (!found) {
            std::string known;
            for (const auto& l : layers)
                known += (known.empty() ? "" : ", ") + l.name + " (" + l.key + ")";
            return Error{"--layer: no layer named '" + name + "' (known: " + known + ")"};
        }
        selected.push_back(*found);
    }
    return selected;
}

int fail(const std::string& command, const std::string& message, int code) {
    std::cerr << "streetweek " << command << ": " << message << "\n";
    if (code == kExitUsage)
        std::cerr << "(see 'streetweek " << command << " --help')\n";
    return code;
}

} // namespace sw::cli
