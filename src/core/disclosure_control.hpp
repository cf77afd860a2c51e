// Disclosure control for the tables streetweek hands to partners: primary suppression of small
// counts and secondary (complementary) suppression of the cells that would let a reader recover
// a suppressed count by adding or subtracting published ones.
//
// A table is a list of cells and of linear relations between them that a reader knows ("the
// layer columns add up to the total", "change = count - previous count", "the wards add up to
// the district's total"). Each relation is a line: sum(coeff * value) = 0.
//   1. Primary: every cell subject to the rule (a count) with 1 <= value < threshold is
//      suppressed; zero stays zero.
//   2. Secondary: while a line holds exactly one suppressed cell, the cheapest published cell of
//      that line is suppressed with it (its value, plus its penalty: totals are costly, zeros
//      are taken last).
//   3. Audit: a suppressed cell is recoverable when the lines, with the published cells moved to
//      their right-hand side, determine it exactly (its unit vector lies in the row space of the
//      lines restricted to the suppressed cells, by Gaussian elimination per connected group of
//      lines). Each recoverable cell gets one more complement, until none is left.
// Non-negativity can still bound a suppressed cell to an interval; that is what "<5" says
// anyway. Relations the table does not state (between overlapping areas, say) are not seen.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace sw {

struct DisclosureTable {
    struct Term {
        std::size_t cell = 0;
        double coeff = 1;
    };
    std::vector<std::int64_t> values;
    std::vector<std::uint8_t> primary; // 1: the small-count rule applies (a count)
    std::vector<double> penalty;       // added to a cell's cost as a complement
    std::vector<std::vector<Term>> lines;

    // Adds a cell and returns its index.
    std::size_t add(std::int64_t value, bool count, double extra_cost = 0);
    void addLine(std::vector<Term> terms);
};

struct SuppressionResult {
    std::vector<std::uint8_t> suppressed; // per cell
    std::size_t primary = 0, secondary = 0;
};

// threshold <= 1: nothing is suppressed.
SuppressionResult suppressSmallCounts(const DisclosureTable& table, std::int64_t threshold);

// The suppressed cells the published ones determine exactly through the table's lines.
std::vector<std::size_t> recoverableCells(const DisclosureTable& table,
                                          const std::vector<std::uint8_t>& suppressed);

// The linear relations among the columns [total, layer 0, ..., layer L-1] of a count table whose
// rows count incidents in any of L layers (an incident may be in several), given the layer
// masks (bit l: in layer l) the incidents have. Each relation holds in every row: e.g. with
// disjoint layers, total - layer0 - ... - layerL-1 = 0; with a layer holding every incident,
// total - that layer = 0. Coefficients are indexed as the columns.
std::vector<std::vector<double>> layerRelations(const std::vector<std::uint32_t>& masks,
                                                std::size_t layers);

} // namespace sw
