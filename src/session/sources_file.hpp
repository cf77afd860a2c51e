// The sources file (`--sources FILE`, the Data panel's "Sources file"): every incident source of
// a load declared once, so police.uk files and partner extracts load together with their own
// columns, CRS, months and public status. A small text file:
//
//   # Kent police.uk files and the council's ASB log
//   [police.uk]
//   path = crime/2025            (a file, folder or .zip; relative to this file; repeatable)
//   public = yes
//
//   [Council ASB log]            (the source's name in every report)
//   path = council/asb_2025.csv
//   x-field = Easting
//   y-field = Northing
//   month-field = Logged         (a month or a date column; days are kept)
//   type-field = Category
//   xy-crs = EPSG:27700
//   covers = 2025-01..2025-06    (months it covers, rows or not)
//   public = no                  (the default for anything but police.uk's files)
//
// `lonlat = yes` says the x/y columns are longitude/latitude. Keys are the command-line options
// of the same name; anything else is an error naming the file and line.
#pragma once

#include "core/month.hpp"
#include "core/result.hpp"
#include "session/data_loader.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace sw {

struct SourcesFile {
    std::vector<std::string> paths;     // every path, resolved against the file's folder
    std::vector<SourceOptions> sources; // one per path, in the same order
};

// "dmy" (false: day/month/year) or "mdy" (true: month/day/year); nullopt for anything else.
std::optional<bool> parseDateOrder(const std::string& text);

// "2025-01..2025-06" (or one month): the months a source covers; nullopt when it is not that.
std::optional<MonthSpan> parseCovers(const std::string& text);

// Parses the text of a sources file; `file` names it in messages, `base_dir` resolves paths.
Result<SourcesFile> parseSourcesFile(std::string_view text, const std::string& file,
                                     const std::string& base_dir);
// Reads and parses one.
Result<SourcesFile> readSourcesFile(const std::string& path);

// Adds a sources file's paths and options to a request (after those it has).
void addSources(LoadRequest& request, const SourcesFile& sources);

} // namespace sw
