// The layer rule editor's working copy (no ImGui): a rule being written in the Layers panel,
// checked and counted against the loaded incidents before it replaces the session's rule.
#pragma once

#include "core/incident_table.hpp"
#include "core/layer_rules.hpp"
#include "core/result.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sw::ui {

// The table's crime types with their incident counts, most common first.
struct TypeCount {
    std::string type;
    std::size_t count = 0;
};
std::vector<TypeCount> crimeTypeCounts(const IncidentTable& incidents);

struct LayerDraft {
    int index = -1; // the rule edited; -1: none open; == layers.size(): a new layer
    std::string name;
    std::vector<std::string> crime_types; // any of these
    std::string terms;                    // whole words, comma-separated
    std::string columns;                  // comma-separated; empty: descriptive columns
    bool combine_and = false;             // types AND terms (default: either)
    Rgba colour{90, 90, 90, 255};
    // The last preview: what the draft matches in the loaded incidents.
    std::string previewed; // the rule text and data the preview was computed for
    std::size_t preview_count = 0;
    std::string preview_message; // problem with the draft, or a note (unknown types)
    // The data's crime types for the checkboxes, counted once per data generation.
    std::vector<TypeCount> type_counts;
    std::uint64_t counted_generation = UINT64_MAX;

    bool open() const { return index >= 0; }
};

// Opens the editor on layers[index] (or a new layer when index == layers.size()).
LayerDraft draftFor(const std::vector<LayerRule>& layers, std::size_t index);

// The rule the draft describes: keeps the edited rule's key, months and visibility; a new
// layer gets a key from its name that no other layer uses.
Result<LayerRule> ruleFromDraft(const LayerDraft& draft, const std::vector<LayerRule>& layers);

// Recomputes the preview count and message when the draft or the data (`data_generation`)
// changed since the last preview, and the crime type counts when the data changed.
void refreshPreview(LayerDraft& draft, const std::vector<LayerRule>& layers,
                    const IncidentTable& incidents, std::uint64_t data_generation = 0);

// Replaces (or appends) the edited rule; the draft stays open on it.
Status applyDraft(LayerDraft& draft, std::vector<LayerRule>& layers);

// Removes layer `index`, with its weight in `weights` (indexed like the layers).
void removeLayer(std::vector<LayerRule>& layers, std::vector<float>& weights, std::size_t index);

// Incidents a rule matches.
std::size_t countMatches(const LayerRule& rule, const IncidentTable& incidents);

} // namespace sw::ui
