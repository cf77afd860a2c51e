// The board report's district figures: which are published, and which are withheld.
#include "session/board_disclosure.hpp"

#include "core/disclosure_control.hpp"
#include "core/layer_rules.hpp"

#include <algorithm>

namespace sw {

std::vector<std::uint8_t> publishedLayers(const Session& s, const std::vector<LayerRule>& layers) {
    const IncidentTable& t = s.incidents();
    std::vector<std::uint8_t> police_file(t.files.size(), 0);
    for (std::size_t f = 0; f < t.files.size(); ++f)
        for (const auto& r : s.report().incidents)
            if (r.path == t.files[f] && r.format.rfind("police.uk ", 0) == 0)
                police_file[f] = 1;
    const bool all_police =
        std::all_of(police_file.begin(), police_file.end(), [](std::uint8_t p) { return p != 0; });
    if (layers.empty())
        return {static_cast<std::uint8_t>(all_police)};
    std::vector<std::uint8_t> out(layers.size(), 1);
    for (std::size_t l = 0; l < layers.size(); ++l)
        if (!layers[l].text_terms.empty())
            out[l] = 0; // police.uk publishes no free text to match terms in
    if (!all_police) {
        const auto masks = layerMasks(layers, t);
        for (std::size_t row = 0; row < t.size(); ++row)
            if (!police_file[t.file[row]])
                for (std::size_t l = 0; l < layers.size(); ++l)
                    if (masks[row] >> l & 1U)
                        out[l] = 0;
    }
    return out;
}

BoardDisclosure boardDisclosure(const BoardFigures& f, const std::vector<std::uint8_t>& pub,
                                std::int64_t threshold) {
    BoardDisclosure d;
    d.threshold = threshold;
    d.series_public = pub;
    d.series_public.resize(f.monthly.names.size(), 0);
    d.any_public = std::all_of(d.series_public.begin(), d.series_public.end(),
                               [](std::uint8_t p) { return p != 0; });
    DisclosureTable table;
    constexpr std::size_t kNone = SIZE_MAX;
    const std::size_t outside = table.add(f.outside_wards, !d.any_public);
    const auto cellOf = [&](const std::optional<std::int64_t>& v, bool published) {
        return v ? table.add(*v, !published) : kNone;
    };
    // Headline rows: one per series, then "Any of the layers" when there are several.
    std::vector<std::array<std::size_t, 3>> head;
    for (std::size_t i = 0; i < f.headline.size(); ++i) {
        const auto& h = f.headline[i];
        const bool published = i < d.series_public.size() ? d.series_public[i] : d.any_public;
        head.push_back({cellOf(h.count, published), cellOf(h.previous, published),
                        cellOf(h.last_year, published)});
    }
    // Months: each series' months add up to its headline figure over each period.
    const MonthlyCounts& m = f.monthly;
    std::vector<std::vector<std::size_t>> month_cells(m.names.size());
    for (std::size_t s = 0; s < m.names.size(); ++s)
        for (MonthIndex mo = m.span.first; mo <= m.span.last; ++mo)
            month_cells[s].push_back(cellOf(m.at(s, mo), d.series_public[s]));
    const MonthSpan spans[3] = {f.period, f.previous, f.last_year};
    for (std::size_t s = 0; s < m.names.size() && s < head.size(); ++s)
        for (int c = 0; c < 3; ++c) {
            if (head[s][c] == kNone || spans[c].first < m.span.first)
                continue;
            std::vector<DisclosureTable::Term> terms{{head[s][c], -1}};
            bool complete = true;
            for (MonthIndex mo = spans[c].first; mo <= spans[c].last; ++mo) {
                const std::size_t cell =
                    month_cells[s][static_cast<std::size_t>(mo - m.span.first)];
                complete = complete && cell != kNone;
                if (cell != kNone)
                    terms.push_back({cell, 1});
            }
            if (complete)
                table.addLine(std::move(terms));
        }
    // Crime types: they add up to the incidents in any of the layers (the last headline row).
    std::vector<std::array<std::size_t, 3>> types;
    for (const auto& ct : f.crime_types)
        types.push_back({cellOf(ct.count, d.any_public), cellOf(ct.previous, d.any_public),
                         cellOf(ct.last_year, d.any_public)});
    if (!head.empty())
        for (int c = 0; c < 3; ++c) {
            if (head.back()[c] == kNone)
                continue;
            std::vector<DisclosureTable::Term> terms{{head.back()[c], -1}};
            for (const auto& t : types)
                if (t[c] != kNone)
                    terms.push_back({t[c], 1});
            table.addLine(std::move(terms));
        }
    const SuppressionResult res = suppressSmallCounts(table, threshold);
    d.primary = res.primary;
    d.secondary = res.secondary;
    const auto shown = [&](std::size_t cell) {
        if (cell == kNone || !res.suppressed[cell])
            return Shown::Yes;
        const auto v = table.values[cell];
        return table.primary[cell] && v >= 1 && v < threshold ? Shown::Small : Shown::Complement;
    };
    d.outside_wards = shown(outside);
    for (const auto& h : head)
        d.headline.push_back({shown(h[0]), shown(h[1]), shown(h[2])});
    for (const auto& t : types)
        d.crime_types.push_back({shown(t[0]), shown(t[1]), shown(t[2])});
    for (const auto& series : month_cells) {
        d.monthly.emplace_back();
        for (std::size_t cell : series)
            d.monthly.back().push_back(shown(cell));
    }
    return d;
}

} // namespace sw
