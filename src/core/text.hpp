// Small text helpers shared by every layer: ASCII case folding, trimming, file extensions, XML
// escaping and legend numbers.
// ASCII only on purpose: column names, keys and extensions are compared, never prose.
#pragma once

#include <cmath>
#include <cstdio>
#include <string>
#include <string_view>

namespace sw {

// 1234567 -> "1,234,567" (counts people read).
inline std::string withThousands(long long n) {
    std::string s = std::to_string(n < 0 ? -n : n);
    for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3)
        s.insert(static_cast<std::size_t>(i), ",");
    return (n < 0 ? "-" : "") + s;
}

// A weighted count as people read it: 268,561 when whole, 12.5 when weighted.
inline std::string countText(double v) {
    if (std::abs(v - std::round(v)) < 1e-9 && std::abs(v) < 1e15)
        return withThousands(std::llround(v));
    char b[32];
    std::snprintf(b, sizeof b, "%.6g", v);
    return b;
}

inline char asciiLower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

inline std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out)
        c = asciiLower(c);
    return out;
}

inline bool equalsIgnoreCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (asciiLower(a[i]) != asciiLower(b[i]))
            return false;
    return true;
}

inline bool endsWithIgnoreCase(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() &&
           equalsIgnoreCase(s.substr(s.size() - suffix.size()), suffix);
}

inline bool startsWith(std::string_view s, std::string_view prefix) {
    return s.substr(0, prefix.size()) == prefix;
}

// Leading and trailing spaces, tabs, CR and LF removed.
inline std::string_view trim(std::string_view s) {
    auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!s.empty() && blank(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && blank(s.back()))
        s.remove_suffix(1);
    return s;
}

// The extension after the last dot of the last path component, lower-cased, without the dot
// ("" when there is none): "a/B.CSV" -> "csv".
inline std::string lowerExtension(std::string_view path) {
    const auto slash = path.find_last_of('/');
    const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
    const auto dot = name.find_last_of('.');
    return dot == std::string_view::npos || dot == 0 ? std::string() : lower(name.substr(dot + 1));
}

// XML-escaped text (&, <, >, ", '), for XML, QML and HTML.
inline std::string xmlEscape(std::string_view text) {
    std::string s;
    s.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&':
            s += "&amp;";
            break;
        case '<':
            s += "&lt;";
            break;
        case '>':
            s += "&gt;";
            break;
        case '"':
            s += "&quot;";
            break;
        case '\'':
            s += "&apos;";
            break;
        default:
            s += c;
        }
    }
    return s;
}

// A legend's value: whole numbers with thousands separators from 100 up ("4,490"), else
// three significant figures ("0.0123", "12.5"). The map window's and the printed legends.
inline std::string legendNumber(double v) {
    char buf[48];
    if (std::abs(v) >= 100) {
        std::snprintf(buf, sizeof buf, "%.0f", std::abs(v));
        const std::string digits = buf;
        std::string out = v < 0 ? "-" : "";
        for (std::size_t i = 0; i < digits.size(); ++i) {
            if (i && (digits.size() - i) % 3 == 0)
                out += ',';
            out += digits[i];
        }
        return out;
    }
    std::snprintf(buf, sizeof buf, "%.3g", v);
    return buf;
}

// A setting's or a weight's number as people write it: "%g" ("150", "0.5", "2.5e+06").
inline std::string shortNumber(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

// A number with a fixed count of decimals ("21.9", "0.91"), for tables.
inline std::string fixedText(double v, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

} // namespace sw
