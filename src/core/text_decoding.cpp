// UTF-16 to UTF-8 and CR-only line ends.
#include "core/text_decoding.hpp"

#include <algorithm>

namespace sw {

void appendUtf8(std::string& out, unsigned cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

void TextDecoder::decodeUtf16(std::string_view raw, std::string& out) {
    std::string bytes = carry_;
    bytes.append(raw);
    const std::size_t whole = bytes.size() & ~std::size_t(1);
    carry_.assign(bytes, whole, std::string::npos);
    const bool le = encoding_ == Encoding::Utf16Le;
    for (std::size_t i = 0; i < whole; i += 2) {
        const auto b0 = static_cast<unsigned char>(bytes[i]);
        const auto b1 = static_cast<unsigned char>(bytes[i + 1]);
        const unsigned u = le ? (b1 << 8) | b0 : (b0 << 8) | b1;
        if (u >= 0xD800 && u <= 0xDBFF) {
            if (high_surrogate_)
                appendUtf8(out, 0xFFFD); // two highs in a row
            high_surrogate_ = u;
            continue;
        }
        if (u >= 0xDC00 && u <= 0xDFFF) {
            appendUtf8(out, high_surrogate_
                                ? 0x10000 + ((high_surrogate_ - 0xD800) << 10) + (u - 0xDC00)
                                : 0xFFFD);
            high_surrogate_ = 0;
            continue;
        }
        if (high_surrogate_) {
            appendUtf8(out, 0xFFFD);
            high_surrogate_ = 0;
        }
        appendUtf8(out, u);
    }
}

void TextDecoder::decode(std::string_view raw, std::string& out) {
    const std::size_t start = out.size();
    std::string head; // the first bytes, until there are two to tell a byte order mark by
    if (!started_) {
        head = carry_;
        head.append(raw);
        carry_.clear();
        if (head.size() < 2 && !raw.empty()) {
            carry_ = head;
            return;
        }
        raw = head;
        started_ = true;
        if (raw.size() >= 2 && static_cast<unsigned char>(raw[0]) == 0xFF &&
            static_cast<unsigned char>(raw[1]) == 0xFE) {
            encoding_ = Encoding::Utf16Le;
            raw.remove_prefix(2);
        } else if (raw.size() >= 2 && static_cast<unsigned char>(raw[0]) == 0xFE &&
                   static_cast<unsigned char>(raw[1]) == 0xFF) {
            encoding_ = Encoding::Utf16Be;
            raw.remove_prefix(2);
        }
        if (encoding_ == Encoding::Utf8)
            cr_only_ = raw.find('\r') != std::string_view::npos &&
                       raw.find('\n') == std::string_view::npos;
    }
    if (encoding_ == Encoding::Utf8)
        out.append(raw.data(), raw.size());
    else
        decodeUtf16(raw, out);
    if (encoding_ != Encoding::Utf8 && start == 0 && !cr_only_) {
        const std::string_view text(out);
        cr_only_ =
            text.find('\r') != std::string_view::npos && text.find('\n') == std::string_view::npos;
    }
    if (cr_only_)
        std::replace(out.begin() + static_cast<std::ptrdiff_t>(start), out.end(), '\r', '\n');
}

std::string TextDecoder::conversions() const {
    std::string s;
    if (encoding_ != Encoding::Utf8)
        s = encoding_ == Encoding::Utf16Le ? "UTF-16LE converted to UTF-8"
                                           : "UTF-16BE converted to UTF-8";
    if (cr_only_)
        s += (s.empty() ? "" : "; ") + std::string("CR-only line ends read as line ends");
    return s;
}

} // namespace sw
