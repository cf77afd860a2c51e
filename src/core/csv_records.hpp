// RFC 4180 CSV record splitting over an in-memory buffer (quotes, "" escapes, CRLF or LF).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sw {

class CsvRecordReader {
  public:
    explicit CsvRecordReader(std::string_view data, char delimiter = ',');

    // Reads the next record into fields (views into the buffer, or into internal scratch
    // storage when a quoted field had "" escapes; valid until the next call).
    // Returns false at the end of the buffer. Blank lines are skipped.
    bool next(std::vector<std::string_view>& fields);
    // 1-based physical line number (relative to the buffer) where the last record started.
    std::uint64_t recordLine() const { return record_line_; }
    // Physical lines consumed so far.
    std::uint64_t linesConsumed() const { return line_; }
    // True when the last record ended inside an unterminated quote.
    bool unterminatedQuote() const { return unterminated_; }

  private:
    std::string_view data_;
    std::size_t pos_ = 0;
    char delim_;
    std::uint64_t line_ = 0;
    std::uint64_t record_line_ = 0;
    bool unterminated_ = false;
    std::vector<std::string> scratch_;
};

// Offset just past the first record-ending newline at or after `target`, counting quotes
// from the start of `data` (which must begin at a record boundary). Returns data.size()
// when there is none.
std::size_t findRecordBoundary(std::string_view data, std::size_t target);

// Offset just past the last complete record in data (data starts at a record boundary);
// 0 when no record is complete.
std::size_t lastRecordEnd(std::string_view data);

// Guesses the delimiter from a header line: ',' unless ';' or '\t' is clearly meant.
char guessDelimiter(std::string_view header_line);

// Number of newline characters in a buffer.
std::uint64_t countNewlines(std::string_view data);

} // namespace sw
