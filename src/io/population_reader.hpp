// Reads a ward population table (CSV: a ward code or name column and a residents column)
// and matches it to the loaded wards.
#pragma once

#include "core/load_report.hpp"
#include "core/wards.hpp"
#include "io/area_lookup.hpp"

#include <optional>
#include <vector>

namespace sw::io {

struct PopulationTable {
    std::vector<std::optional<double>> by_ward; // per ward index
    FileReport report;
    std::string key_column, value_column;
};

// With `lookup`, the table holds small areas (LSOAs) summed to the wards they lie in.
// Rows that are notes or footers, not numbers, zero, negative or a repeated code are rejected
// with their line numbers.
PopulationTable readPopulation(const std::string& path, const WardSet& wards,
                               const AreaLookup* lookup = nullptr);

} // namespace sw::io
