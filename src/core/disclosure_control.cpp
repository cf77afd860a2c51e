// Primary and secondary suppression with an exact-recovery audit.
#include "core/disclosure_control.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <unordered_map>

namespace sw {
namespace {

constexpr double kEps = 1e-9;

// Reduced row echelon form in place; returns the pivot column of each non-zero row (the rows
// after them are zero).
std::vector<std::size_t> reduceRows(std::vector<std::vector<double>>& m, std::size_t cols) {
    std::vector<std::size_t> pivots;
    std::size_t row = 0;
    for (std::size_t col = 0; col < cols && row < m.size(); ++col) {
        std::size_t best = row;
        for (std::size_t r = row + 1; r < m.size(); ++r)
            if (std::abs(m[r][col]) > std::abs(m[best][col]))
                best = r;
        if (std::abs(m[best][col]) < kEps)
            continue;
        std::swap(m[row], m[best]);
        const double p = m[row][col];
        for (double& v : m[row])
            v /= p;
        for (std::size_t r = 0; r < m.size(); ++r) {
            if (r == row || std::abs(m[r][col]) < kEps)
                continue;
            const double f = m[r][col];
            for (std::size_t c = col; c < cols; ++c)
                m[r][c] -= f * m[row][c];
        }
        pivots.push_back(col);
        ++row;
    }
    return pivots;
}

struct UnionFind {
    std::vector<std::size_t> parent;
    explicit UnionFind(std::size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
    std::size_t find(std::size_t x) {
        while (parent[x] != x)
            x = parent[x] = parent[parent[x]];
        return x;
    }
    void join(std::size_t a, std::size_t b) { parent[find(a)] = find(b); }
};

double complementCost(const DisclosureTable& t, std::size_t cell) {
    const double v = std::abs(static_cast<double>(t.values[cell]));
    return v + (cell < t.penalty.size() ? t.penalty[cell] : 0) + (v == 0 ? 1e6 : 0);
}

// The cheapest published cell of the lines, or npos.
std::size_t cheapestPublished(const DisclosureTable& t, const std::vector<std::uint8_t>& sup,
                              const std::vector<std::size_t>& line_ids) {
    std::size_t best = static_cast<std::size_t>(-1);
    double best_cost = std::numeric_limits<double>::infinity();
    for (std::size_t li : line_ids)
        for (const auto& term : t.lines[li]) {
            if (sup[term.cell] || std::abs(term.coeff) < kEps)
                continue;
            const double c = complementCost(t, term.cell);
            if (c < best_cost || (c == best_cost && term.cell < best)) {
                best_cost = c;
                best = term.cell;
            }
        }
    return best;
}

// Rule 2: a line with exactly one suppressed cell gets a complement; returns how many.
std::size_t protectSingleLines(const DisclosureTable& t, std::vector<std::uint8_t>& sup) {
    std::size_t added = 0;
    for (bool changed = true; changed;) {
        changed = false;
        for (std::size_t li = 0; li < t.lines.size(); ++li) {
            std::size_t n = 0;
            for (const auto& term : t.lines[li])
                n += sup[term.cell] && std::abs(term.coeff) >= kEps;
            if (n != 1)
                continue;
            const std::size_t c = cheapestPublished(t, sup, {li});
            if (c == static_cast<std::size_t>(-1))
                continue; // every other cell of the line is a zero-coefficient or suppressed
            sup[c] = 1;
            ++added;
            changed = true;
        }
    }
    return added;
}

} // namespace

std::size_t DisclosureTable::add(std::int64_t value, bool count, double extra_cost) {
    values.push_back(value);
    primary.push_back(count ? 1 : 0);
    penalty.push_back(extra_cost);
    return values.size() - 1;
}

void DisclosureTable::addLine(std::vector<Term> terms) {
    lines.push_back(std::move(terms));
}

std::vector<std::size_t> recoverableCells(const DisclosureTable& t,
                                          const std::vector<std::uint8_t>& sup) {
    // Suppressed cells, joined when a line holds both.
    UnionFind groups(t.values.size());
    for (const auto& line : t.lines) {
        std::size_t first = static_cast<std::size_t>(-1);
        for (const auto& term : line)
            if (sup[term.cell] && std::abs(term.coeff) >= kEps) {
                if (first == static_cast<std::size_t>(-1))
                    first = term.cell;
                else
                    groups.join(first, term.cell);
            }
    }
    std::unordered_map<std::size_t, std::vector<std::size_t>> lines_of_group;
    for (std::size_t li = 0; li < t.lines.size(); ++li)
        for (const auto& term : t.lines[li])
            if (sup[term.cell] && std::abs(term.coeff) >= kEps) {
                lines_of_group[groups.find(term.cell)].push_back(li);
                break;
            }
    std::vector<std::size_t> out;
    for (const auto& [root, line_ids] : lines_of_group) {
        std::vector<std::size_t> cells; // the group's suppressed cells, as columns
        std::unordered_map<std::size_t, std::size_t> column;
        for (std::size_t li : line_ids)
            for (const auto& term : t.lines[li])
                if (sup[term.cell] && !column.count(term.cell)) {
                    column[term.cell] = cells.size();
                    cells.push_back(term.cell);
                }
        std::vector<std::vector<double>> m(line_ids.size(), std::vector<double>(cells.size(), 0));
        for (std::size_t r = 0; r < line_ids.size(); ++r)
            for (const auto& term : t.lines[line_ids[r]])
                if (sup[term.cell])
                    m[r][column[term.cell]] += term.coeff;
        const auto pivots = reduceRows(m, cells.size());
        for (std::size_t r = 0; r < pivots.size(); ++r) {
            bool alone = true;
            for (std::size_t c = 0; c < cells.size() && alone; ++c)
                alone = c == pivots[r] || std::abs(m[r][c]) < kEps;
            if (alone)
                out.push_back(cells[pivots[r]]);
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

SuppressionResult suppressSmallCounts(const DisclosureTable& t, std::int64_t threshold) {
    SuppressionResult res;
    res.suppressed.assign(t.values.size(), 0);
    if (threshold <= 1)
        return res;
    for (std::size_t i = 0; i < t.values.size(); ++i)
        if (t.primary[i] && t.values[i] >= 1 && t.values[i] < threshold) {
            res.suppressed[i] = 1;
            ++res.primary;
        }
    std::vector<std::vector<std::size_t>> lines_of_cell(t.values.size());
    for (std::size_t li = 0; li < t.lines.size(); ++li)
        for (const auto& term : t.lines[li])
            lines_of_cell[term.cell].push_back(li);
    for (;;) {
        res.secondary += protectSingleLines(t, res.suppressed);
        const auto open = recoverableCells(t, res.suppressed);
        bool added = false;
        for (std::size_t cell : open) {
            const std::size_t c = cheapestPublished(t, res.suppressed, lines_of_cell[cell]);
            if (c == static_cast<std::size_t>(-1))
                continue; // every cell it shares a line with is suppressed already
            res.suppressed[c] = 1;
            ++res.secondary;
            added = true;
            break; // one at a time: one complement often protects several cells
        }
        if (!added)
            return res;
    }
}

std::vector<std::vector<double>> layerRelations(const std::vector<std::uint32_t>& masks,
                                                std::size_t layers) {
    std::vector<std::uint32_t> atoms(masks);
    std::sort(atoms.begin(), atoms.end());
    atoms.erase(std::unique(atoms.begin(), atoms.end()), atoms.end());
    const std::size_t cols = layers + 1;
    // Rows: atoms; columns: [total, layers]; a relation r has (atom row) . r = 0 for every atom.
    std::vector<std::vector<double>> m;
    for (std::uint32_t a : atoms) {
        std::vector<double> row(cols, 0);
        row[0] = 1;
        for (std::size_t l = 0; l < layers; ++l)
            row[l + 1] = (a >> l) & 1u ? 1 : 0;
        m.push_back(std::move(row));
    }
    const auto pivots = reduceRows(m, cols);
    std::vector<std::vector<double>> relations;
    for (std::size_t free = 0; free < cols; ++free) {
        if (std::find(pivots.begin(), pivots.end(), free) != pivots.end())
            continue;
        std::vector<double> r(cols, 0);
        r[free] = 1;
        for (std::size_t i = 0; i < pivots.size(); ++i)
            r[pivots[i]] = -m[i][free];
        // Scaled so that its first non-zero coefficient is 1 (total - a - b, not -total + a + b).
        const auto first =
            std::find_if(r.begin(), r.end(), [](double v) { return std::abs(v) > kEps; });
        const double scale = *first;
        for (double& v : r)
            v = std::abs(v) > kEps ? v / scale : 0.0;
        relations.push_back(std::move(r));
    }
    return relations;
}

} // namespace sw
