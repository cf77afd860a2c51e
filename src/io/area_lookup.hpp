// A lookup from small areas to wards, such as the ONS best-fit lookup from 2021 LSOAs to 2023
// electoral wards (LSOA21CD -> WD23CD): for summing an LSOA population table to wards and for
// placing incidents in wards by their police.uk `LSOA code`.
#pragma once

#include "core/load_report.hpp"
#include "core/result.hpp"

#include <string>
#include <unordered_map>

namespace sw::io {

struct AreaLookup {
    std::string area_column, ward_column;                 // e.g. LSOA21CD, WD23CD
    std::unordered_map<std::string, std::string> ward_of; // area code -> ward code
    FileReport report;
};

// Reads a CSV lookup: the area code column is the first *CD column that is not a ward code
// (LSOA21CD, OA21CD, MSOA21CD), the ward column the first WD..CD column. An error when the
// file has neither.
Result<AreaLookup> readAreaLookup(const std::string& path);

} // namespace sw::io
