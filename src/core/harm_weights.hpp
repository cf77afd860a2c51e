// Harm weights: a table of crime type -> weight that the analyst brings (a force's harm index,
// the ONS Crime Severity Score or the Cambridge Crime Harm Index), so that a place with one
// robbery can outrank a place with three thefts. Read from a small CSV:
//
//   # Illustrative weights, not an official index      <- optional title, shown with results
//   crime type,weight                                  <- optional header
//   Violence and sexual offences,10
//   Robbery,8
//   *,1                                                <- optional: every type not listed
//
// Types match case-insensitively; columns after the second are ignored. A selected incident
// whose type the table neither lists nor covers with '*' is an error, never a silent 1 or 0.
#pragma once

#include "core/result.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sw {

struct HarmWeights {
    std::string title; // the file's first comment line (without '#'), or ""
    std::string file;  // the file's name, as given
    std::vector<std::pair<std::string, double>> types; // as written, in file order
    std::optional<double> others;                      // the '*' row

    bool empty() const { return types.empty() && !others; }
    bool operator==(const HarmWeights&) const = default;
    // The weight of a crime type: its row, else the '*' row, else nullopt.
    std::optional<double> weightOf(std::string_view type) const;
    // "harm weights from harm.csv (Illustrative weights, not an official index): 14 types"
    std::string describe() const;
};

// The table in `text` (the contents of `file`); errors name the file and the line.
Result<HarmWeights> parseHarmWeights(std::string_view text, const std::string& file);

// One "type=weight" line per row ("*=1" for the others), for a plan's settings, and back.
std::vector<std::string> harmWeightLines(const HarmWeights& w);
Result<HarmWeights> harmWeightsFromLines(const std::vector<std::string>& lines);

} // namespace sw
