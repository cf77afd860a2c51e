// What a reader loaded and what it rejected, by reason, with the first line numbers of each.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sw {

struct RejectReason {
    std::string reason; // e.g. "no coordinates"
    std::uint64_t count = 0;
    std::vector<std::uint64_t> first_lines; // up to kMaxLines line (or feature) numbers
};

// Rejections grouped by reason, in the order reasons were first seen.
class RejectLog {
  public:
    static constexpr std::size_t kMaxLines = 5;
    void add(std::string_view reason, std::uint64_t line);
    // Adds another log's entries with their line numbers shifted by line_offset.
    void merge(const RejectLog& other, std::uint64_t line_offset = 0);
    const std::vector<RejectReason>& reasons() const { return reasons_; }
    std::uint64_t total() const;
    bool empty() const { return reasons_.empty(); }

  private:
    std::vector<RejectReason> reasons_;
};

// One input file's report.
struct FileReport {
    std::string path;
    std::string format;          // "police.uk CSV", "CSV", or the GDAL driver name
    std::uint64_t rows_read = 0; // data rows (or features) seen
    std::uint64_t rows_kept = 0;
    RejectLog rejected;
    std::vector<std::string> warnings; // one line each, naming the file
    std::string error;                 // set when the file could not be loaded at all
    std::string skipped;               // why a readable file was not loaded (not incidents)
};

// "12 (lines 3, 9, 40, ...)" style summary of a reason.
std::string describeReason(const RejectReason& r, std::string_view unit = "line");

} // namespace sw
