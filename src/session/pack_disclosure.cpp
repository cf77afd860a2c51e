// A table's cells and relations handed to the suppression, and the result written back.
#include "session/pack_disclosure.hpp"

#include "core/disclosure_control.hpp"

#include <cmath>
#include <map>

namespace sw {
namespace {

constexpr double kTotalPenalty = 1e7; // a known total is the last cell to be withheld

const std::int64_t* countOf(const io::FieldValue& v) {
    return std::get_if<std::int64_t>(&v);
}

} // namespace

std::vector<std::vector<std::pair<std::size_t, double>>>
layerFieldRelations(const std::vector<std::uint32_t>& masks, std::size_t total_field,
                    const std::vector<std::size_t>& layer_fields) {
    std::vector<std::vector<std::pair<std::size_t, double>>> out;
    if (layer_fields.empty())
        return out;
    for (const auto& rel : layerRelations(masks, layer_fields.size())) {
        std::vector<std::pair<std::size_t, double>> line;
        for (std::size_t c = 0; c < rel.size(); ++c)
            if (std::abs(rel[c]) > 1e-9)
                line.emplace_back(c == 0 ? total_field : layer_fields[c - 1], rel[c]);
        out.push_back(std::move(line));
    }
    return out;
}

DisclosureOutcome applyDisclosure(io::OutLayer& layer, const DisclosureSpec& spec,
                                  std::int64_t threshold) {
    DisclosureOutcome out;
    DisclosureTable table;
    std::map<std::pair<std::size_t, std::size_t>, std::size_t> cell; // (row, field) -> cell
    std::vector<std::pair<std::size_t, std::size_t>> where;
    std::vector<std::uint8_t> is_count(layer.fields.size(), 0);
    for (std::size_t f : spec.counts)
        is_count[f] = 1;
    const auto cellOf = [&](std::size_t row, std::size_t field) -> std::ptrdiff_t {
        const auto key = std::make_pair(row, field);
        if (auto it = cell.find(key); it != cell.end())
            return static_cast<std::ptrdiff_t>(it->second);
        const std::int64_t* v = countOf(layer.rows[row][field]);
        if (!v)
            return -1;
        const std::size_t c = table.add(*v, is_count[field] != 0);
        cell[key] = c;
        where.push_back(key);
        return static_cast<std::ptrdiff_t>(c);
    };
    for (std::size_t r = 0; r < layer.rows.size(); ++r)
        for (std::size_t f : spec.counts)
            cellOf(r, f);
    for (std::size_t r = 0; r < layer.rows.size(); ++r)
        for (const auto& rel : spec.row_relations) {
            std::vector<DisclosureTable::Term> terms;
            bool complete = true;
            for (const auto& [f, coeff] : rel) {
                const auto c = cellOf(r, f);
                complete = complete && c >= 0;
                if (c >= 0)
                    terms.push_back({static_cast<std::size_t>(c), coeff});
            }
            if (complete) // a relation with a missing value tells the reader nothing
                table.addLine(std::move(terms));
        }
    std::vector<std::size_t> totals;
    for (std::size_t f : spec.column_totals) {
        std::vector<DisclosureTable::Term> terms;
        std::int64_t sum = 0;
        for (std::size_t r = 0; r < layer.rows.size(); ++r)
            if (const auto c = cellOf(r, f); c >= 0) {
                terms.push_back({static_cast<std::size_t>(c), 1});
                sum += table.values[static_cast<std::size_t>(c)];
            }
        const std::size_t t = table.add(sum, false, kTotalPenalty);
        totals.push_back(t);
        terms.push_back({t, -1});
        table.addLine(std::move(terms));
    }
    const SuppressionResult res = suppressSmallCounts(table, threshold);
    out.primary = res.primary;
    out.secondary = res.secondary;
    for (std::size_t t : totals)
        if (res.suppressed[t]) {
            out.total_withheld = true;
            --out.secondary;
        }
    // 1: withheld with a small count; 2: a small count itself.
    std::vector<std::vector<std::uint8_t>> withheld(
        layer.rows.size(), std::vector<std::uint8_t>(layer.fields.size(), 0));
    for (std::size_t c = 0; c < where.size(); ++c)
        if (res.suppressed[c]) {
            const bool small =
                table.primary[c] && table.values[c] >= 1 && table.values[c] < threshold;
            withheld[where[c].first][where[c].second] = small ? 2 : 1;
        }
    const std::size_t flag = layer.fields.size() - 2, names = layer.fields.size() - 1;
    for (std::size_t r = 0; r < layer.rows.size(); ++r) {
        auto& row = layer.rows[r];
        for (const auto& [f, sources] : spec.derived)
            for (std::size_t s : sources)
                if (withheld[r][s] && !withheld[r][f]) {
                    withheld[r][f] = 1;
                    ++out.derived;
                }
        std::string list;
        for (std::size_t f = 0; f < flag; ++f)
            if (withheld[r][f]) {
                row[f] = io::Suppressed{withheld[r][f] == 2};
                list += (list.empty() ? "" : ";") + layer.fields[f].name;
            }
        row[flag] = std::int64_t(list.empty() ? 0 : 1);
        row[names] = list;
        out.rows += list.empty() ? 0 : 1;
    }
    return out;
}

} // namespace sw
