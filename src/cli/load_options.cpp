// Shared load and layer options.
#include "cli/load_options.hpp"

#include "io/text_file.hpp"
#include "session/sources_file.hpp"

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
        {"sources", "FILE",
         "a sources file: each incident source once, with its paths, columns, CRS, months and "
         "whether it is public (see the README)",
         false},
        {"postcodes", "CSV",
         "postcode file (ONS Postcode Directory, NSPL or OS Code-Point Open) that places the rows "
         "of extracts with a postcode and no coordinates, at the postcode's centroid",
         false},
        {"assign-by", "HOW", "how incidents get their ward: point (default) or lsoa", false},
        {"stop-and-search", "",
         "load police.uk stop and search files as records of their own (layer 'Stop and "
         "search'; never counted as crimes); default: skipped",
         false},
        {"exact-locations", "",
         "keep the exact locations of sources that are not public (only under a data-sharing "
         "agreement that allows them: every output then shows where they happened); default: "
         "moved --mask-distance to twice that to an anonymous point",
         false},
        {"mask-distance", "M",
         "how far the rows of sources that are not public are moved at least (default 250 m; "
         "at most twice that)",
         false},
        {"mask-min-rows", "N",
         "density cells (and so hotspot outlines) that fewer than N moved rows reach show the "
         "public rows' density only (default 5; 1 = off)",
         false},
        {"crs", "CRS", "working CRS (default: EPSG:27700 in Great Britain, else local UTM)", false},
        {"ward-code-field", "NAME", "ward code field (default: detected, e.g. WD13CD)", false},
        {"ward-name-field", "NAME", "ward name field (default: detected, e.g. WD13NM)", false},
        {"x-field", "NAME",
         "CSV column of easting or longitude (after an --incidents path: that source's only)",
         true},
        {"y-field", "NAME", "CSV column of northing or latitude (likewise)", true},
        {"lonlat", "", "the named --x-field/--y-field columns are longitude/latitude", true},
        {"month-field", "NAME", "CSV column of the month or date (likewise)", true},
        {"type-field", "NAME", "CSV column of the crime type (likewise)", true},
        {"date-order", "dmy|mdy",
         "how slash dates read: dmy (14/03/2025, the default) or mdy (03/14/2025) (likewise)",
         true},
        {"xy-crs", "CRS", "CRS of easting/northing columns (default EPSG:27700; likewise)", true},
        {"covers", "FROM..TO",
         "after an --incidents path: the months that source covers, rows or not (a partner's "
         "extract for 2025-01..2025-06); a month a source does not cover is no data for it",
         true},
        {"source-name", "NAME",
         "after an --incidents path: the source's name in reports (paths of one name are one "
         "source)",
         true},
        {"public-source", "PATH",
         "an --incidents path whose rows are published as they are (police.uk files always "
         "are; anything else is not, unless named here)",
         true},
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

namespace {

// The options that describe a source follow its --incidents path; given before any path they
// are every file's (as before sources had options of their own).
Status sourceOptionsFrom(const Args& a, LoadRequest& r) {
    struct Group {
        std::vector<std::string> paths;
        SourceOptions options;
        bool columns = false, crs = false;
        std::vector<std::string> given; // option names given for it
    };
    std::vector<Group> groups;
    std::vector<std::string> global_given;
    CsvColumnOptions& global = r.incident_options.columns;
    for (std::size_t i = 0; i < a.ordered().size(); ++i) {
        const std::string key = a.ordered()[i].first; // a copy: the lambda below captures it
        const std::string& v = a.ordered()[i].second;
        if (key == "incidents") {
            if (a.startsOccurrence(i) || groups.empty())
                groups.emplace_back(); // each --incidents is a group; its values share it
            groups.back().paths.push_back(v);
            continue;
        }
        static const char* kSourceOptions[] = {"x-field",     "y-field",     "lonlat",
                                               "month-field", "type-field",  "xy-crs",
                                               "covers",      "source-name", "date-order"};
        if (std::none_of(std::begin(kSourceOptions), std::end(kSourceOptions),
                         [&](const char* o) { return key == o; }))
            continue;
        Group* g = groups.empty() ? nullptr : &groups.back();
        if (!g && (key == "covers" || key == "source-name"))
            return badRequest("--" + key +
                              " describes a source: give it after the --incidents "
                              "path it is about");
        std::vector<std::string>& given = g ? g->given : global_given;
        if (std::find(given.begin(), given.end(), key) != given.end())
            return badRequest(g ? "--" + key + " given twice for the --incidents path " +
                                      g->paths.front()
                                : "option '--" + key + "' given twice");
        given.push_back(key);
        if (g && !g->columns && key != "xy-crs" && key != "covers" && key != "source-name") {
            g->options.columns = global; // the group's columns start from the global ones
            g->columns = true;
        }
        CsvColumnOptions* cols = g ? &*g->options.columns : &global;
        if (key == "x-field")
            cols->x = v;
        else if (key == "y-field")
            cols->y = v;
        else if (key == "lonlat")
            cols->lonlat_hint = true;
        else if (key == "date-order") {
            const auto order = parseDateOrder(v);
            if (!order)
                return badRequest("--date-order must be dmy (day/month/year, the UK's) or mdy "
                                  "(month/day/year), got '" +
                                  v + "'");
            cols->month_first = *order;
        } else if (key == "month-field")
            cols->month = v;
        else if (key == "type-field")
            cols->type = v;
        else if (key == "xy-crs")
            (g ? g->options.xy_crs : r.incident_options.xy_crs) = v;
        else if (key == "source-name")
            g->options.name = v;
        else if (key == "covers") {
            g->options.covers = parseCovers(v);
            if (!g->options.covers)
                return badRequest("--covers " + v +
                                  ": give the months as FROM..TO, e.g. 2025-01..2025-06");
        }
    }
    for (const auto& path : a.all("public-source"))
        if (std::none_of(groups.begin(), groups.end(), [&](const Group& g) {
                return std::find(g.paths.begin(), g.paths.end(), path) != g.paths.end();
            }))
            return badRequest("--public-source " + path + ": names no --incidents path");
    for (auto& g : groups)
        for (const auto& path : g.paths) {
            SourceOptions so = g.options;
            so.path = path;
            const auto pub = a.all("public-source");
            so.is_public = std::find(pub.begin(), pub.end(), path) != pub.end();
            if (so.columns || so.xy_crs || so.covers || !so.name.empty() || so.is_public)
                r.sources.push_back(std::move(so));
        }
    return okStatus();
}

} // namespace

Result<LoadRequest> loadRequestFrom(const Args& a, bool wards_required, bool inputs_required) {
    LoadRequest r;
    r.wards_path = a.get("wards");
    r.incident_paths = a.all("incidents");
    r.population_path = a.get("population");
    r.lookup_path = a.get("lookup");
    r.postcodes_path = a.get("postcodes");
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
    if (auto st = sourceOptionsFrom(a, r); !st)
        return st.failure();
    if (a.has("sources")) {
        auto file = readSourcesFile(a.get("sources"));
        if (!file)
            return file.failure();
        addSources(r, file.value());
    }
    r.exact_locations = a.has("exact-locations");
    if (a.has("mask-distance")) {
        const auto m = parseDouble(a.get("mask-distance"));
        if (!m || !(*m >= 50) || !(*m <= 5000))
            return badRequest("--mask-distance must be a number of metres from 50 to 5000");
        if (r.exact_locations)
            return badRequest("--mask-distance and --exact-locations cannot be given together");
        r.mask_m = *m;
    }
    if (a.has("mask-min-rows")) {
        const auto n = parseInteger(a.get("mask-min-rows"));
        if (!n || *n < 1 || *n > 100)
            return badRequest("--mask-min-rows must be a whole number from 1 to 100");
        if (r.exact_locations)
            return badRequest("--mask-min-rows and --exact-locations cannot be given together");
        r.mask_min_rows = static_cast<std::size_t>(*n);
    }
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
    // A layer named twice (by a rule and by --layer, or twice) is one layer.
    std::vector<LayerRule> selected;
    const auto select = [&](const LayerRule& rule) {
        for (auto& l : selected)
            if (equalsIgnoreCase(l.name, rule.name)) {
                l = rule;
                return;
            }
        selected.push_back(rule);
    };
    for (const auto& text : a.all("layer-rule")) {
        auto rule = parseLayerRule(text);
        if (!rule)
            return Error{"--layer-rule: " + rule.error()};
        addOrReplace(rule.value());
        select(rule.value());
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
        select(*found);
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
