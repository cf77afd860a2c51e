// Target-area statistics over R-trees of the selected incidents.
#include "session/area_statistics.hpp"

#include "core/layer_rules.hpp"
#include "core/target_area.hpp"
#include "core/text.hpp"

#include <boost/geometry/index/rtree.hpp>
#include <boost/iterator/function_output_iterator.hpp>

#include <algorithm>
#include <unordered_map>

namespace sw {

namespace bgi = boost::geometry::index;

namespace {

using Entry = std::pair<Point, std::uint32_t>; // position, index into the period's arrays
using Tree = bgi::rtree<Entry, bgi::rstar<16>>;

double shapeAreaKm2(const MultiPolygon& shape) {
    return shapeArea(shape) / 1e6;
}

// One period's selected incidents.
struct PeriodPoints {
    MonthSpan period;
    bool has_data = false;
    Tree tree;
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
    p.has_data = session.months().covers(sel.from, sel.to);
    if (session.months().within(sel.from, sel.to).empty())
        return p; // nothing to count: a blank previous period
    auto s = selectIncidents(session, sel);
    if (!s)
        return s.failure();
    Selection& chosen = s.value();
    std::vector<Entry> entries;
    entries.reserve(chosen.rows.size());
    for (std::size_t i = 0; i < chosen.rows.size(); ++i) {
        entries.emplace_back(Point(chosen.points.x[i], chosen.points.y[i]),
                             static_cast<std::uint32_t>(i));
        p.weights.push_back(chosen.points.w.empty() ? 1.0 : chosen.points.w[i]);
        p.masks.push_back(masks.empty() ? 0u : masks[chosen.rows[i]]);
    }
    p.rows = std::move(chosen.rows);
    p.notes = std::move(chosen.notes);
    p.total = static_cast<std::int64_t>(p.rows.size());
    p.tree = Tree(entries.begin(), entries.end()); // packed: built in one pass
    return p;
}

} // namespace

struct AreaStatistics::Impl {
    const Session* session = nullptr;
    AreaStatsRequest request;
    PeriodPoints current, previous;
    std::vector<std::string> notes;
    double study_km2 = 0;
    std::optional<std::size_t> location_col;

    // Indices (into the period's arrays) of the points inside the shape.
    std::vector<std::uint32_t> inside(const PeriodPoints& p, const MultiPolygon& shape) const {
        std::vector<std::uint32_t> out;
        const Box box = bg::return_envelope<Box>(shape);
        p.tree.query(bgi::intersects(box),
                     boost::make_function_output_iterator([&](const Entry& e) {
                         if (bg::covered_by(e.first, shape))
                             out.push_back(e.second);
                     }));
        std::sort(out.begin(), out.end());
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
    if (cur.from == kNoMonth || cur.to == kNoMonth)
        return Error{"the incidents carry no months: an area's statistics need a period"};
    const auto masks = cur.layers.empty() ? std::vector<std::uint32_t>{}
                                          : layerMasks(cur.layers, session.incidents());
    auto current = periodPoints(session, cur, masks);
    if (!current)
        return current.failure();
    im.current = std::move(current.value());
    im.notes = im.current.notes;
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
    const Box box = bg::return_envelope<Box>(shape);
    double residents = 0;
    for (const auto& w : wards.wards) {
        if (!bg::intersects(box, bg::return_envelope<Box>(w.shape)))
            continue;
        MultiPolygon part;
        try {
            bg::intersection(shape, w.shape, part);
        } catch (const std::exception&) {
            continue; // an overlay Boost.Geometry cannot compute: the ward is left out
        }
        const double km2 = shapeAreaKm2(part);
        if (km2 <= 1e-9)
            continue;
        s.wards.push_back({w.code, w.name, km2, 0});
        s.area_in_study_km2 += km2;
        const std::size_t wi = static_cast<std::size_t>(&w - wards.wards.data());
        const auto& pop = im.session->data().population;
        if (wi < pop.size() && pop[wi] && w.area_km2 > 0)
            residents += *pop[wi] * km2 / w.area_km2;
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
    if (im.location_col) {
        const StringColumn& col = im.session->incidents().text[*im.location_col];
        std::unordered_map<std::string_view, std::int64_t> by_street;
        for (std::uint32_t i : in_now)
            if (const auto street = streetOf(col.at(im.current.rows[i])); !street.empty())
                ++by_street[street];
        for (const auto& [street, n] : by_street)
            s.streets.push_back({std::string(street), n});
        std::sort(s.streets.begin(), s.streets.end(), [](const auto& a, const auto& b) {
            return a.incidents != b.incidents ? a.incidents > b.incidents : a.street < b.street;
        });
        if (s.streets.size() > im.request.top_streets)
            s.streets.resize(im.request.top_streets);
    }
    return s;
}

std::vector<std::uint32_t> AreaStatistics::rowsInside(const MultiPolygon& shape) const {
    std::vector<std::uint32_t> rows;
    for (std::uint32_t i : impl_->inside(impl_->current, shape))
        rows.push_back(impl_->current.rows[i]);
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
