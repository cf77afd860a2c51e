// Where rows came from. A source is one series of incident files read the same way: every
// police.uk street-level file of a load is one source (police.uk's monthly publication), its
// stop and search files another, and each other path the user gives (a partner's extract: one
// file, a folder or an archive) is a source of its own. Each source knows the months it covers
// and whether it is public; coverage, disclosure and labels are asked of the sources, never
// guessed from the whole load (DESIGN #12).
#pragma once

#include "core/month_coverage.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sw {

struct IncidentTable;

struct IncidentSource {
    std::string name;   // as the user knows it: "police.uk street-level crime", "asb_log.csv"
    std::string format; // "police.uk street-level CSV", "CSV", a GDAL driver
    bool police_uk = false;
    std::string kind; // the rows' record kind: "" crimes, or kStopAndSearchKind
    // Published as it is (police.uk's files); anything else only when the user says so.
    bool is_public = false;
    std::optional<MonthSpan> declared; // the period the user says it covers (--covers)
    MonthCoverage months;              // months of its rows, and every month declared
    std::uint64_t rows = 0;
    std::uint64_t dated_rows = 0; // rows with a day (a partner's dates; police.uk has months)
    std::uint64_t timed_rows = 0; // of those, rows with a time of day
    bool dated() const { return rows > 0 && dated_rows == rows; }

    // "police.uk street-level crime (public): 2025-01..2025-12, 30,496 rows"
    std::string describe() const;
};

// Whether the data for a selection of rows (a layer, several layers) is there in a month: the
// sources that hold any of the selected rows, in any month, are the selection's sources; a
// month every one of them covers has data, one that only some cover is partial (the count is
// there, short of what the others would add), one none covers has no data (not zero).
struct SelectionCoverage {
    MonthCoverage full;               // months every source of the selection covers
    MonthCoverage partial;            // months some, not all, cover
    std::vector<std::size_t> sources; // the selection's sources (indices into table.sources)

    // Every month of the span is fully covered.
    bool covers(MonthIndex first, MonthIndex last) const { return full.covers(first, last); }
    // At least one month of the span has data, fully or in part.
    bool anyIn(MonthIndex first, MonthIndex last) const;
    // For each source of the selection without data in part of the span:
    // "asb_log.csv has no data for 2025-07..2025-12".
    std::vector<std::string> missingNotes(const IncidentTable& t, MonthIndex first,
                                          MonthIndex last) const;
};

// rows: per row, non-zero when selected (empty: every crime, not stop and search). A table
// without sources (built by hand) is one source whose months are those of its crime rows.
SelectionCoverage coverageOf(const IncidentTable& t, const std::vector<std::uint8_t>& rows);

} // namespace sw
