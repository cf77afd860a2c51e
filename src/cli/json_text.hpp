// JSON strings and numbers for the commands that print --json.
#pragma once

#include <cmath>
#include <cstdio>
#include <string>

namespace sw::cli {

// The text as a quoted JSON string (quotes, backslashes and control characters escaped).
inline std::string jsonString(const std::string& s) {
    std::string o = "\"";
    for (char c : s) {
        switch (c) {
        case '"':
            o += "\\\"";
            break;
        case '\\':
            o += "\\\\";
            break;
        case '\n':
            o += "\\n";
            break;
        case '\r':
            o += "\\r";
            break;
        case '\t':
            o += "\\t";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char b[8];
                std::snprintf(b, sizeof b, "\\u%04x", c);
                o += b;
            } else {
                o += c;
            }
        }
    }
    return o + "\"";
}

// A number for JSON (10 significant digits; null when not finite).
inline std::string jsonNumber(double v) {
    if (!std::isfinite(v))
        return "null";
    char b[32];
    std::snprintf(b, sizeof b, "%.10g", v);
    return b;
}

} // namespace sw::cli
