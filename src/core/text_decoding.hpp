// Text as files arrive, turned into the UTF-8 with LF (or CRLF) line ends the CSV reader
// expects: UTF-16 (little or big endian, told by its byte order mark) converted to UTF-8, and
// old Mac CR-only line ends turned into LF. Streaming: blocks in, blocks out, any split.
#pragma once

#include <string>
#include <string_view>

namespace sw {

class TextDecoder {
  public:
    enum class Encoding { Utf8, Utf16Le, Utf16Be };

    // Appends the decoded form of the next raw block to `out`. The first block decides the
    // encoding (a UTF-16 byte order mark) and the line ends (CR with no LF in it: CR-only).
    void decode(std::string_view raw, std::string& out);
    Encoding encoding() const { return encoding_; }
    bool crOnly() const { return cr_only_; }
    // What was converted, for the load report ("UTF-16LE converted to UTF-8"); empty if none.
    std::string conversions() const;

  private:
    void decodeUtf16(std::string_view raw, std::string& out);
    bool started_ = false, cr_only_ = false;
    Encoding encoding_ = Encoding::Utf8;
    std::string carry_;           // an odd byte left over between UTF-16 blocks
    unsigned high_surrogate_ = 0; // a UTF-16 high surrogate waiting for its pair
};

// Appends code point cp as UTF-8.
void appendUtf8(std::string& out, unsigned cp);

} // namespace sw
