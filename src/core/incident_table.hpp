// Incidents in columns: coordinates, month, crime type, ward, source line and text attributes.
#pragma once

#include "core/geometry.hpp"
#include "core/incident_source.hpp"
#include "core/month.hpp"
#include "core/string_column.hpp"
#include "core/text.hpp"

#include <climits>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sw {

constexpr std::int32_t kOutsideWards = -1;

// Records that are not recorded crimes (police.uk stop and search, loaded on request) carry
// their kind in this text column; crimes leave it empty, and a table without it holds crimes
// only. Layers match one kind; "every incident" means every crime.
constexpr const char* kRecordKindColumn = "Record kind";
constexpr const char* kStopAndSearchKind = "stop and search";

struct IncidentTable {
    // Coordinates: source CRS while loading, working CRS metres (e.g. BNG) once projected.
    std::vector<double> x, y;
    std::vector<MonthIndex> month;
    // The day of each row (days since 1970-01-01) where its source gives one; empty when no
    // row has a day (police.uk publishes months). Read it through dayOf.
    std::vector<std::int32_t> day;
    // The time of day of each row, minutes after midnight (0..1439), where its date has a time
    // ("14/03/2025 22:10"); -1 where not; empty when no row has one. Read it through minuteOf.
    std::vector<std::int16_t> minute;
    std::vector<std::int32_t> ward;  // ward index, or kOutsideWards (set by ward assignment)
    std::vector<std::uint32_t> line; // line (or feature) number in the source file
    std::vector<std::uint16_t> file; // index into files
    std::vector<std::string> files;  // source paths
    // The sources the files belong to (set by the loader; empty in a table built by hand).
    std::vector<IncidentSource> sources;
    std::vector<std::uint16_t> source_of_file; // per file: index into sources
    StringColumn crime_type{"Crime type", StringColumn::Kind::Dictionary};
    std::vector<StringColumn> text; // other columns, by name (Location, LSOA code, ...)

    std::size_t size() const { return x.size(); }
    // The row's day, or kNoDay (INT32_MIN) when its source gives months only.
    std::int32_t dayOf(std::size_t row) const { return row < day.size() ? day[row] : INT32_MIN; }
    // The row's minute of the day, or -1 when its date has no time.
    int minuteOf(std::size_t row) const { return row < minute.size() ? minute[row] : -1; }
    // The row's source (0 when the table has none).
    std::size_t sourceOf(std::size_t row) const {
        return file[row] < source_of_file.size() ? source_of_file[file[row]] : 0;
    }
    // The row's source is public (police.uk's, or one the user declared public); a table
    // without sources is taken as public, like the police.uk files tests build it from.
    bool rowIsPublic(std::size_t row) const {
        return sources.empty() || sources[sourceOf(row)].is_public;
    }
    bool empty() const { return x.empty(); }

    // Per row, 1 when the row is of `kind` ("" = a crime); empty when every row is a crime and
    // `kind` is "" (the common case: no work).
    std::vector<std::uint8_t> rowsOfKind(std::string_view kind) const;
    // Index of a text column by name (case-insensitive), or nullopt.
    std::optional<std::size_t> textColumn(std::string_view name) const;
    // Adds a text column (filled with empty values for existing rows) and returns its index.
    std::size_t addTextColumn(const std::string& name, StringColumn::Kind kind);

    // Appends every row of another table; its file indices are shifted, its line numbers
    // increased by line_offset, and text columns matched by name (missing ones left empty).
    void append(const IncidentTable& other, std::uint32_t line_offset = 0);
    void reserve(std::size_t rows);

    // Months covered (min, max) or nullopt when empty.
    std::optional<std::pair<MonthIndex, MonthIndex>> monthRange() const;
    Box bounds() const;
    std::size_t memoryBytes() const;
};

// The rows whose keep[row] is non-zero, in order.
IncidentTable filterRows(const IncidentTable& table, const std::vector<std::uint8_t>& keep);

} // namespace sw
