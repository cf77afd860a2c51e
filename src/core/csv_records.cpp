// CSV record splitting and record-boundary search for parallel parsing.
#include "core/csv_records.hpp"

#include <algorithm>
#include <cstring>

namespace sw {

CsvRecordReader::CsvRecordReader(std::string_view data, char delimiter)
    : data_(data), delim_(delimiter) {
    // Skip a UTF-8 byte order mark.
    if (data_.size() >= 3 && static_cast<unsigned char>(data_[0]) == 0xEF &&
        static_cast<unsigned char>(data_[1]) == 0xBB &&
        static_cast<unsigned char>(data_[2]) == 0xBF)
        pos_ = 3;
}

bool CsvRecordReader::next(std::vector<std::string_view>& fields) {
    fields.clear();
    unterminated_ = false;
    const char* d = data_.data();
    const std::size_t n = data_.size();
    // Skip blank lines.
    while (pos_ < n && (d[pos_] == '\n' || d[pos_] == '\r')) {
        if (d[pos_] == '\n')
            ++line_;
        ++pos_;
    }
    if (pos_ >= n)
        return false;
    record_line_ = line_ + 1;
    std::size_t used_scratch = 0;
    for (;;) {
        if (pos_ < n && d[pos_] == '"') {
            // Quoted field.
            ++pos_;
            const std::size_t start = pos_;
            bool escaped = false;
            for (;;) {
                const void* q = pos_ < n ? std::memchr(d + pos_, '"', n - pos_) : nullptr;
                if (!q) {
                    line_ += countNewlines(data_.substr(pos_));
                    pos_ = n;
                    unterminated_ = true;
                    break;
                }
                const std::size_t qpos = static_cast<const char*>(q) - d;
                line_ += countNewlines(data_.substr(pos_, qpos - pos_));
                if (qpos + 1 < n && d[qpos + 1] == '"') {
                    escaped = true;
                    pos_ = qpos + 2;
                    continue;
                }
                pos_ = qpos + 1;
                break;
            }
            std::size_t end = unterminated_ ? n : pos_ - 1;
            std::string_view raw(d + start, end - start);
            // Text after the closing quote up to the delimiter is kept (lenient).
            std::size_t tail = pos_;
            while (tail < n && d[tail] != delim_ && d[tail] != '\n' && d[tail] != '\r')
                ++tail;
            if (escaped || tail != pos_) {
                if (scratch_.size() <= used_scratch)
                    scratch_.emplace_back();
                std::string& s = scratch_[used_scratch++];
                s.clear();
                for (std::size_t i = 0; i < raw.size(); ++i) {
                    s.push_back(raw[i]);
                    if (raw[i] == '"' && i + 1 < raw.size() && raw[i + 1] == '"')
                        ++i;
                }
                s.append(d + pos_, tail - pos_);
                fields.emplace_back(s);
            } else {
                fields.push_back(raw);
            }
            pos_ = tail;
        } else {
            const std::size_t start = pos_;
            while (pos_ < n && d[pos_] != delim_ && d[pos_] != '\n' && d[pos_] != '\r')
                ++pos_;
            fields.emplace_back(d + start, pos_ - start);
        }
        if (pos_ < n && d[pos_] == delim_) {
            ++pos_; // a delimiter at the very end is followed by one empty field (next round)
            continue;
        }
        // End of record.
        if (pos_ < n && d[pos_] == '\r')
            ++pos_;
        if (pos_ < n && d[pos_] == '\n') {
            ++pos_;
            ++line_;
        }
        return true;
    }
}

std::uint64_t countNewlines(std::string_view data) {
    return static_cast<std::uint64_t>(std::count(data.begin(), data.end(), '\n'));
}

std::size_t findRecordBoundary(std::string_view data, std::size_t target) {
    const char* d = data.data();
    const std::size_t n = data.size();
    // Quote parity up to target.
    bool in_quote = false;
    std::size_t pos = 0;
    while (pos < target) {
        const void* q = std::memchr(d + pos, '"', target - pos);
        if (!q)
            break;
        in_quote = !in_quote;
        pos = static_cast<std::size_t>(static_cast<const char*>(q) - d) + 1;
    }
    pos = target;
    while (pos < n) {
        const char* nl = static_cast<const char*>(std::memchr(d + pos, '\n', n - pos));
        const char* q = static_cast<const char*>(std::memchr(d + pos, '"', n - pos));
        if (!nl)
            return n;
        if (q && q < nl) {
            in_quote = !in_quote;
            pos = static_cast<std::size_t>(q - d) + 1;
            continue;
        }
        if (!in_quote)
            return static_cast<std::size_t>(nl - d) + 1;
        pos = static_cast<std::size_t>(nl - d) + 1;
    }
    return n;
}

std::size_t lastRecordEnd(std::string_view data) {
    // Walk from the start (parity is only known from a record boundary), but jump by memchr.
    const char* d = data.data();
    const std::size_t n = data.size();
    bool in_quote = false;
    std::size_t pos = 0, last = 0;
    while (pos < n) {
        const char* nl = static_cast<const char*>(std::memchr(d + pos, '\n', n - pos));
        if (!nl)
            break;
        const std::size_t nlpos = static_cast<std::size_t>(nl - d);
        // Toggle parity for each quote before the newline.
        for (;;) {
            const char* q = static_cast<const char*>(std::memchr(d + pos, '"', nlpos - pos));
            if (!q)
                break;
            in_quote = !in_quote;
            pos = static_cast<std::size_t>(q - d) + 1;
        }
        if (!in_quote)
            last = nlpos + 1;
        pos = nlpos + 1;
    }
    return last;
}

char guessDelimiter(std::string_view header) {
    const auto commas = std::count(header.begin(), header.end(), ',');
    const auto semis = std::count(header.begin(), header.end(), ';');
    const auto tabs = std::count(header.begin(), header.end(), '\t');
    if (tabs > commas && tabs >= semis)
        return '\t';
    if (semis > commas)
        return ';';
    return ',';
}

} // namespace sw
