// Incident selection for analyses.
#include "session/incident_selection.hpp"

#include "core/incident_rows.hpp"

#include <algorithm>
#include <cmath>

namespace sw {

Status SelectionParams::validate() const {
    if (from_day != kNoDay && to_day != kNoDay && from_day > to_day)
        return badRequest("the period ends (" + formatDay(to_day) + ") before it starts (" +
                          formatDay(from_day) + ")");
    if ((from_day != kNoDay && from != monthOfDay(from_day)) ||
        (to_day != kNoDay && to != monthOfDay(to_day)))
        return badRequest("a period in days needs its months set to the days' months");
    if (from != kNoMonth && to != kNoMonth && from > to)
        return badRequest("the period ends (" + formatMonth(to) + ") before it starts (" +
                          formatMonth(from) + ")");
    if (layers.size() > 32)
        return badRequest("at most 32 layers at once");
    if (!layer_weights.empty() && layer_weights.size() != layers.size())
        return badRequest("one weight per layer is needed");
    for (double w : layer_weights)
        if (!std::isfinite(w) || w < 0)
            return badRequest("layer weights must be zero or positive numbers");
    return okStatus();
}

namespace {

// "period 2025-03-03..2025-03-30: dated sources by day; police.uk street-level crime has months
// only, read as 2025-03 whole (1,234 rows)".
std::string daysNote(const IncidentTable& t, const SelectionParams& p, std::size_t by_month) {
    std::string monthly;
    for (const auto& src : t.sources)
        if (!src.dated() && src.rows)
            monthly += (monthly.empty() ? "" : ", ") + src.name;
    if (monthly.empty())
        monthly = "some rows";
    const std::string span =
        formatMonth(p.from != kNoMonth ? p.from : p.to) +
        (p.from != kNoMonth && p.to != kNoMonth && p.from != p.to ? ".." + formatMonth(p.to)
                                                                  : std::string());
    return "period " + (p.from_day != kNoDay ? formatDay(p.from_day) : std::string()) + ".." +
           (p.to_day != kNoDay ? formatDay(p.to_day) : std::string()) +
           ": dated sources selected by day; " + monthly + " (months only) read by whole months " +
           span + " (" + std::to_string(by_month) + " rows)";
}

} // namespace

Result<Selection> selectIncidents(const Session& session, const SelectionParams& p) {
    if (auto st = p.validate(); !st)
        return st.failure();
    const IncidentTable& t = session.incidents();
    auto period = checkPeriod(session.months(), p.from, p.to);
    if (!period)
        return period.failure();
    const bool study_area = !session.wards().empty();
    Selection sel;
    sel.notes = std::move(period.value());
    std::optional<std::size_t> wcol;
    if (!p.weight_column.empty()) {
        wcol = t.textColumn(p.weight_column);
        if (!wcol)
            return badRequest("no column named '" + p.weight_column + "' in the incidents");
    }
    const auto masks = p.layers.empty() ? std::vector<std::uint32_t>{} : layerMasks(p.layers, t);
    // No layers: every crime (stop-and-search records only through their own layer).
    const auto crimes = p.layers.empty() ? t.rowsOfKind("") : std::vector<std::uint8_t>{};
    std::vector<std::size_t> per_layer(p.layers.size(), 0);
    std::size_t bad_weights = 0;
    // Harm weight per crime-type code, worked out on first sight (NaN: not yet; -1: none).
    std::vector<double> harm_of_code(p.harm.empty() ? 0 : t.crime_type.values().size(),
                                     std::nan(""));
    std::vector<std::size_t> unweighted(harm_of_code.size(), 0);
    std::size_t by_month = 0; // rows with no day in a period of days
    for (std::size_t i = 0; i < t.size(); ++i) {
        const MonthIndex m = t.month[i];
        if (p.from != kNoMonth && (m == kNoMonth || m < p.from))
            continue;
        if (p.to != kNoMonth && (m == kNoMonth || m > p.to))
            continue;
        if (!crimes.empty() && !crimes[i])
            continue;
        bool no_day = false;
        if (p.from_day != kNoDay || p.to_day != kNoDay) {
            const DayNumber d = t.dayOf(i);
            if (d != kNoDay &&
                ((p.from_day != kNoDay && d < p.from_day) || (p.to_day != kNoDay && d > p.to_day)))
                continue;
            no_day = d == kNoDay;
        }
        double w = 1.0;
        if (!p.layers.empty()) {
            if (!masks[i])
                continue;
            w = 0.0;
            for (std::size_t l = 0; l < p.layers.size(); ++l)
                if (masks[i] & (1u << l)) {
                    ++per_layer[l];
                    w = std::max(w, p.layer_weights.empty() ? 1.0 : p.layer_weights[l]);
                }
        }
        if (!harm_of_code.empty()) {
            const std::uint32_t code = t.crime_type.code(i);
            double& h = harm_of_code[code];
            if (std::isnan(h))
                h = p.harm.weightOf(t.crime_type.values()[code]).value_or(-1);
            if (h < 0) {
                if (!(study_area && t.ward[i] < 0))
                    ++unweighted[code];
                continue;
            }
            w *= h;
        }
        if (wcol) {
            const auto v = parseNumber(t.text[*wcol].at(i));
            if (!v || !std::isfinite(*v) || *v < 0) {
                ++bad_weights;
                continue;
            }
            w *= *v;
        }
        if (study_area && t.ward[i] < 0) {
            ++sel.outside_study_area;
            continue;
        }
        sel.points.x.push_back(t.x[i]);
        sel.points.y.push_back(t.y[i]);
        sel.points.w.push_back(w);
        sel.rows.push_back(static_cast<std::uint32_t>(i));
        by_month += no_day ? 1 : 0;
    }
    std::string no_weight;
    for (std::size_t code = 0; code < unweighted.size(); ++code)
        if (unweighted[code])
            no_weight += (no_weight.empty() ? "" : ", ") +
                         (t.crime_type.values()[code].empty() ? std::string("(no crime type)")
                                                              : t.crime_type.values()[code]) +
                         " (" + std::to_string(unweighted[code]) +
                         (unweighted[code] == 1 ? " incident)" : " incidents)");
    if (!no_weight.empty())
        return badRequest((p.harm.file.empty() ? std::string("the harm weights") : p.harm.file) +
                          " gives no weight for " + no_weight +
                          ": add a row for each, or '*,W' for every type not listed");
    if (!p.harm.empty())
        sel.notes.push_back(p.harm.describe());
    if (sel.outside_study_area)
        sel.notes.push_back(std::to_string(sel.outside_study_area) +
                            " incidents outside the study area (the loaded wards) left out");
    // Each layer's own sources: months of the period one of them does not cover are no data
    // for that layer (a partner's extract that stops in June), said, not taken as quiet.
    const MonthIndex from = p.from != kNoMonth ? p.from : session.months().first();
    const MonthIndex to = p.to != kNoMonth ? p.to : session.months().last();
    const std::size_t series = std::max<std::size_t>(1, p.layers.size());
    std::vector<std::uint8_t> no_data_layer(p.layers.size(), 0);
    for (std::size_t l = 0; l < series && from != kNoMonth && !t.sources.empty(); ++l) {
        std::vector<std::uint8_t> rows;
        if (!p.layers.empty()) {
            rows.resize(t.size());
            for (std::size_t i = 0; i < t.size(); ++i)
                rows[i] = (masks[i] >> l) & 1u;
        }
        const SelectionCoverage c = coverageOf(t, rows);
        if (c.covers(from, to))
            continue;
        if (l < no_data_layer.size() && !c.anyIn(from, to))
            no_data_layer[l] = 1; // said below as no data, not as matching nothing
        std::string missing;
        for (const auto& n : c.missingNotes(t, from, to))
            missing += (missing.empty() ? "" : "; ") + n;
        if (!missing.empty())
            sel.notes.push_back((p.layers.empty() ? std::string("every crime")
                                                  : "layer '" + p.layers[l].name + "'") +
                                ": " + missing + " (no data there, not zero)");
    }
    for (std::size_t l = 0; l < p.layers.size(); ++l)
        if (per_layer[l] == 0 && !no_data_layer[l])
            sel.notes.push_back("layer '" + p.layers[l].name +
                                "' matches no incidents in the period");
    if (by_month)
        sel.notes.push_back(daysNote(t, p, by_month));
    if (bad_weights)
        sel.notes.push_back(std::to_string(bad_weights) + " incidents left out: their '" +
                            p.weight_column + "' value is not a non-negative number");
    return sel;
}

} // namespace sw
