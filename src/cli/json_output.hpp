// JSON for the commands that print --json, built with nlohmann::json (never by hand).
#pragma once

#include "core/month_coverage.hpp"

#include <nlohmann/json.hpp>

#include <cmath>
#include <iostream>
#include <optional>

namespace sw::cli {

using Json = nlohmann::ordered_json; // keys in the order they are set, as a person reads them

// A number, or null when it is absent or not finite (JSON has no NaN or infinity).
inline Json jsonNumber(std::optional<double> v) {
    return v && std::isfinite(*v) ? Json(*v) : Json(nullptr);
}

// A run of months as {"from": "YYYY-MM", "to": "YYYY-MM"}.
inline Json monthsJson(const MonthSpan& span) {
    return {{"from", formatMonth(span.first)}, {"to", formatMonth(span.last)}};
}

// Prints the object, indented; text that is not valid UTF-8 (a file name, a crime type from a
// file in another encoding) is written with U+FFFD in place of the bad bytes, never thrown on.
inline void printJson(const Json& j) {
    std::cout << j.dump(2, ' ', false, Json::error_handler_t::replace) << "\n";
}

} // namespace sw::cli
