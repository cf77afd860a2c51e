// Disclosure control applied to an exported table (core/disclosure_control.hpp does the
// arithmetic): which fields are counts, which relations a reader knows between them in every
// row and over all rows, and which fields are computed from counts (rates, shares, PAI, ranks,
// percentage changes), withheld with their counts. The table's last two fields must be
// `suppressed` (Integer: 1 when any field of the row is withheld) and `suppressed_fields`
// (the withheld fields' names); they are filled here.
#pragma once

#include "io/pack_layer_writer.hpp"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace sw {

struct DisclosureSpec {
    std::vector<std::size_t> counts; // fields subject to the small-count rule
    // Relations in every row: sum(coeff * field) = 0 (e.g. incidents - prev - change).
    std::vector<std::vector<std::pair<std::size_t, double>>> row_relations;
    // Fields whose sum over every row a reader knows (a district's total from police.uk).
    std::vector<std::size_t> column_totals;
    // Fields computed from counts: withheld when any of their sources is.
    std::vector<std::pair<std::size_t, std::vector<std::size_t>>> derived;
};

struct DisclosureOutcome {
    std::size_t primary = 0, secondary = 0, derived = 0; // cells withheld, by reason
    std::size_t rows = 0;                                // rows with a withheld cell
    bool total_withheld = false; // a known column total had to be treated as withheld
};

// threshold N: counts 1..N-1 are withheld (N <= 1: nothing is, but the flags are still set).
DisclosureOutcome applyDisclosure(io::OutLayer& layer, const DisclosureSpec& spec,
                                  std::int64_t threshold);

// The relations among [total field, layer fields...] from the incidents' layer masks, as
// row relations on those field indices.
std::vector<std::vector<std::pair<std::size_t, double>>>
layerFieldRelations(const std::vector<std::uint32_t>& masks, std::size_t total_field,
                    const std::vector<std::size_t>& layer_fields);

} // namespace sw
