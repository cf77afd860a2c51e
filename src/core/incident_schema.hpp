// Which CSV columns hold coordinates, month, crime type and text: found from the header
// (police.uk, or common partner-extract names) or named by the user.
#pragma once

#include "core/postcode_index.hpp"
#include "core/result.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace sw {

// Column names a user may give for a generic CSV (empty = detect).
struct CsvColumnOptions {
    std::string x;            // easting / x / longitude column
    std::string y;            // northing / y / latitude column
    std::string month;        // month or date column
    std::string type;         // crime type column
    std::string postcode;     // postcode column (rows placed through a postcode file)
    bool lonlat_hint = false; // the user named lon/lat columns explicitly
    bool month_first = false; // slash dates are month/day/year (US order), not day/month/year
};

enum class CoordKind { LonLat, Projected };

struct IncidentSchema {
    bool police_uk = false;      // header is exactly police.uk's street-level format
    std::size_t field_count = 0; // fields in the header
    int x_col = -1, y_col = -1;  // longitude/latitude, or easting/northing
    // No coordinates: rows are placed by their postcode through `postcodes` (BNG metres).
    int postcode_col = -1;
    const PostcodeIndex* postcodes = nullptr;
    CoordKind coords = CoordKind::LonLat;
    int month_col = -1;         // -1: no month column
    bool month_first = false;   // its slash dates are month/day/year (CsvColumnOptions)
    int type_col = -1;          // -1: every row gets "Unspecified"
    std::vector<int> text_cols; // every other column, kept as text
    std::vector<std::string> text_names;
    std::vector<bool> text_plain; // unique-valued columns (ids) stored without a dictionary
    std::vector<std::string> header;
    std::vector<std::string> warnings; // e.g. a column name given twice (the first is used)
};

// The three files of a police.uk download, told by their columns (not their names):
// street-level crimes, the outcomes of those crimes, and stop and search records.
enum class PoliceUkFile { None, Street, Outcomes, StopAndSearch };
PoliceUkFile policeUkFileKind(const std::vector<std::string_view>& header);

// Detects the schema from header fields. Error names the problem (the caller adds the file).
// With a postcode index, a file with a postcode column and no coordinates is placed by it.
Result<IncidentSchema> detectIncidentSchema(const std::vector<std::string_view>& header,
                                            const CsvColumnOptions& options,
                                            const PostcodeIndex* postcodes = nullptr);

} // namespace sw
