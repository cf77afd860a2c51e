// Pack layers: one builder per layer, each giving its fields, rows, style and disclosure rules.
#include "session/pack_tables.hpp"

#include "core/calendar_date.hpp"
#include "core/class_breaks.hpp"
#include "core/colour_ramps.hpp"
#include "io/region_polygons.hpp"
#include "session/area_statistics.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <tuple>

namespace sw {
namespace {

using io::FieldSpec;
using io::FieldValue;
using io::OutLayer;
using T = FieldSpec::Type;

double round3(double v) {
    return std::round(v * 1000.0) / 1000.0;
}

void addFlagFields(OutLayer& l) {
    l.fields.push_back({"suppressed", T::Integer});
    l.fields.push_back({"suppressed_fields", T::Text});
}

// The layer-key count fields' indices, in layer order.
std::vector<std::size_t> layerFields(const OutLayer& l, const std::vector<std::string>& keys) {
    std::vector<std::size_t> out;
    for (const auto& k : keys)
        out.push_back(l.fieldIndex(k));
    return out;
}

// Every field name the pack's tables use besides the layer counts.
constexpr const char* kTableFields[] = {
    "area_id",           "name",          "status",         "week_start",
    "lead_agency",       "partners",      "notes",          "locked",
    "shape_kind",        "radius_m",      "area_km2",       "incidents",
    "share_pct",         "pai",           "prev_incidents", "change",
    "residents",         "wards",         "top_streets",    "suppressed",
    "suppressed_fields", "rank",          "peak_density",   "gi_bin",
    "confidence",        "cells",         "ward_code",      "ward_name",
    "population",        "rate_per_1000", "change_pct",     "last_year_incidents",
    "last_year_change",  "month",         "crime_type",     "location"};

// Count fields named after the layers; a key that is also one of the tables' own names gets
// "n_" in front (a layer keyed "change" must not become a second "change").
std::vector<std::string> layerFieldNames(const std::vector<LayerRule>& layers) {
    std::vector<std::string> out;
    for (const auto& r : layers) {
        std::string k = r.key;
        for (const char* f : kTableFields)
            if (k == f)
                k = "n_" + k;
        out.push_back(k);
    }
    return out;
}

io::LayerStyle singleStyle(const std::string& name, Rgba fill, Rgba outline,
                           const std::string& label = {}) {
    io::LayerStyle s;
    s.name = name;
    s.classes.push_back({"", 0, 0, "", fill, outline});
    s.label_field = label;
    return s;
}

struct Context {
    const Session& session;
    const PackContentRequest& request;
    const Selection& selection;
    std::vector<std::uint32_t> masks; // layer masks of the selected incidents
    std::vector<std::string> keys;    // the layer count fields
    PackContent& out;
};

void finish(Context& cx, OutLayer layer, const DisclosureSpec& spec) {
    PackLayerSummary s;
    s.name = layer.name;
    s.features = layer.rows.size();
    s.disclosure = applyDisclosure(layer, spec, cx.request.suppress);
    cx.out.summaries.push_back(s);
    cx.out.layers.push_back(std::move(layer));
}

// Relations of the incidents field with the layer fields in every row.
void addLayerRelations(Context& cx, const OutLayer& l, DisclosureSpec& spec) {
    const auto rel =
        layerFieldRelations(cx.masks, l.fieldIndex("incidents"), layerFields(l, cx.keys));
    spec.row_relations.insert(spec.row_relations.end(), rel.begin(), rel.end());
    spec.counts.push_back(l.fieldIndex("incidents"));
    for (std::size_t f : layerFields(l, cx.keys))
        spec.counts.push_back(f);
}

Status targetAreas(Context& cx, const Plan& plan) {
    AreaStatsRequest ar;
    ar.selection = cx.request.selection;
    ar.top_streets = 5;
    auto prepared = AreaStatistics::prepare(cx.session, ar);
    if (!prepared)
        return prepared.failure();
    cx.out.period = prepared.value().period();
    OutLayer l;
    l.name = "target_areas";
    l.title = "Street-week target areas: schedule and statistics";
    l.fields = {{"area_id", T::Text},    {"name", T::Text},        {"status", T::Text},
                {"week_start", T::Date}, {"lead_agency", T::Text}, {"partners", T::Text},
                {"notes", T::Text},      {"locked", T::Integer},   {"shape_kind", T::Text},
                {"radius_m", T::Real},   {"area_km2", T::Real},    {"incidents", T::Integer}};
    for (const auto& k : cx.keys)
        l.fields.push_back({k, T::Integer});
    for (FieldSpec f : {FieldSpec{"share_pct", T::Real}, FieldSpec{"pai", T::Real},
                        FieldSpec{"prev_incidents", T::Integer}, FieldSpec{"change", T::Integer},
                        FieldSpec{"residents", T::Integer}, FieldSpec{"wards", T::Text},
                        FieldSpec{"top_streets", T::Text}})
        l.fields.push_back(f);
    addFlagFields(l);
    for (const auto& a : plan.areas) {
        const AreaStats st = prepared.value().of(a.shape);
        std::vector<FieldValue> row = {
            a.id, a.name, a.excluded ? std::string("excluded") : std::string(statusName(a.status))};
        if (a.week == kNoDay) {
            row.emplace_back(std::monostate{});
        } else {
            io::DateValue d;
            civilFromDays(a.week, d.year, d.month, d.day);
            row.emplace_back(d);
        }
        row.insert(row.end(), {a.lead, a.partners, a.notes, std::int64_t(a.locked ? 1 : 0),
                               std::string(shapeName(a.shape_kind))});
        row.push_back(a.shape_kind == AreaShape::Circle ? FieldValue(a.radius_m)
                                                        : std::monostate{});
        row.emplace_back(round3(st.area_km2));
        row.emplace_back(st.current.incidents);
        for (std::size_t k = 0; k < cx.keys.size(); ++k)
            row.emplace_back(k < st.current.per_layer.size() ? st.current.per_layer[k] : 0);
        row.emplace_back(round3(st.current.share * 100));
        row.push_back(st.current.pai ? FieldValue(round3(*st.current.pai)) : std::monostate{});
        if (st.previous.has_data) {
            row.emplace_back(st.previous.incidents);
            row.emplace_back(st.current.incidents - st.previous.incidents);
        } else {
            row.insert(row.end(), {std::monostate{}, std::monostate{}});
        }
        row.push_back(st.residents ? FieldValue(std::int64_t(std::llround(*st.residents)))
                                   : std::monostate{});
        std::string wards, streets;
        for (const auto& w : st.wards)
            wards += (wards.empty() ? "" : "; ") + w.name;
        for (const auto& s : st.streets)
            streets += (streets.empty() ? "" : "; ") + s.street;
        row.insert(row.end(), {wards, streets, std::monostate{}, std::monostate{}});
        l.rows.push_back(std::move(row));
        l.shapes.push_back(a.shape);
    }
    DisclosureSpec spec;
    addLayerRelations(cx, l, spec);
    const std::size_t inc = l.fieldIndex("incidents"), prev = l.fieldIndex("prev_incidents"),
                      chg = l.fieldIndex("change");
    spec.counts.push_back(prev);
    spec.row_relations.push_back({{inc, 1}, {prev, -1}, {chg, -1}});
    spec.derived = {{l.fieldIndex("share_pct"), {inc}}, {l.fieldIndex("pai"), {inc}}};
    l.style.kind = io::LayerStyle::Kind::Categorised;
    l.style.name = "streetweek target areas";
    l.style.field = "status";
    l.style.label_field = "name";
    l.style.outline_mm = 0.8;
    for (const auto& [value, label, status, excluded] :
         {std::tuple{"proposed", "Proposed", AreaStatus::Proposed, false},
          std::tuple{"approved", "Approved", AreaStatus::Approved, false},
          std::tuple{"done", "Done", AreaStatus::Done, false},
          std::tuple{"excluded", "Excluded zone", AreaStatus::Proposed, true}}) {
        Rgba c = areaStatusColour(status, excluded), fill = c;
        fill.a = 70;
        l.style.classes.push_back({value, 0, 0, label, fill, c});
    }
    finish(cx, std::move(l), spec);
    return okStatus();
}

Status hotspotsLayer(Context& cx, const HotspotResult& hr) {
    OutLayer l;
    l.name = "hotspots";
    l.title = "Hotspots: " + hr.resolved.radius_note;
    l.fields = {{"rank", T::Integer}, {"area_km2", T::Real}, {"incidents", T::Integer}};
    for (const auto& k : cx.keys)
        l.fields.push_back({k, T::Integer});
    for (FieldSpec f : {FieldSpec{"share_pct", T::Real}, FieldSpec{"pai", T::Real},
                        FieldSpec{"peak_density", T::Real}, FieldSpec{"wards", T::Text}})
        l.fields.push_back(f);
    addFlagFields(l);
    for (const auto& h : hr.hotspots) {
        std::vector<FieldValue> row = {std::int64_t(h.stats.rank), round3(h.stats.area_km2),
                                       h.stats.incidents};
        for (std::size_t k = 0; k < cx.keys.size(); ++k)
            row.emplace_back(k < h.stats.per_layer.size() ? h.stats.per_layer[k] : 0);
        std::string wards;
        for (const auto& w : h.wards)
            wards += (wards.empty() ? "" : "; ") + w;
        row.insert(row.end(), {round3(h.stats.share * 100), round3(h.stats.pai),
                               std::round(h.stats.peak * 1e4) / 1e4, wards, std::monostate{},
                               std::monostate{}});
        l.rows.push_back(std::move(row));
        l.shapes.push_back(h.shape);
    }
    DisclosureSpec spec;
    addLayerRelations(cx, l, spec);
    const std::size_t inc = l.fieldIndex("incidents");
    spec.derived = {{l.fieldIndex("share_pct"), {inc}}, {l.fieldIndex("pai"), {inc}}};
    l.style = singleStyle("streetweek hotspots", {220, 30, 30, 90}, {170, 0, 0, 255}, "rank");
    finish(cx, std::move(l), spec);
    return okStatus();
}

Status giStarLayer(Context& cx, const GiStarSpots& gs) {
    const GiStarResult& r = gs.result;
    RegionLabels classes;
    classes.label.assign(r.bin.size(), 0);
    classes.count = 7;
    for (std::size_t i = 0; i < r.bin.size(); ++i)
        if (r.in_study.empty() || r.in_study[i])
            classes.label[i] = r.bin[i] + 4; // -3..3 -> 1..7
    auto shapes = io::polygonizeRegions(r.counts, classes);
    if (!shapes)
        return shapes.failure();
    std::array<std::int64_t, 7> incidents{}, cells{};
    for (std::size_t i = 0; i < classes.label.size(); ++i)
        if (classes.label[i])
            ++cells[static_cast<std::size_t>(classes.label[i] - 1)];
    const auto& pts = cx.selection.points;
    for (std::size_t i = 0; i < pts.x.size(); ++i) {
        const auto c = cellIndex(r.counts, pts.x[i], pts.y[i]);
        if (c >= 0 && classes.label[static_cast<std::size_t>(c)])
            ++incidents[static_cast<std::size_t>(classes.label[static_cast<std::size_t>(c)] - 1)];
    }
    OutLayer l;
    l.name = "gistar_classes";
    l.title = "Getis-Ord Gi* hot and cold spots (one polygon per confidence class)";
    l.fields = {{"gi_bin", T::Integer},
                {"confidence", T::Text},
                {"cells", T::Integer},
                {"area_km2", T::Real},
                {"incidents", T::Integer}};
    addFlagFields(l);
    const double cell_km2 = r.cell_size_m * r.cell_size_m / 1e6;
    for (int bin = 3; bin >= -3; --bin) {
        const auto k = static_cast<std::size_t>(bin + 3);
        if (!cells[k])
            continue;
        l.rows.push_back({std::int64_t(bin), std::string(giBinLabel(bin)), cells[k],
                          round3(static_cast<double>(cells[k]) * cell_km2), incidents[k],
                          std::monostate{}, std::monostate{}});
        l.shapes.push_back(shapes.value()[k]);
    }
    DisclosureSpec spec;
    spec.counts = {l.fieldIndex("incidents")};
    spec.column_totals = {l.fieldIndex("incidents")};
    l.style.kind = io::LayerStyle::Kind::Categorised;
    l.style.name = "streetweek Gi* classes";
    l.style.field = "gi_bin";
    l.style.outline_mm = 0;
    for (int bin = 3; bin >= -3; --bin) {
        Rgba c = giBinColour(bin);
        l.style.classes.push_back(
            {std::to_string(bin), 0, 0, giBinLabel(bin), c, bin == 0 ? Rgba{0, 0, 0, 0} : c});
    }
    finish(cx, std::move(l), spec);
    return okStatus();
}

io::LayerStyle wardStyle(const OutLayer& l, const std::string& field) {
    io::LayerStyle s;
    s.name = "streetweek ward profiles";
    s.label_field = "ward_name";
    const std::size_t f = l.fieldIndex(field);
    std::vector<double> values;
    for (const auto& row : l.rows) {
        if (const auto* d = std::get_if<double>(&row[f]))
            values.push_back(*d);
        else if (const auto* i = std::get_if<std::int64_t>(&row[f]))
            values.push_back(static_cast<double>(*i));
    }
    const ClassBreaks br = computeBreaks(values, 5, BreakMethod::Quantiles);
    if (br.size() < 2)
        return singleStyle(s.name, {250, 220, 160, 120}, {90, 90, 90, 255}, "ward_name");
    s.kind = io::LayerStyle::Kind::Graduated;
    s.field = field;
    const auto colours = rampClasses(Ramp::YlOrRd, static_cast<int>(br.size()));
    for (std::size_t k = 0; k < br.size(); ++k) {
        char label[64];
        std::snprintf(label, sizeof label, "%g - %g", br.lower[k], br.upper[k]);
        Rgba fill = colours[k];
        fill.a = 200;
        s.classes.push_back({"", br.lower[k], br.upper[k], label, fill, {90, 90, 90, 255}});
    }
    return s;
}

Status wardProfiles(Context& cx) {
    ProfileParams pp;
    pp.from = cx.request.selection.from;
    pp.to = cx.request.selection.to;
    pp.layers = cx.request.selection.layers;
    auto prof = cx.session.wardProfile(pp);
    if (!prof)
        return prof.failure();
    const WardProfile& p = prof.value();
    OutLayer l;
    l.name = "ward_profiles";
    l.title = "Ward profiles: incidents, rate per 1,000 residents and change";
    l.fields = {{"ward_code", T::Text}, {"ward_name", T::Text}, {"incidents", T::Integer}};
    for (const auto& k : cx.keys)
        l.fields.push_back({k, T::Integer});
    for (FieldSpec f :
         {FieldSpec{"population", T::Integer}, FieldSpec{"rate_per_1000", T::Real},
          FieldSpec{"rank", T::Integer}, FieldSpec{"prev_incidents", T::Integer},
          FieldSpec{"change", T::Integer}, FieldSpec{"change_pct", T::Real},
          FieldSpec{"last_year_incidents", T::Integer}, FieldSpec{"last_year_change", T::Integer}})
        l.fields.push_back(f);
    addFlagFields(l);
    const auto opt = [](const auto& o) -> FieldValue {
        if (!o)
            return std::monostate{};
        using V = std::decay_t<decltype(*o)>;
        if constexpr (std::is_floating_point_v<V>)
            return round3(static_cast<double>(*o));
        else
            return static_cast<std::int64_t>(*o);
    };
    bool any_population = false;
    for (const auto& r : p.rows) {
        std::vector<FieldValue> row = {r.code, r.name, r.count};
        for (auto c : r.layer_counts)
            row.emplace_back(c);
        row.push_back(r.population ? FieldValue(std::int64_t(std::llround(*r.population)))
                                   : std::monostate{});
        any_population = any_population || r.population;
        row.insert(row.end(), {opt(r.rate_per_1000), std::int64_t(r.rank), opt(r.prev_count),
                               opt(r.change), opt(r.change_pct), opt(r.last_year_count),
                               opt(r.last_year_change), std::monostate{}, std::monostate{}});
        l.rows.push_back(std::move(row));
        l.shapes.push_back(cx.session.wards().wards[r.ward].shape);
    }
    DisclosureSpec spec;
    addLayerRelations(cx, l, spec);
    const auto f = [&](const char* n) { return l.fieldIndex(n); };
    spec.counts.push_back(f("prev_incidents"));
    spec.counts.push_back(f("last_year_incidents"));
    spec.row_relations.push_back(
        {{f("incidents"), 1}, {f("prev_incidents"), -1}, {f("change"), -1}});
    spec.row_relations.push_back(
        {{f("incidents"), 1}, {f("last_year_incidents"), -1}, {f("last_year_change"), -1}});
    spec.column_totals = {f("incidents"), f("prev_incidents"), f("change"),
                          f("last_year_incidents"), f("last_year_change")};
    for (std::size_t k : layerFields(l, cx.keys))
        spec.column_totals.push_back(k);
    spec.derived = {{f("rate_per_1000"), {f("incidents")}},
                    {f("rank"), {f("incidents")}},
                    {f("change_pct"), {f("change"), f("prev_incidents")}}};
    l.style = wardStyle(l, any_population ? "rate_per_1000" : "incidents");
    finish(cx, std::move(l), spec);
    return okStatus();
}

void incidentPoints(Context& cx) {
    const IncidentTable& t = cx.session.incidents();
    OutLayer l;
    l.name = "incidents";
    l.title = "Incidents (month, crime type, source, and a published or protected location)";
    l.geometry = OutLayer::Geometry::Point;
    l.fields = {{"month", T::Text},
                {"crime_type", T::Text},
                {"location", T::Text},
                {"source", T::Text},
                {"placed", T::Text}};
    const auto loc = t.textColumn("Location");
    const bool exact = cx.session.request().exact_locations;
    for (std::uint32_t row : cx.selection.rows) {
        // A partner's row keeps no text of its place (an address is personal data), and says
        // how its point was placed; police.uk's rows are as police.uk publishes them.
        const bool pub = t.rowIsPublic(row);
        const std::string source = t.sources.empty() ? "" : t.sources[t.sourceOf(row)].name;
        l.rows.push_back(
            {formatMonth(t.month[row]), std::string(t.crime_type.at(row)),
             pub && loc ? std::string(t.text[*loc].at(row)) : std::string(), source,
             pub     ? std::string("published location")
             : exact ? std::string("exact location (--exact-locations)")
                     : std::string("protected: moved at least ") +
                           std::to_string(static_cast<int>(cx.session.request().mask_m)) + " m"});
        l.points.emplace_back(t.x[row], t.y[row]);
    }
    l.style = singleStyle("streetweek incidents", {40, 40, 40, 200}, {255, 255, 255, 255});
    l.style.points = true;
    PackLayerSummary s{l.name, l.rows.size(), {}};
    cx.out.summaries.push_back(s);
    cx.out.layers.push_back(std::move(l));
}

} // namespace

HotspotRequest hotspotRequestFromPlan(const Plan& plan) {
    HotspotRequest hr;
    hr.density.radius_rule = BandwidthRule::ArcGis;
    hr.density.kde.radius_m = 0;
    hr.density.kde.cell_size_m = 0;
    if (const auto k = parseKernel(plan.setting("hotspot_kernel")))
        hr.density.kde.kernel = *k;
    if (const double r = std::atof(plan.setting("hotspot_radius_m").c_str()); r > 0) {
        hr.density.kde.radius_m = r;
        hr.density.radius_rule = BandwidthRule::Fixed;
    }
    if (const double c = std::atof(plan.setting("hotspot_cell_m").c_str()); c > 0)
        hr.density.kde.cell_size_m = c;
    if (auto t = parseThreshold(plan.setting("hotspot_threshold")))
        hr.threshold = t.value();
    return hr;
}

PackContentRequest mapContentRequest(const Plan& plan, const SelectionParams& selection,
                                     const KdeParams& kde, const HotspotThreshold& threshold,
                                     std::int64_t suppress) {
    PackContentRequest c;
    c.suppress = suppress;
    c.selection = selection;
    c.hotspots = hotspotRequestFromPlan(plan);
    c.hotspots.density.kde = kde; // the map's hotspots, as drawn
    c.hotspots.density.radius_rule = BandwidthRule::Fixed;
    c.hotspots.threshold = threshold;
    return c;
}

Result<PackContent> buildPackContent(const Session& session, const Plan& plan,
                                     const PackContentRequest& request, Progress* progress) {
    PackContent out;
    auto sel = selectIncidents(session, request.selection);
    if (!sel)
        return sel.failure();
    const Selection& selection = sel.value();
    Context cx{session, request, selection, {}, {}, out};
    const auto& layers = request.selection.layers;
    if (!layers.empty()) {
        const auto all = layerMasks(layers, session.incidents());
        for (std::uint32_t row : selection.rows)
            cx.masks.push_back(all[row]);
    }
    cx.keys = layerFieldNames(layers);
    for (const auto& r : layers)
        out.layer_names.push_back(r.name);
    for (const auto& r : layers)
        out.layer_rules.push_back(formatLayerRule(r));
    out.layer_keys = cx.keys;
    out.notes = selection.notes;
    const auto step = [&]() {
        if (progress)
            progress->add(1);
        return !(progress && progress->cancelled());
    };
    if (auto st = targetAreas(cx, plan); !st)
        return st.failure();
    if (!step())
        return Error{"cancelled"};
    HotspotRequest hr = request.hotspots;
    hr.density.selection = request.selection;
    auto hot = findHotspots(session, hr, selection);
    if (!hot)
        return hot.failure();
    if (auto st = hotspotsLayer(cx, hot.value()); !st)
        return st.failure();
    out.kde = hot.value().resolved;
    out.threshold = hr.threshold;
    out.threshold_value = hot.value().threshold_value;
    out.study_area_km2 = hot.value().study_area_km2;
    out.study_incidents = static_cast<std::int64_t>(hot.value().incidents);
    out.density = std::move(hot.value().density);
    for (const auto& h : hot.value().hotspots)
        out.hotspot_outlines.push_back(h.outline.empty() ? h.shape : h.outline);
    if (!step())
        return Error{"cancelled"};
    GiStarRequest gr{request.selection, request.gi};
    auto gi = giStarHotspots(session, gr, selection);
    if (!gi)
        return gi.failure();
    out.gi = gi.value().resolved;
    if (auto st = giStarLayer(cx, gi.value()); !st)
        return st.failure();
    if (!step())
        return Error{"cancelled"};
    if (!session.wards().empty())
        if (auto st = wardProfiles(cx); !st)
            return st.failure();
    if (request.include_points)
        incidentPoints(cx);
    if (!step())
        return Error{"cancelled"};
    return out;
}

} // namespace sw
