// Reads a ward population table (CSV: a ward code or name column and a residents column)
// and matches it to the loaded wards.
#pragma once

#include "core/load_report.hpp"
#include "core/wards.hpp"

#include <optional>
#include <vector>

namespace sw::io {

struct PopulationTable {
    std::vector<std::optional<double>> by_ward; // per ward index
    FileReport report;
    std::string key_column, value_column;
};

PopulationTable readPopulation(const std::string& path, const WardSet& wards);

} // namespace sw::io
