// The board report's district-wide figures under the disclosure rule. police.uk publishes the
// street-level counts of a district by crime type and month, so figures built only from its
// files and only on what it publishes (crime types, months) are shown in full; a layer that
// holds rows of any other source (a partner's own extract) or matches free-text terms (a
// "knife" layer) counts what nobody publishes, so its counts 1 to N-1 are withheld as the ward
// tables' are, with the complements that keep them from being worked out by subtraction (the
// months add up to the period; the crime types add up to the incidents in any of the layers).
#pragma once

#include "session/board_figures.hpp"

#include <array>
#include <cstdint>
#include <vector>

namespace sw {

// What a printed figure is: shown, a small count (printed "<N"), or withheld with one ("[c]").
enum class Shown : std::uint8_t { Yes, Small, Complement };

struct BoardDisclosure {
    std::vector<std::uint8_t> series_public; // per monthly series (layer): police.uk's alone
    bool any_public = true;                  // every layer is (the crime types, the total)
    // [row][0: the period, 1: previous, 2: year earlier], as the figures' rows.
    std::vector<std::array<Shown, 3>> headline, crime_types;
    std::vector<std::vector<Shown>> monthly; // [series][month - monthly.span.first]
    Shown outside_wards = Shown::Yes;        // the incidents in the period outside every ward
    std::size_t primary = 0, secondary = 0;  // cells withheld, by reason
    std::int64_t threshold = 0;              // counts 1..threshold-1 are small

    bool anyWithheld() const { return primary + secondary > 0; }
};

// Whether each layer counts only what police.uk publishes in this session's data: no text
// terms, and every row it matches from a police.uk file. No layers: every crime.
std::vector<std::uint8_t> publishedLayers(const Session& session,
                                          const std::vector<LayerRule>& layers);

// threshold N: counts 1..N-1 of unpublished figures are withheld (N <= 1: none are).
BoardDisclosure boardDisclosure(const BoardFigures& figures,
                                const std::vector<std::uint8_t>& series_public,
                                std::int64_t threshold);

} // namespace sw
