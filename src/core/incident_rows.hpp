// Turns CSV rows into incidents (source coordinates) following a schema, logging rejects.
#pragma once

#include "core/incident_schema.hpp"
#include "core/incident_table.hpp"
#include "core/load_report.hpp"

#include <string_view>

namespace sw {

struct ParsedRows {
    IncidentTable table;       // one file index (0); line numbers relative to the chunk
    RejectLog rejected;        // line numbers relative to the chunk
    std::uint64_t records = 0; // records seen (kept + rejected)
    std::uint64_t lines = 0;   // physical lines consumed
    // Rows placed by their postcode, of those by a terminated one, and the first unknown
    // postcodes with their lines (relative to the chunk).
    std::uint64_t by_postcode = 0, terminated_postcodes = 0;
    std::vector<std::pair<std::string, std::uint64_t>> unknown_postcodes;
};

// Validates one record's fields and appends it as an incident, or logs why not.
class IncidentRowBuilder {
  public:
    explicit IncidentRowBuilder(const IncidentSchema& schema);
    // fields may be extended by one empty trailing field.
    void add(std::vector<std::string_view>& fields, std::uint64_t line);
    void reject(std::string_view reason, std::uint64_t line) {
        ++out_.records;
        out_.rejected.add(reason, line);
    }
    ParsedRows& rows() { return out_; }

  private:
    const IncidentSchema& s_;
    ParsedRows out_;
};

// Parses every record in `data` (which starts at a record boundary and holds no header).
// Line numbers are 1-based from the start of `data`.
ParsedRows parseIncidentRows(std::string_view data, const IncidentSchema& schema, char delimiter);

// Creates an empty table with the schema's text columns.
IncidentTable makeIncidentTable(const IncidentSchema& schema);

// Parses a coordinate; nullopt when it is not a number.
std::optional<double> parseNumber(std::string_view text);

} // namespace sw
