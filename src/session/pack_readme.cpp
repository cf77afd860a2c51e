// One document, written out as text and as HTML.
#include "session/pack_readme.hpp"

#include "core/month_coverage.hpp"
#include "core/text.hpp"
#include "io/layer_style.hpp"
#include "session/source_names.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>

namespace sw {
namespace {

struct Block {
    enum class Kind { Heading, Para, Table } kind;
    std::string text;
    std::vector<std::vector<std::string>> rows; // Table: the first is the header
};

struct Doc {
    std::vector<Block> blocks;
    void heading(std::string t) { blocks.push_back({Block::Kind::Heading, std::move(t), {}}); }
    void para(std::string t) { blocks.push_back({Block::Kind::Para, std::move(t), {}}); }
    void table(std::vector<std::vector<std::string>> rows) {
        blocks.push_back({Block::Kind::Table, {}, std::move(rows)});
    }
};

std::size_t utf8Width(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s)
        n += (c & 0xC0) != 0x80;
    return n;
}

std::string asText(const Doc& d) {
    std::string s;
    for (const auto& b : d.blocks) {
        if (b.kind == Block::Kind::Heading) {
            s += "\n" + b.text + "\n" + std::string(utf8Width(b.text), '-') + "\n";
        } else if (b.kind == Block::Kind::Para) {
            s += b.text + "\n\n";
        } else {
            std::vector<std::size_t> w;
            for (const auto& r : b.rows)
                for (std::size_t c = 0; c < r.size(); ++c) {
                    w.resize(std::max(w.size(), r.size()), 0);
                    if (c + 1 < r.size())
                        w[c] = std::max(w[c], utf8Width(r[c]));
                }
            for (const auto& r : b.rows) {
                std::string line = " ";
                for (std::size_t c = 0; c < r.size(); ++c)
                    line += " " + r[c] +
                            (c + 1 < r.size() ? std::string(w[c] - utf8Width(r[c]) + 1, ' ') : "");
                s += line + "\n";
            }
            s += "\n";
        }
    }
    return s;
}

std::string asHtml(const Doc& d, const std::string& title) {
    std::string s =
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" +
        xmlEscape(title) +
        "</title>\n<style>body{font-family:sans-serif;max-width:60em;margin:2em "
        "auto;line-height:1.4}table{border-collapse:collapse;margin-bottom:1em}"
        "td,th{border:1px solid #bbb;padding:2px 8px;text-align:left}"
        "th{background:#eee}</style>\n</head>\n<body>\n<h1>" +
        xmlEscape(title) + "</h1>\n";
    for (const auto& b : d.blocks) {
        if (b.kind == Block::Kind::Heading)
            s += "<h2>" + xmlEscape(b.text) + "</h2>\n";
        else if (b.kind == Block::Kind::Para)
            s += "<p>" + xmlEscape(b.text) + "</p>\n";
        else {
            s += "<table>\n";
            for (std::size_t r = 0; r < b.rows.size(); ++r) {
                s += "<tr>";
                for (const auto& c : b.rows[r])
                    s += (r ? "<td>" : "<th>") + xmlEscape(c) + (r ? "</td>" : "</th>");
                s += "</tr>\n";
            }
            s += "</table>\n";
        }
    }
    return s + "</body>\n</html>\n";
}

std::string num(double v) {
    char b[32];
    std::snprintf(b, sizeof b, "%g", v);
    return b;
}

const std::map<std::string, std::string>& meanings() {
    static const std::map<std::string, std::string> m = {
        {"area_id", "the area's id in the plan (A1, A2, ...)"},
        {"name", "the area's name"},
        {"status", "proposed, approved, done, or excluded (a zone kept clear)"},
        {"week_start", "the Monday its street week starts (empty: not scheduled)"},
        {"lead_agency", "the agency leading the week"},
        {"partners", "the other agencies taking part"},
        {"notes", "the plan's notes"},
        {"locked", "1: kept as drawn when areas are suggested"},
        {"shape_kind", "drawn, circle or rectangle"},
        {"radius_m", "a circle's radius, metres"},
        {"area_km2", "area, km2"},
        {"incidents", "incidents in the period and layers"},
        {"share_pct", "percent of the study area's incidents"},
        {"pai", "Predictive Accuracy Index: share of incidents / share of the study area"},
        {"prev_incidents", "incidents in the previous period of the same length"},
        {"change", "incidents - prev_incidents"},
        {"residents", "residents, estimated by area from the ward populations"},
        {"wards", "the wards it overlaps"},
        {"top_streets", "the streets (police.uk 'On or near') with the most incidents"},
        {"suppressed", "1 when a value of this row is withheld (disclosure control)"},
        {"suppressed_fields", "the withheld fields, ';'-separated"},
        {"rank", "rank (1 = most incidents)"},
        {"peak_density", "the highest density inside (incidents per km2)"},
        {"gi_bin", "Gi* class: 3/2/1 hot spot at 99/95/90% confidence, 0 not significant, "
                   "-1/-2/-3 cold spot"},
        {"confidence", "the Gi* class in words"},
        {"cells", "grid cells in the class"},
        {"ward_code", "ONS ward code"},
        {"ward_name", "ward name"},
        {"population", "residents (census)"},
        {"rate_per_1000", "incidents per 1,000 residents"},
        {"change_pct", "change as a percent of prev_incidents"},
        {"last_year_incidents", "incidents in the same months a year earlier"},
        {"last_year_change", "incidents - last_year_incidents"},
        {"month", "the month (police.uk publishes months, not dates)"},
        {"crime_type", "the crime type (police.uk's, or the source's own category)"},
        {"location", "police.uk's published location ('On or near ...'); blank for rows of "
                     "sources that are not public (an address is personal data)"},
        {"source", "the source the row came from (as the load report names it)"},
        {"placed", "how the point was placed: published location (police.uk), protected "
                   "(moved at least the masking distance) or exact location"},
        {"centroid_easting", "the polygon's centroid, easting (EPSG:27700)"},
        {"centroid_northing", "the polygon's centroid, northing (EPSG:27700)"},
        {"easting", "easting (EPSG:27700)"},
        {"northing", "northing (EPSG:27700)"},
    };
    return m;
}

void fieldTables(Doc& d, const PackReadmeInput& in) {
    const PackContent& c = *in.content;
    d.heading("Layers and fields");
    for (std::size_t i = 0; i < c.layers.size(); ++i) {
        const auto& l = c.layers[i];
        d.para(l.name + ": " + l.title + " (" + std::to_string(c.summaries[i].features) +
               " features)");
        std::map<std::string, std::string> short_name;
        if (in.written)
            for (const auto& [layer, renamed] : in.written->renamed)
                if (layer == l.name)
                    for (const auto& [a, b] : renamed)
                        short_name[a] = b;
        std::vector<std::vector<std::string>> rows;
        const bool shp = in.format == io::PackFormat::Shapefile;
        rows.push_back(shp ? std::vector<std::string>{"field", "shapefile name", "meaning"}
                           : std::vector<std::string>{"field", "meaning"});
        for (const auto& f : l.fields) {
            std::string meaning = "?";
            if (auto it = meanings().find(f.name); it != meanings().end())
                meaning = it->second;
            for (std::size_t k = 0; k < c.layer_keys.size(); ++k)
                if (f.name == c.layer_keys[k])
                    meaning = "incidents in the layer " + c.layer_names[k];
            const std::string sn = short_name.count(f.name) ? short_name[f.name] : f.name;
            rows.push_back(shp ? std::vector<std::string>{f.name, sn, meaning}
                               : std::vector<std::string>{f.name, meaning});
        }
        d.table(std::move(rows));
    }
}

void disclosure(Doc& d, const PackReadmeInput& in) {
    const PackContent& c = *in.content;
    d.heading("Disclosure control");
    if (in.suppress <= 1) {
        d.para("None: suppression was turned off (--suppress " + std::to_string(in.suppress) +
               "). Counts of any size are shown, including counts of 1 to 4; do not pass this "
               "pack on beyond the agencies that may see them.");
    } else {
        const std::string n = std::to_string(in.suppress), lo = std::to_string(in.suppress - 1);
        d.para("Counts from 1 to " + lo + " are withheld in every table: such a value is empty " +
               "(null) with suppressed = 1 and its field named in suppressed_fields, and written " +
               "as \"<" + n + "\" in CSV and XLSX, where a value withheld with it (below) is " +
               "written \"[c]\". Zero stays zero. Where a withheld count could " +
               "be recovered by subtraction (from the incidents and per-layer columns, from " +
               "incidents, previous and change, or from the wards' column totals, which are " +
               "public), the smallest further count of that row or column is withheld too " +
               "(secondary suppression), and the result is checked so that no withheld count " +
               "is determined exactly by the published ones. Rates, shares, PAI, ranks and " +
               "percentage changes computed from a withheld count are withheld with it.");
        std::vector<std::vector<std::string>> rows = {
            {"layer", "rows", "withheld: small counts", "complements", "derived values"}};
        for (const auto& s : c.summaries)
            rows.push_back(
                {s.name, std::to_string(s.features), std::to_string(s.disclosure.primary),
                 std::to_string(s.disclosure.secondary), std::to_string(s.disclosure.derived)});
        d.table(std::move(rows));
        std::string totals;
        for (const auto& s : c.summaries)
            if (s.disclosure.total_withheld)
                totals += (totals.empty() ? "" : ", ") + s.name;
        if (!totals.empty())
            d.para("Warning: in " + totals +
                   ", a column total a reader may know (police.uk "
                   "publishes the district's totals of its own data; the board report prints "
                   "them) was needed as a complement and cannot be withheld, so a reader who "
                   "knows it may work out the counts withheld with it. Pass the table on only "
                   "to agencies that may see small counts, or widen the period.");
        d.para("Not checked: differences between overlapping target areas, and between "
               "different layers of the pack (a hotspot and the ward it lies in).");
    }
    // Which rows are police.uk's (published, already anonymised) and which are not.
    std::string hidden;
    if (in.incident_sources)
        for (const auto& s : *in.incident_sources)
            if (!s.is_public)
                hidden += (hidden.empty() ? "" : ", ") + s.name;
    const bool exact = in.sources && in.sources->exact_locations;
    if (!hidden.empty() && exact)
        d.para("WARNING: exact locations. Rows of " + hidden +
               " (not public data) are at the places they happened: the pack was made with "
               "--exact-locations, for a data-sharing agreement that allows them. Every layer "
               "made from them (points, density, hotspots, the map) shows where they happened: "
               "pass it only to those the agreement names.");
    else if (!hidden.empty())
        d.para("Protected locations: rows of " + hidden + " (not public data) were " +
               (in.masking.empty() ? std::string("moved to anonymous points") : in.masking) +
               ", by a move drawn from a secret key (rows at one place move together), before "
               "anything was made from them; their wards are from where they happened. Every "
               "layer here (points, density, hotspots, the map) was made from the moved "
               "places; no layer shows where one of those rows happened closer than that. "
               "Where fewer than " +
               std::to_string(in.mask_min_rows) +
               " of them reach a density cell, the cell (and any hotspot outline drawn from it) "
               "shows the public rows only.");
    const std::string where = hidden.empty() ? "police.uk's published (already anonymised) location"
                              : exact        ? "the location as given (police.uk rows: police.uk's "
                                               "published, anonymised location)"
                                      : "police.uk's published (anonymised) location for police.uk "
                                        "rows, the protected location for the others";
    if (in.include_points)
        d.para("Incident points are included, on request: month, crime type and " + where +
               "; no Crime ID or other incident-level attribute.");
    else
        d.para("No incident points and no incident-level attributes are included.");
    d.para("The density surface (density.tif) is a smoothed surface (incidents per km2), not "
           "counts.");
}

void parameters(Doc& d, const PackReadmeInput& in) {
    const PackContent& c = *in.content;
    d.heading("How the layers were made");
    std::string layers;
    for (std::size_t k = 0; k < c.layer_names.size(); ++k)
        layers += (k ? "; " : "") + c.layer_names[k] + " (" + c.layer_keys[k] + ")";
    d.table({{"setting", "value"},
             {"period", formatSpan(c.period)},
             {"layers", layers.empty() ? "every incident" : layers},
             {"study area", num(std::round(c.study_area_km2 * 100) / 100) + " km2, " +
                                std::to_string(c.study_incidents) + " incidents"},
             {"hotspots: kernel", kernelName(c.kde.kde.kernel)},
             {"hotspots: radius",
              num(c.kde.kde.radius_m) + " m" +
                  (c.kde.radius_note.empty() ? "" : " (" + c.kde.radius_note + ")")},
             {"hotspots: cell size", num(c.kde.kde.cell_size_m) + " m"},
             {"hotspots: threshold",
              c.threshold.describe() + " (density " + num(c.threshold_value) + ")"},
             {"Gi*: cell size", num(c.gi.gi.cell_size_m) + " m"},
             {"Gi*: distance", num(c.gi.gi.distance_m) + " m"},
             {"Gi*: false discovery rate correction", c.gi.gi.fdr ? "yes" : "no"}});
    if (!c.layer_rules.empty()) {
        std::vector<std::vector<std::string>> rules = {{"layer field", "rule"}};
        for (std::size_t k = 0; k < c.layer_rules.size() && k < c.layer_keys.size(); ++k)
            rules.push_back({c.layer_keys[k], c.layer_rules[k]});
        d.table(std::move(rules));
    }
    if (in.plan) {
        std::vector<std::vector<std::string>> rows = {{"suggestion setting", "value"}};
        for (const auto& [k, v] : in.plan->settings)
            if (k.rfind("suggest_", 0) == 0)
                rows.push_back({k.substr(8), v});
        if (rows.size() > 1)
            d.table(std::move(rows));
    }
}

void sources(Doc& d, const PackReadmeInput& in) {
    d.heading("Data sources and licences");
    std::vector<std::vector<std::string>> rows = {{"data", "file"}};
    if (in.sources)
        for (const auto& [role, name] : sourceNames(*in.sources))
            rows.push_back({role, name});
    d.table(std::move(rows));
    d.para(packAttribution(in.synthetic, std::atoi(in.made_on.substr(0, 4).c_str()),
                           in.sources && in.incident_sources
                               ? partnerDataCredit(*in.incident_sources, *in.sources)
                               : std::string()));
}

} // namespace

std::string packAttribution(bool synthetic, int year, const std::string& partners) {
    std::string s;
    if (synthetic)
        s += "SYNTHETIC SAMPLE DATA, NOT REAL CRIME DATA. ";
    s += "Crime and anti-social behaviour data: police.uk, licensed under the Open Government "
         "Licence v3.0 (contains public sector information licensed under the Open Government "
         "Licence v3.0). Ward boundaries and population: Office for National Statistics, "
         "licensed under the Open Government Licence v3.0; contains OS data © Crown copyright "
         "and database right " +
         std::to_string(year > 0 ? year : 2026) + ".";
    if (!partners.empty())
        s += " " + partners;
    return s;
}

PackReadme packReadme(const PackReadmeInput& in) {
    Doc d;
    d.para("A partner pack from streetweek, made " + in.made_on +
           (in.plan_path.empty()
                ? ""
                : " from the plan " + std::filesystem::path(in.plan_path).filename().string()) +
           ", in " + io::packFormatTitle(in.format) + ". Coordinates are British National Grid " +
           "(EPSG:27700)" +
           (in.format == io::PackFormat::GeoJson || in.format == io::PackFormat::Kml
                ? ", except in GeoJSON and KML, which are WGS84 longitude/latitude"
                : "") +
           ". Styles for QGIS are in " +
           (in.format == io::PackFormat::GeoPackage
                ? std::string("the GeoPackage's layer_styles table")
                : std::string("the .qml file beside each layer")) +
           ".");
    if (in.synthetic)
        d.para("THIS PACK IS MADE FROM SYNTHETIC SAMPLE DATA, NOT REAL CRIME DATA.");
    d.heading("Files");
    std::vector<std::vector<std::string>> files = {{"file"}};
    for (const auto& f : in.files)
        files.push_back({f});
    d.table(std::move(files));
    parameters(d, in);
    fieldTables(d, in);
    disclosure(d, in);
    sources(d, in);
    return {in.title + "\n" + std::string(utf8Width(in.title), '=') + "\n\n" + asText(d),
            asHtml(d, in.title)};
}

} // namespace sw
