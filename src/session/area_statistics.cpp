// Target-area statistics over cell buckets (core/point_grid) of the selected incidents.
#include "session/area_statistics.hpp"

#include "core/layer_rules.hpp"
#include "core/point_grid.hpp"
#include "core/target_area.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <cctype>
#include <unordered_map>

namespace sw {

namespace {

double shapeAreaKm2(const MultiPolygon& shape) {
    return shapeArea(shape) / 1e6;
}

} // namespace

// One period's selected incidents (a named namespace: AreaStatistics::Impl holds two).
namespace area_statistics_detail {

struct PeriodPoints {
    MonthSpan period;
    bool has_data = false;
    PointGrid grid; // index into the period's arrays
    std::vector<std::uint32_t> rows;
    std::vector<double> weights;
    std::vector<std::uint32_t> masks; // layer bits
    std::int64_t total = 0;
    std::vector<std::string> notes;
};

Result<PeriodPoints> periodPoints(const Session& session, SelectionParams sel,
                                  const std::vector<std::uint32_t>& masks) {
    PeriodPoints p;
    p.period = {sel.from, sel.to};
    const bool undated = session.months().empty(); // no months at all: every incident counts
    // Every month, from every source of the selected layers (a partner's extract too).
    p.has_data = undated || (session.months().covers(sel.from, sel.to) &&
                             session.monthsOf(sel.layers).covers(sel.from, sel.to));
    if (!undated && session.months().within(sel.from, sel.to).empty())
        return p; // nothing to count: a blank previous period
    auto s = selectIncidents(session, sel);
    if (!s)
        return s.failure();
    Selection& chosen = s.value();
    for (std::size_t i = 0; i < chosen.rows.size(); ++i) {
        p.weights.push_back(chosen.points.w.empty() ? 1.0 : chosen.points.w[i]);
        p.masks.push_back(masks.empty() ? 0u : masks[chosen.rows[i]]);
    }
    p.rows = std::move(chosen.rows);
    p.notes = std::move(chosen.notes);
    p.total = static_cast<std::int64_t>(p.rows.size());
    p.grid = PointGrid(chosen.points.x, chosen.points.y);
    return p;
}

} // namespace area_statistics_detail
using area_statistics_detail::PeriodPoints;
using area_statistics_detail::periodPoints;

struct AreaStatistics::Impl {
    const Session* session = nullptr;
    AreaStatsRequest request;
    PeriodPoints current, previous;
    std::vector<std::string> notes;
    double study_km2 = 0;
    std::optional<std::size_t> location_col;
    // The current period's points' streets (-1: none), counted by index in of(): police.uk's
    // location text repeats, so each distinct text is read once here, not per point per frame.
    std::vector<std::int32_t> street_of_point;
    std::vector<std::string> street_names;

    void indexStreets() {
        if (!location_col)
            return;
        const StringColumn& col = session->incidents().text[*location_col];
        std::unordered_map<std::string_view, std::int32_t> ids;
        const auto idOf = [&](std::string_view location) -> std::int32_t {
            const std::string_view street = streetOf(location);
            if (street.empty())
                return -1;
            auto [it, added] = ids.try_emplace(street, static_cast<std::int32_t>(ids.size()));
            if (added)
                street_names.push_back(possessiveFixed(street));
            return it->second;
        };
        street_of_point.reserve(current.rows.size());
        if (col.kind() == StringColumn::Kind::Dictionary) {
            std::vector<std::int32_t> by_code(col.values().size());
            for (std::size_t c = 0; c < by_code.size(); ++c)
                by_code[c] = idOf(col.values()[c]);
            for (auto row : current.rows)
                street_of_point.push_back(by_code[col.code(row)]);
        } else {
            for (auto row : current.rows)
                street_of_point.push_back(idOf(col.at(row)));
        }
    }

    // Indices (into the period's arrays) of the points inside the shape, in no order.
    std::vector<std::uint32_t> inside(const PeriodPoints& p, const MultiPolygon& shape) const {
        std::vector<std::uint32_t> out;
        p.grid.inside(shape, out);
        return out;
    }

    PeriodCounts count(const PeriodPoints& p, const std::vector<std::uint32_t>& in,
                       double area_in_study_km2) const {
        PeriodCounts c;
        c.period = p.period;
        c.has_data = p.has_data;
        c.per_layer.assign(request.selection.layers.size(), 0);
        for (std::uint32_t i : in) {
            ++c.incidents;
            c.weighted += p.weights[i];
            for (std::size_t l = 0; l < c.per_layer.size(); ++l)
                if (p.masks[i] & (1u << l))
                    ++c.per_layer[l];
        }
        c.study_incidents = p.total;
        c.share = p.total > 0 ? static_cast<double>(c.incidents) / static_cast<double>(p.total) : 0;
        if (p.total > 0 && area_in_study_km2 > 0 && study_km2 > 0)
            c.pai = c.share / (area_in_study_km2 / study_km2);
        return c;
    }
};

AreaStatistics::AreaStatistics() : impl_(std::make_unique<Impl>()) {}
AreaStatistics::AreaStatistics(AreaStatistics&&) noexcept = default;
AreaStatistics& AreaStatistics::operator=(AreaStatistics&&) noexcept = default;
AreaStatistics::~AreaStatistics() = default;

double studyAreaKm2(const Session& session) {
    double km2 = 0;
    for (const auto& w : session.wards().wards)
        km2 += w.area_km2;
    return km2;
}

std::vector<WardPart> wardParts(const WardSet& wards, const MultiPolygon& shape) {
    std::vector<WardPart> out;
    const Box box = bg::return_envelope<Box>(shape);
    for (std::size_t wi = 0; wi < wards.wards.size(); ++wi) {
        const Ward& w = wards.wards[wi];
        if (!bg::intersects(box, bg::return_envelope<Box>(w.shape)))
            continue;
        MultiPolygon part;
        try {
            bg::intersection(shape, w.shape, part);
        } catch (const std::exception&) {
            continue; // an overlay Boost.Geometry cannot compute: the ward is left out
        }
        if (const double km2 = shapeAreaKm2(part); km2 > 1e-9)
            out.push_back({wi, km2});
    }
    return out;
}

std::string possessiveFixed(std::string_view street) {
    std::string s(street);
    for (std::size_t i = 1; i + 1 < s.size(); ++i)
        if (s[i] == '\'' && s[i + 1] == 'S' && std::isalpha(static_cast<unsigned char>(s[i - 1])) &&
            (i + 2 == s.size() || !std::isalpha(static_cast<unsigned char>(s[i + 2]))))
            s[i + 1] = 's';
    return s;
}

std::string_view streetOf(std::string_view location) {
    location = trim(location);
    constexpr std::string_view prefix = "On or near ";
    if (location.size() >= prefix.size() &&
        equalsIgnoreCase(location.substr(0, prefix.size()), prefix))
        location.remove_prefix(prefix.size());
    if (equalsIgnoreCase(location, "No Location"))
        return {};
    return trim(location);
}

bool isPlaceType(std::string_view street) {
    static constexpr std::string_view kTypes[] = {"Parking Area",
                                                  "Supermarket",
                                                  "Shopping Area",
                                                  "Petrol Station",
                                                  "Sports/Recreation Area",
                                                  "Hospital",
                                                  "Police Station",
                                                  "Nightclub",
                                                  "Park/Open Space",
                                                  "Prison",
                                                  "Bus/Coach Station",
                                                  "Theatre/Concert Hall",
                                                  "Further/Higher Educational Building",
                                                  "Conference/Exhibition Centre",
                                                  "Train Station",
                                                  "Airport/Airfield",
                                                  "Pedestrian Subway",
                                                  "Hotel/Motel",
                                                  "Religious Site",
                                                  "Sports Ground"};
    for (std::string_view t : kTypes)
        if (equalsIgnoreCase(street, t))
            return true;
    return false;
}

std::string areaNameFrom(const AreaStats& stats, const std::string& id) {
    for (const auto& s : stats.streets)
        if (!isPlaceType(s.street))
            return "Near " + s.street;
    return stats.streets.empty() ? "Area " + id : "Near " + stats.streets.front().street;
}

Result<AreaStatistics> AreaStatistics::prepare(const Session& session,
                                               const AreaStatsRequest& request) {
    if (auto st = request.selection.validate(); !st)
        return st.failure();
    AreaStatistics out;
    Impl& im = *out.impl_;
    im.session = &session;
    im.request = request;
    im.study_km2 = studyAreaKm2(session);
    im.location_col = session.incidents().textColumn("Location");
    SelectionParams cur = request.selection;
    if (cur.from == kNoMonth)
        cur.from = session.months().first();
    if (cur.to == kNoMonth)
        cur.to = session.months().last();
    const auto masks = cur.layers.empty() ? std::vector<std::uint32_t>{}
                                          : layerMasks(cur.layers, session.incidents());
    auto current = periodPoints(session, cur, masks);
    if (!current)
        return current.failure();
    im.current = std::move(current.value());
    im.notes = im.current.notes;
    if (session.months().empty()) { // no months: every incident, and no previous period
        im.previous.period = {kNoMonth, kNoMonth};
        im.indexStreets();
        return out;
    }
    if (session.months().within(cur.from, cur.to).empty())
        return Error{"the period " + formatSpan({cur.from, cur.to}) +
                     " has no data: the data covers " + session.months().describe()};
    SelectionParams prev = cur;
    const MonthIndex len = cur.to - cur.from + 1;
    prev.from = cur.from - len;
    prev.to = cur.from - 1;
    auto previous = periodPoints(session, prev, masks);
    if (!previous)
        return previous.failure();
    im.previous = std::move(previous.value());
    im.indexStreets();
    return out;
}

AreaStats AreaStatistics::of(const MultiPolygon& shape) const {
    const Impl& im = *impl_;
    AreaStats s;
    s.area_km2 = shapeAreaKm2(shape);
    s.study_area_km2 = im.study_km2;
    for (const auto& l : im.request.selection.layers)
        s.layer_names.push_back(l.name);
    // The wards it touches, and how much of it lies in each.
    const WardSet& wards = im.session->wards();
    double residents = 0;
    const auto& pop = im.session->data().population;
    for (const WardPart& part : wardParts(wards, shape)) {
        const Ward& w = wards.wards[part.ward];
        s.wards.push_back({w.code, w.name, part.km2, 0});
        s.area_in_study_km2 += part.km2;
        if (part.ward < pop.size() && pop[part.ward] && w.area_km2 > 0)
            residents += *pop[part.ward] * part.km2 / w.area_km2;
        else if (!pop.empty())
            s.residents_partial = true;
    }
    if (wards.wards.empty())
        s.area_in_study_km2 = s.area_km2;
    for (auto& w : s.wards)
        w.share_of_area = s.area_in_study_km2 > 0 ? w.km2 / s.area_in_study_km2 : 0;
    std::sort(s.wards.begin(), s.wards.end(),
              [](const WardShare& a, const WardShare& b) { return a.km2 > b.km2; });
    if (!im.session->data().population.empty() && !s.wards.empty())
        s.residents = residents;
    s.partly_outside = s.area_in_study_km2 < s.area_km2 * (1 - 1e-6);

    const auto in_now = im.inside(im.current, shape);
    s.current = im.count(im.current, in_now, s.area_in_study_km2);
    s.previous = im.count(im.previous, im.inside(im.previous, shape), s.area_in_study_km2);
    // Streets with the most incidents inside.
    std::vector<std::int64_t> counts(im.street_names.size(), 0);
    std::vector<std::int32_t> touched;
    if (!im.street_of_point.empty()) // no Location column: no streets
        for (std::uint32_t i : in_now)
            if (const std::int32_t st = im.street_of_point[i]; st >= 0 && counts[st]++ == 0)
                touched.push_back(st);
    for (std::int32_t st : touched)
        s.streets.push_back(
            {im.street_names[static_cast<std::size_t>(st)], counts[static_cast<std::size_t>(st)]});
    const auto busier = [](const StreetCount& a, const StreetCount& b) {
        return a.incidents != b.incidents ? a.incidents > b.incidents : a.street < b.street;
    };
    const std::size_t top = std::min(s.streets.size(), im.request.top_streets);
    std::partial_sort(s.streets.begin(), s.streets.begin() + static_cast<std::ptrdiff_t>(top),
                      s.streets.end(), busier);
    s.streets.resize(top);
    return s;
}

std::vector<std::uint32_t> AreaStatistics::rowsInside(const MultiPolygon& shape) const {
    std::vector<std::uint32_t> rows;
    for (std::uint32_t i : impl_->inside(impl_->current, shape))
        rows.push_back(impl_->current.rows[i]);
    std::sort(rows.begin(), rows.end()); // table order
    return rows;
}

const std::vector<std::string>& AreaStatistics::notes() const {
    return impl_->notes;
}

std::int64_t AreaStatistics::studyIncidents() const {
    return impl_->current.total;
}

MonthSpan AreaStatistics::period() const {
    return impl_->current.period;
}

} // namespace sw
