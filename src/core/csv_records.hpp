// RFC 4180 CSV record splitting over an in-memory buffer (quotes, "" escapes, CRLF or LF).
#pragma once

#include <cstdint>
#include <deque>
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
    // Bytes the last record took, its line end included.
    std::size_t recordBytes() const { return pos_ - record_start_; }
    // The last record's text as it is in the buffer, its line end included.
    std::string_view recordText() const { return data_.substr(record_start_, recordBytes()); }

  private:
    std::string_view data_;
    std::size_t pos_ = 0;
    std::size_t record_start_ = 0;
    char delim_;
    std::uint64_t line_ = 0;
    std::uint64_t record_line_ = 0;
    bool unterminated_ = false;
    // A deque: growing it never moves the strings that earlier fields still view.
    std::deque<std::string> scratch_;
};

// Longest record a reader accepts: 1 MiB (a hostile file cannot make one record use more).
constexpr std::size_t kMaxRecordBytes = 1u << 20;

// Offsets that split data (which starts at a record boundary) into at most `parts` runs of
// whole records of about equal size: 0, the cuts, data.size(). Quotes follow the reader's
// rules, so a stray quote inside an unquoted field never moves a cut. With `complete`, the
// data may end inside a record: the runs stop at the last complete record, whose end is
// stored there (0, and cuts {0}, when none is complete); one scan finds both.
std::vector<std::size_t> recordCuts(std::string_view data, char delimiter, unsigned parts,
                                    std::size_t* complete = nullptr);

// Offset just past the last complete record in data (data starts at a record boundary);
// 0 when no record is complete.
std::size_t lastRecordEnd(std::string_view data, char delimiter = ',');

// Guesses the delimiter from a header line: ',' unless ';' or '\t' is clearly meant.
char guessDelimiter(std::string_view header_line);

// Number of newline characters in a buffer.
std::uint64_t countNewlines(std::string_view data);

} // namespace sw
