// The load action shared by CLI and UI: read wards, incidents and population, choose the
// working CRS, project everything through PROJ, repair ward polygons with GEOS, and assign
// each incident its ward. Produces the data plus one report of what was kept and rejected.
#pragma once

#include "core/incident_table.hpp"
#include "core/load_report.hpp"
#include "core/month_coverage.hpp"
#include "core/progress.hpp"
#include "core/result.hpp"
#include "core/wards.hpp"
#include "io/incident_reader.hpp"
#include "io/ward_reader.hpp"

#include <optional>
#include <string>
#include <vector>

namespace sw {

// What the user says about one --incidents path (the options that follow it on the command line,
// or its line in a sources file): its source's name, its columns and CRS, the months it covers
// and whether it is public. Unset fields take the request's own.
struct SourceOptions {
    std::string path;                        // as given in incident_paths
    std::string name;                        // empty: police.uk's name, or the path's file name
    std::optional<CsvColumnOptions> columns; // named columns of its CSVs
    std::optional<std::string> xy_crs;       // CRS of its easting/northing columns
    std::optional<MonthSpan> covers;         // months it covers, rows or not (--covers)
    bool is_public = false;                  // published as it is (--public-source)
};

struct LoadRequest {
    std::string wards_path;                  // optional for `info`
    std::vector<std::string> incident_paths; // files, folders or .zip archives
    std::vector<SourceOptions> sources;      // per path, where the user said more
    std::string population_path;             // optional ward (or, with a lookup, LSOA) population
    std::string lookup_path;                 // optional area-to-ward lookup (LSOA21CD -> WD23CD)
    std::string postcodes_path;  // optional ONSPD, NSPL or Code-Point Open: places postcode rows
    bool assign_by_area = false; // place incidents by LSOA code through the lookup
    io::WardReadOptions ward_options;
    io::IncidentReadOptions incident_options;
    // Rows of sources that are not public are moved mask_m to 2 x mask_m to an anonymous point
    // before anything is derived from them (their wards come from their true places), unless
    // exact_locations (for a data-sharing agreement that allows them).
    bool exact_locations = false;
    double mask_m = 250;
    // A density cell that fewer than this many masked rows reach shows the public rows only.
    std::size_t mask_min_rows = 5;
    std::string working_crs; // empty: EPSG:27700 in GB, else local UTM
    unsigned threads = 0;    // 0 = all cores
};

struct LoadReport {
    FileReport wards;
    std::vector<std::string> ward_repairs; // one line per repaired ward
    std::vector<FileReport> incidents;
    std::optional<FileReport> population, lookup, postcodes;
    std::string working_crs;
    std::uint64_t incidents_kept = 0;
    std::uint64_t outside_wards = 0;  // outside the study area (0 when no wards are loaded)
    std::string months, month_gaps;   // months with data, and the gaps between them
    std::vector<std::string> sources; // one line per source: name, public or not, months, rows
    std::string masking;              // what was done to the locations of non-public rows
    std::string masking_method;       // "moved 250 to 500 m ..." (empty: none moved)
    std::vector<std::pair<std::string, std::uint64_t>> forces; // police.uk "Falls within", rows
    std::vector<std::string> warnings; // whole-load warnings (swapped lon/lat, far points)
    double seconds = 0;

    // Every file-level error, one line each.
    std::vector<std::string> errors() const;
    // Every rejection reason (file, count, first lines or features) and warning, one line each,
    // for the commands to print on stderr.
    std::vector<std::string> problems() const;
    // The report as text lines (for `info` and the GUI panel).
    std::vector<std::string> lines() const;
};

struct LoadedData {
    WardSet wards;                                 // working CRS
    IncidentTable incidents;                       // working CRS, ward assigned
    std::vector<std::optional<double>> population; // per ward (empty when none loaded)
    MonthCoverage months; // months with rows (or declared) in any source of crimes
    std::string working_crs;
    LoadReport report;
};

// The options the user gave for an incident path, or nullptr.
const SourceOptions* sourceOptionsFor(const LoadRequest& request, const std::string& path);

// Fails (with every file error, one per line) when any named file cannot be loaded at all;
// otherwise loads what is good and reports the rest.
Result<LoadedData> loadData(const LoadRequest& request, Progress* progress = nullptr);

} // namespace sw
