// Incident layers as rules the user edits: crime types, month range, text match, colour.
#pragma once

#include "core/incident_table.hpp"
#include "core/result.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace sw {

struct Rgba {
    std::uint8_t r = 0, g = 0, b = 0, a = 255;
    bool operator==(const Rgba&) const = default;
};

struct LayerRule {
    enum class Combine { Or, And };

    std::string name; // shown in the UI, e.g. "Anti-social behaviour"
    std::string key;  // short id and export column name (<= 10 chars)
    Rgba colour;
    std::vector<std::string> crime_types;      // any of these (exact, case-insensitive)
    MonthIndex from = kNoMonth, to = kNoMonth; // optional month range (inclusive)
    std::vector<std::string> text_terms;       // whole words, case-insensitive
    std::vector<std::string> text_columns;     // columns searched; empty = descriptive columns
    // How crime types and text terms combine when both are given. Neither given: every row.
    Combine combine = Combine::Or;
    bool visible = true;
    float point_size_px = 4.0f; // map drawing style
    float point_opacity = 0.85f;
    std::string kind; // the records matched: "" crimes, kStopAndSearchKind searches

    // One-line message when the rule cannot be used.
    Status validate() const;
};

// The defaults: All crime, Anti-social behaviour, Weapons, Violence and sexual offences, Drugs.
std::vector<LayerRule> defaultLayers();
// The layer of police.uk stop and search records (every search), for data that holds them.
LayerRule stopAndSearchLayer();

// Parses "Name: types=A|B; terms=knife,blade; columns=Context; months=2022-01..2022-06;
// colour=#rrggbb; combine=or|and; key=knife; kind=crime|stop-and-search". Lines of a layers
// file use the same form.
Result<LayerRule> parseLayerRule(std::string_view text);
std::string formatLayerRule(const LayerRule& rule);

// A short column-safe key from a name ("Knife crime" -> "knife_crim").
std::string keyFromName(std::string_view name);

// True when `word` occurs in `text` as a whole word, ignoring case.
bool containsWord(std::string_view text, std::string_view word);

// A rule compiled against one table: which crime-type codes and text values match.
class LayerMatcher {
  public:
    LayerMatcher(const LayerRule& rule, const IncidentTable& table);
    bool matches(const IncidentTable& table, std::size_t row) const;
    // Crime types named by the rule that the table does not hold.
    const std::vector<std::string>& unknownTypes() const { return unknown_types_; }

  private:
    struct TextTest {
        std::size_t column;
        std::vector<std::uint8_t> value_matches; // by dictionary code
    };
    const LayerRule* rule_;
    bool has_types_ = false, has_text_ = false;
    std::vector<std::uint8_t> type_matches_; // by crime-type code
    std::vector<std::uint8_t> of_kind_;      // rows of the rule's kind (empty: every row)
    std::vector<TextTest> text_tests_;
    std::vector<std::string> unknown_types_;
};

// Bit i of mask[row] set when row matches layers[i] (at most 32 layers).
std::vector<std::uint32_t> layerMasks(const std::vector<LayerRule>& layers,
                                      const IncidentTable& table);

} // namespace sw
