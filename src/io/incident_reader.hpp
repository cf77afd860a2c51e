// Reads incidents from police.uk CSV, generic CSV (named or detected columns) or any GDAL
// vector source into a table in source coordinates, with a load report.
#pragma once

#include "core/incident_schema.hpp"
#include "core/incident_table.hpp"
#include "core/load_report.hpp"
#include "core/progress.hpp"

#include <string>

namespace sw::io {

// Limits on what one CSV file may hold, generous for real police.uk files and partner extracts
// and small enough that a hostile file cannot exhaust memory (README, Data formats).
constexpr std::size_t kMaxColumns = 2000;            // columns in a header
constexpr std::size_t kMaxLineBytes = 1u << 20;      // one line: 1 MiB
constexpr std::uint64_t kMaxFileBytes = 16ull << 30; // one file (inflated): 16 GiB

struct IncidentReadOptions {
    CsvColumnOptions columns;          // named columns for generic CSVs (empty = detect)
    std::string xy_crs = "EPSG:27700"; // CRS of easting/northing columns in CSVs
    unsigned threads = 0;              // 0 = all cores
    // police.uk stop and search files: loaded as records of their own kind (a layer of their
    // own, never counted as crimes) when true; otherwise skipped with a line in the report.
    bool stop_and_search = false;
    // Places the rows of files with a postcode and no coordinates (not owned).
    const PostcodeIndex* postcodes = nullptr;
};

struct IncidentFile {
    IncidentTable table; // coordinates in source_crs; files = {path}
    FileReport report;
    std::string source_crs; // "EPSG:4326" for lon/lat, else the CRS definition
    std::uint64_t by_postcode = 0, terminated_postcodes = 0;              // rows placed by postcode
    std::vector<std::pair<std::string, std::uint64_t>> unknown_postcodes; // first few, by line
};

// Never throws; a file that cannot be read at all has report.error set and an empty table.
IncidentFile readIncidentFile(const std::string& path, const IncidentReadOptions& options,
                              Progress* progress = nullptr);

} // namespace sw::io
