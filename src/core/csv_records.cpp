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
    record_start_ = pos_;
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

namespace {

// Record ends under the reader's rules: a quote opens a quoted field only at the start of a
// field ("5" screen" in an unquoted field is text), "" inside a quoted field is a quote, and
// text after a closing quote runs to the delimiter. Calls on_end(offset just past the
// newline) for each record-ending newline from `from` on; stops when it returns false.
// Scans from offset 0, which must be a record boundary.
template <class OnEnd> void scanRecordEnds(std::string_view data, char delim, OnEnd&& on_end) {
    enum class State { FieldStart, Unquoted, Quoted, QuoteSeen };
    const char* d = data.data();
    const std::size_t n = data.size();
    State st = State::FieldStart;
    for (std::size_t i = 0; i < n; ++i) {
        const char c = d[i];
        switch (st) {
        case State::Quoted: {
            const void* q = std::memchr(d + i, '"', n - i);
            if (!q)
                return;
            i = static_cast<std::size_t>(static_cast<const char*>(q) - d);
            st = State::QuoteSeen;
            break;
        }
        case State::QuoteSeen:
            if (c == '"') {
                st = State::Quoted;
                break;
            }
            [[fallthrough]];
        case State::FieldStart:
        case State::Unquoted:
            if (c == '\n') {
                st = State::FieldStart;
                if (!on_end(i + 1))
                    return;
            } else if (c == delim) {
                st = State::FieldStart;
            } else if (st == State::FieldStart && c == '"') {
                st = State::Quoted;
            } else {
                st = State::Unquoted;
            }
            break;
        }
    }
}

} // namespace

std::vector<std::size_t> recordCuts(std::string_view data, char delim, unsigned parts,
                                    std::size_t* complete) {
    std::vector<std::size_t> cuts{0};
    std::size_t last = 0;
    std::size_t next_target = parts > 1 ? data.size() / parts : data.size() + 1;
    if (parts > 1 || complete)
        scanRecordEnds(data, delim, [&](std::size_t end) {
            last = end;
            if (end >= next_target && end < data.size() && cuts.size() < parts) {
                cuts.push_back(end);
                // A record longer than a part has passed several targets: aim past it.
                next_target = cuts.size() < parts
                                  ? std::max(end + 1, data.size() * cuts.size() / parts)
                                  : data.size() + 1;
            }
            return complete || cuts.size() < parts;
        });
    if (complete) {
        *complete = last;
        while (cuts.size() > 1 && cuts.back() >= last)
            cuts.pop_back();
        if (last > 0)
            cuts.push_back(last);
    } else {
        cuts.push_back(data.size());
    }
    return cuts;
}

std::size_t lastRecordEnd(std::string_view data, char delim) {
    std::size_t last = 0;
    scanRecordEnds(data, delim, [&](std::size_t end) {
        last = end;
        return true;
    });
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
