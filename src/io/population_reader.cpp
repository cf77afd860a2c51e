// Ward population table reading and matching.
#include "io/population_reader.hpp"

#include "core/csv_records.hpp"
#include "core/incident_rows.hpp"
#include "core/incident_table.hpp"
#include "core/text.hpp"
#include "io/text_file.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <unordered_map>

namespace sw::io {

namespace {

// Ward index for a key cell: through the lookup (an area code to a ward code) or directly.
int wardFor(std::string_view key, const WardSet& wards, const AreaLookup* lookup,
            bool* known_area) {
    if (!lookup)
        return wards.find(key);
    const auto it = lookup->ward_of.find(std::string(key));
    if (known_area)
        *known_area = it != lookup->ward_of.end();
    return it == lookup->ward_of.end() ? -1 : wards.find(it->second);
}

// A ward whose population sums only some of the lookup's areas in it would get too few
// residents and too high a rate: its population is left blank, with a warning naming it.
void blankPartialWards(const AreaLookup& lookup, const WardSet& wards,
                       const std::vector<std::size_t>& found, const std::string& path,
                       PopulationTable& out) {
    std::vector<std::size_t> expected(wards.size(), 0);
    for (const auto& [area, ward] : lookup.ward_of)
        if (const int w = wards.find(ward); w >= 0)
            ++expected[static_cast<std::size_t>(w)];
    std::string named;
    std::size_t partial = 0;
    for (std::size_t w = 0; w < wards.size(); ++w) {
        if (found[w] == 0 || found[w] >= expected[w])
            continue;
        out.by_ward[w].reset();
        if (partial++ < 5)
            named += (named.empty() ? "" : ", ") + wards.wards[w].name + " (" +
                     std::to_string(found[w]) + " of " + std::to_string(expected[w]) + ")";
    }
    if (partial)
        out.report.warnings.push_back(
            path + ": " + std::to_string(partial) + " ward(s) lack rows for some of their " +
            lookup.area_column + " areas in " + lookup.report.path + ": " + named +
            (partial > 5 ? ", ..." : "") + "; their population is left blank, not undercounted");
}

} // namespace

PopulationTable readPopulation(const std::string& path, const WardSet& wards,
                               const AreaLookup* lookup) {
    PopulationTable out;
    out.report.path = path;
    out.report.format = lookup ? "CSV, summed to wards through " + lookup->report.path : "CSV";
    out.by_ward.assign(wards.size(), std::nullopt);
    auto text = readTextFile(path);
    if (!text) {
        out.report.error = text.error();
        return out;
    }
    const std::string& data = text.value();
    if (data.empty()) {
        out.report.error = path + ": the file is empty";
        return out;
    }
    const auto first_nl = data.find('\n');
    CsvRecordReader reader(data, guessDelimiter(std::string_view(data).substr(0, first_nl)));
    std::vector<std::string_view> header_views;
    reader.next(header_views);
    const std::vector<std::string> header(header_views.begin(), header_views.end());
    std::vector<std::vector<std::string>> rows;
    std::vector<std::uint64_t> lines;
    std::vector<std::string_view> f;
    while (reader.next(f)) {
        rows.emplace_back(f.begin(), f.end());
        lines.push_back(reader.recordLine());
    }
    // The key column: the one whose values match the most ward codes or names, or, with a
    // lookup, its area codes. A ward-level table given with a lookup (which --assign-by lsoa
    // needs) is read as a ward-level table.
    const auto bestKey = [&](const AreaLookup* through) {
        std::pair<int, std::size_t> best{-1, 0};
        for (std::size_t c = 0; c < header.size(); ++c) {
            std::size_t hits = 0;
            for (const auto& r : rows) {
                if (c >= r.size() || trim(r[c]).empty())
                    continue;
                bool known = false;
                const int w = wardFor(trim(r[c]), wards, through, &known);
                if (through)
                    hits += known ? 2 : 0;
                else if (w >= 0)
                    hits += wards.wards[static_cast<std::size_t>(w)].code == trim(r[c]) ? 2 : 1;
            }
            if (hits > best.second)
                best = {static_cast<int>(c), hits};
        }
        return best;
    };
    auto [key, key_hits] = bestKey(lookup);
    if (lookup) {
        if (const auto direct = bestKey(nullptr); direct.second > key_hits) {
            key = direct.first;
            lookup = nullptr; // ward codes or names: no summing
            out.report.format = "CSV";
        }
    }
    // The value column: named like a population, else the last numeric column.
    int value = -1;
    for (std::size_t c = 0; c < header.size(); ++c) {
        const std::string h = lower(header[c]);
        if (static_cast<int>(c) != key && (h.find("population") != std::string::npos ||
                                           h.find("residents") != std::string::npos || h == "pop"))
            value = static_cast<int>(c);
    }
    if (value < 0)
        for (std::size_t c = header.size(); c-- > 0;)
            if (static_cast<int>(c) != key && !rows.empty() && c < rows[0].size() &&
                parseNumber(rows[0][c])) {
                value = static_cast<int>(c);
                break;
            }
    if (key < 0) {
        out.report.error =
            lookup ? path + ": no column matches the area codes of " + lookup->report.path + " (" +
                         lookup->area_column + ")"
                   : path + ": no column matches the ward codes or names of " + wards.source_path +
                         " (a ward-level table is needed: one row per ward code or name; for an "
                         "LSOA table give --lookup LSOA_TO_WARD.csv)";
        return out;
    }
    if (value < 0) {
        out.report.error = path + ": no population column (looked for 'population', 'residents' "
                                  "or a numeric column)";
        return out;
    }
    out.key_column = header[static_cast<std::size_t>(key)];
    out.value_column = header[static_cast<std::size_t>(value)];
    std::unordered_map<std::string, std::uint64_t> seen;   // key -> line first given
    std::size_t elsewhere = 0;                             // areas in wards not loaded
    std::vector<std::size_t> found_areas(wards.size(), 0); // areas summed into each ward
    const auto k = static_cast<std::size_t>(key), v = static_cast<std::size_t>(value);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto& r = rows[i];
        ++out.report.rows_read;
        if (k >= r.size() || trim(r[k]).empty()) {
            out.report.rejected.add("no area code or name (a note or footer row)", lines[i]);
            continue;
        }
        const std::string code(trim(r[k]));
        bool known = false;
        const int w = wardFor(code, wards, lookup, &known);
        if (w < 0 && code.find(' ') != std::string::npos) {
            out.report.rejected.add("no area code or name (a note or footer row)", lines[i]);
            continue;
        }
        if (w < 0) {
            if (lookup && known)
                ++elsewhere; // a real area of another district: not an error
            else
                out.report.rejected.add(lookup ? "area code not in the lookup"
                                               : "area not among the loaded wards",
                                        lines[i]);
            continue;
        }
        std::string num(v < r.size() ? trim(r[v]) : "");
        num.erase(std::remove(num.begin(), num.end(), ','), num.end());
        const auto pop = parseNumber(num);
        if (!pop || !std::isfinite(*pop)) {
            out.report.rejected.add("population is not a number", lines[i]);
            continue;
        }
        if (*pop < 0) {
            out.report.rejected.add("population is negative", lines[i]);
            continue;
        }
        if (*pop == 0) {
            out.report.rejected.add("population is zero (no rate can be computed from it)",
                                    lines[i]);
            continue;
        }
        if (const auto [it, fresh] = seen.emplace(code, lines[i]); !fresh) {
            out.report.rejected.add("code given before, on line " + std::to_string(it->second) +
                                        " (the first is kept)",
                                    lines[i]);
            continue;
        }
        out.by_ward[static_cast<std::size_t>(w)] =
            out.by_ward[static_cast<std::size_t>(w)].value_or(0) + *pop;
        ++found_areas[static_cast<std::size_t>(w)];
        ++out.report.rows_kept;
    }
    if (lookup)
        blankPartialWards(*lookup, wards, found_areas, path, out);
    if (elsewhere)
        out.report.warnings.push_back(path + ": " + std::to_string(elsewhere) +
                                      " areas lie in wards that are not loaded (left out)");
    std::string missing;
    std::size_t n_missing = 0;
    for (std::size_t w = 0; w < wards.size(); ++w)
        if (!out.by_ward[w]) {
            if (n_missing++ < 5)
                missing += (missing.empty() ? "" : ", ") + wards.wards[w].name;
        }
    if (n_missing)
        out.report.warnings.push_back(path + ": no population for " + std::to_string(n_missing) +
                                      " ward(s) (" + missing + (n_missing > 5 ? ", ..." : "") +
                                      "): their rate is left blank");
    return out;
}

} // namespace sw::io
