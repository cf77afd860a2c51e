// The board report: figures and pack tables laid out as a document, written as PDF or HTML.
#include "session/board_report.hpp"
#include "session/source_names.hpp"

#include "core/calendar_date.hpp"
#include "core/text.hpp"
#include "print/report_html.hpp"
#include "print/report_pdf.hpp"
#include "session/basemap_view.hpp"
#include "session/board_backtest.hpp"
#include "session/board_disclosure.hpp"
#include "session/board_method.hpp"
#include "session/pack_readme.hpp"
#include "session/study_area.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <filesystem>

namespace sw {
namespace {

using io::FieldValue;
using io::OutLayer;

struct Cells {
    std::int64_t suppress = 5;
    std::string operator()(const FieldValue& v, int decimals = 1) const {
        if (const auto* i = std::get_if<std::int64_t>(&v))
            return groupedCount(*i);
        if (const auto* d = std::get_if<double>(&v))
            return fixedText(*d, decimals);
        if (const auto* s = std::get_if<std::string>(&v))
            return *s;
        if (const auto* dv = std::get_if<io::DateValue>(&v)) {
            char b[16];
            std::snprintf(b, sizeof b, "%04d-%02d-%02d", dv->year, dv->month, dv->day);
            return b;
        }
        if (const auto* sp = std::get_if<io::Suppressed>(&v))
            return sp->small ? "<" + std::to_string(suppress) : io::kWithheldText;
        return "-";
    }
    // A change with its sign ("+12"), or the marker of a withheld one.
    std::string change(const FieldValue& v) const {
        if (const auto* i = std::get_if<std::int64_t>(&v))
            return signedCount(*i);
        if (const auto* d = std::get_if<double>(&v)) {
            char b[32];
            std::snprintf(b, sizeof b, "%+.1f%%", *d);
            return b;
        }
        return (*this)(v);
    }
};

const OutLayer* packLayer(const PackContent& c, const std::string& name) {
    for (const auto& l : c.layers)
        if (l.name == name)
            return &l;
    return nullptr;
}

const FieldValue& field(const OutLayer& l, const std::vector<FieldValue>& row,
                        const std::string& name) {
    static const FieldValue none;
    const std::size_t i = l.fieldIndex(name);
    return i < row.size() ? row[i] : none;
}

const std::vector<FieldValue>* wardRow(const OutLayer& wl, const std::string& code) {
    const std::size_t f = wl.fieldIndex("ward_code");
    for (const auto& r : wl.rows)
        if (f < r.size() && std::get_if<std::string>(&r[f]) && std::get<std::string>(r[f]) == code)
            return &r;
    return nullptr;
}

// A district figure as printed: the count, "<N" for a small one withheld, "[c]" for one
// withheld with it.
struct Figure {
    std::int64_t suppress = 5;
    std::string operator()(std::int64_t v, Shown shown) const {
        return shown == Shown::Yes     ? groupedCount(v)
               : shown == Shown::Small ? "<" + std::to_string(suppress)
                                       : std::string(io::kWithheldText);
    }
    std::string operator()(const std::optional<std::int64_t>& v, Shown shown) const {
        return v ? (*this)(*v, shown) : "no data";
    }
    // The change from `before` to `now`, withheld when either is.
    std::string change(std::int64_t now, const std::optional<std::int64_t>& before, Shown a,
                       Shown b, bool percent) const {
        if (!before)
            return "";
        if (a != Shown::Yes || b != Shown::Yes)
            return io::kWithheldText;
        return percent ? percentChange(now, *before) : signedCount(now - *before);
    }
};

ReportTable headlineTable(const BoardFigures& f, const BoardDisclosure& d, const Figure& fig) {
    ReportTable t;
    t.header = {"Layer", spanLabel(f.period), "Previous", "Change",
                "%",     "Year earlier",      "Change",   "%"};
    t.widths = {2.6, 2.0, 1.1, 1, 0.9, 1.3, 1, 0.9};
    for (std::size_t i = 0; i < f.headline.size(); ++i) {
        const auto& h = f.headline[i];
        const auto& sh = d.headline[i];
        // No data is said, never printed as 0; a partial count is marked (the note says why).
        std::vector<std::string> r = {h.layer, h.data == PeriodData::None ? "no data"
                                               : h.data == PeriodData::Partial
                                                   ? fig(h.count, sh[0]) + " (partial)"
                                                   : fig(h.count, sh[0])};
        int c = 1;
        for (const auto& before : {h.previous, h.last_year}) {
            r.push_back(fig(before, sh[c]));
            r.push_back(fig.change(h.count, before, sh[0], sh[c], false));
            r.push_back(fig.change(h.count, before, sh[0], sh[c], true));
            ++c;
        }
        t.rows.push_back(r);
    }
    t.note = std::string("Previous: ") + spanLabel(f.previous) +
             (f.has_previous ? "" : " (no data)") + ". Year earlier: " + spanLabel(f.last_year) +
             (f.has_last_year          ? ""
              : f.period.length() > 12 ? " (the period is longer than a year)"
                                       : " (no data)") +
             ". Incidents in the study area's wards; " + fig(f.outside_wards, d.outside_wards) +
             " more in the period fell outside every ward.";
    return t;
}

ReportTable topWards(const BoardFigures& f, const OutLayer& wl, bool by_rate, const Cells& cell) {
    ReportTable t;
    t.text_columns = 2;
    t.header = {"#", "Ward", "Incidents", "Rate per 1,000", "Population", "Change", "Change %"};
    t.widths = {0.4, 3.6, 1.1, 1.3, 1.2, 1, 1};
    const auto& order = by_rate ? f.by_rate : f.by_count;
    for (std::size_t i = 0; i < order.size() && i < 5; ++i) {
        const WardRow& w = f.profile.rows[order[i]];
        const auto* row = wardRow(wl, w.code);
        if (!row)
            continue;
        t.rows.push_back(
            {std::to_string(by_rate ? static_cast<int>(i + 1) : w.rank), w.name,
             cell(field(wl, *row, "incidents")), cell(field(wl, *row, "rate_per_1000")),
             cell(field(wl, *row, "population")), cell.change(field(wl, *row, "change")),
             cell.change(field(wl, *row, "change_pct"))});
    }
    if (by_rate && f.by_rate.empty())
        t.note = "No ward has a population (give --population): rates cannot be worked out.";
    return t;
}

void crimeTypes(ReportDocument& doc, const BoardFigures& f, const BoardDisclosure& d,
                const Figure& fig) {
    ReportTable t;
    t.header = {"Crime type", spanLabel(f.period), "Previous", "Change", "Year earlier", "Change"};
    t.widths = {3.4, 1.6, 1.1, 1, 1.2, 1};
    ReportChart c;
    c.kind = ReportChart::Kind::Bars;
    c.title = "Incidents by crime type";
    c.series = {{spanLabel(f.period), {30, 80, 140, 255}, {}, false}};
    if (f.has_last_year)
        c.series.push_back({"Same months a year earlier", {160, 175, 195, 255}, {}, false});
    bool withheld = false;
    for (std::size_t i = 0; i < f.crime_types.size(); ++i) {
        const auto& ct = f.crime_types[i];
        const auto& sh = d.crime_types[i];
        t.rows.push_back({ct.type, fig(ct.count, sh[0]), fig(ct.previous, sh[1]),
                          fig.change(ct.count, ct.previous, sh[0], sh[1], false),
                          fig(ct.last_year, sh[2]),
                          fig.change(ct.count, ct.last_year, sh[0], sh[2], false)});
        // A withheld figure has no bar: its length would print the count.
        if (sh[0] != Shown::Yes || (f.has_last_year && sh[2] != Shown::Yes)) {
            withheld = true;
            continue;
        }
        c.categories.push_back(ct.type);
        c.series[0].values.emplace_back(static_cast<double>(ct.count));
        if (f.has_last_year)
            c.series[1].values.emplace_back(static_cast<double>(ct.last_year.value_or(0)));
    }
    if (withheld)
        c.note = "Crime types with a withheld count are in the table only.";
    doc.table(t);
    doc.chart(c);
}

std::string spansText(const std::vector<MonthSpan>& spans) {
    std::string s;
    for (const auto& m : spans)
        s += (s.empty() ? "" : ", ") + spanLabel(m);
    return s;
}

// One chart per layer (layers of very different sizes stay readable), the year before dashed.
void trends(ReportDocument& doc, const BoardFigures& f, const BoardDisclosure& d,
            const std::vector<LayerRule>& layers) {
    std::string note;
    if (!f.missing.empty())
        note = "No data for " + spansText(f.missing) + ": a gap, not a zero. ";
    if (!f.missing_year_before.empty())
        note += "No data a year before for " + spansText(f.missing_year_before) + ".";
    for (std::size_t s = 0; s < f.monthly.names.size(); ++s) {
        // A withheld month has no point (its height would print the count).
        bool withheld = false;
        const auto value = [&](MonthIndex m) -> std::optional<double> {
            const auto v = f.monthly.at(s, m);
            if (!v)
                return std::nullopt;
            if (m >= f.monthly.span.first &&
                d.monthly[s][static_cast<std::size_t>(m - f.monthly.span.first)] != Shown::Yes) {
                withheld = true;
                return std::nullopt;
            }
            return static_cast<double>(*v);
        };
        ReportChart c;
        c.kind = ReportChart::Kind::Lines;
        c.title = "Incidents per month: " + f.monthly.names[s];
        c.y_label = "incidents";
        const Rgba col = s < layers.size() ? layers[s].colour : Rgba{30, 80, 140, 255};
        ChartSeries now{f.monthly.names[s], col, {}, false};
        ChartSeries before{f.monthly.names[s] + ", a year before", col, {}, true};
        for (MonthIndex m = f.period.first; m <= f.period.last; ++m) {
            c.categories.push_back(std::string(monthAbbrev(m)) + " " +
                                   std::to_string(monthYear(m) % 100));
            now.values.push_back(value(m));
            before.values.push_back(value(m - 12));
        }
        c.note = note + (withheld ? " police.uk does not publish this layer: a month of 1 to " +
                                        std::to_string(d.threshold - 1) +
                                        " incidents, or one that would reveal such a month, is "
                                        "withheld (no point)."
                                  : "");
        c.series = {std::move(now), std::move(before)};
        doc.chart(std::move(c));
    }
}

// The columns of a pack table: text and dates left, numbers right.
ReportTable tableOf(const OutLayer& l, const std::vector<std::pair<std::string, std::string>>& cols,
                    const Cells& cell, std::size_t limit = SIZE_MAX) {
    ReportTable t;
    for (const auto& [f, h] : cols) {
        const std::size_t i = l.fieldIndex(f);
        const bool text = i < l.fields.size() && (l.fields[i].type == io::FieldSpec::Type::Text ||
                                                  l.fields[i].type == io::FieldSpec::Type::Date);
        t.right.push_back(text ? 0 : 1);
        t.header.push_back(h);
        t.widths.push_back(
            f == "wards" || f == "name" || f == "ward_name" || f == "top_streets" ? 3.0 : 1.0);
    }
    for (std::size_t r = 0; r < l.rows.size() && r < limit; ++r) {
        std::vector<std::string> row;
        for (const auto& [f, h] : cols) {
            const FieldValue& v = field(l, l.rows[r], f);
            const bool sign = f == "change" || f == "last_year_change" || f == "change_pct";
            row.push_back(sign ? cell.change(v)
                               : cell(v, f == "pai" || f == "rate_per_1000" ? 1 : 2));
        }
        t.rows.push_back(std::move(row));
    }
    return t;
}

std::vector<std::pair<std::string, std::string>> layerColumns(const PackContent& c) {
    std::vector<std::pair<std::string, std::string>> cols;
    for (std::size_t i = 0; i < c.layer_keys.size(); ++i)
        cols.emplace_back(c.layer_keys[i], c.layer_names[i]);
    return cols;
}

MapFigure baseMap(const Session& s, const std::string& attribution,
                  const std::shared_ptr<const BasemapImage>& basemap) {
    MapFigure m;
    m.basemap = basemap;
    m.wards = &s.wards();
    m.ward_labels = true;
    m.attribution = attribution;
    return m;
}

// The basemap under the report's maps: the wards' box with room around it (a frame of any
// shape shows more than the box), 2,400 pixels on its long side.
Result<std::shared_ptr<const BasemapImage>> reportBasemap(const Session& s,
                                                          const BasemapChoice& choice) {
    const Box b = s.wards().bounds();
    const double w = b.max_corner().x() - b.min_corner().x();
    const double h = b.max_corner().y() - b.min_corner().y();
    const double pad = 0.3 * std::max(w, h);
    const Box box(Point(b.min_corner().x() - pad, b.min_corner().y() - pad),
                  Point(b.max_corner().x() + pad, b.max_corner().y() + pad));
    const double long_side = std::max(w, h) + 2 * pad;
    if (!(long_side > 0))
        return Error{"basemap: the wards have no extent to draw it over"};
    const int pw = std::max(1, static_cast<int>(2400 * (w + 2 * pad) / long_side));
    const int ph = std::max(1, static_cast<int>(2400 * (h + 2 * pad) / long_side));
    auto img = basemapImage(s, *choice.source, box, pw, ph);
    if (!img)
        return img.failure();
    return std::make_shared<const BasemapImage>(lookedAt(img.value(), choice.look));
}

void maps(ReportDocument& doc, const Session& s, const PackContent& c, const Grid& density,
          const Plan* plan, const std::string& attribution, const Cells& cell,
          const std::shared_ptr<const BasemapImage>& basemap) {
    doc.heading("Hotspots");
    MapFigure hot = baseMap(s, attribution, basemap);
    hot.density = &density;
    hot.density_floor = 0;
    hot.density_scale = 1; // the surface is in incidents per km²
    hot.density_title = "Density, incidents per km\xC2\xB2";
    hot.outlines = c.hotspot_outlines;
    hot.outline_label = "Hotspot (" + c.threshold.describe() + ")";
    if (plan)
        hot.areas = plan->areas;
    const KdeParams& k = c.kde.kde;
    char caption[256];
    std::snprintf(caption, sizeof caption,
                  "Kernel density (%s kernel, radius %g m, %g m cells) of the incidents in the "
                  "layers, %s; outlines: hotspots, the cells above %s.",
                  kernelName(k.kernel), k.radius_m, k.cell_size_m, spanLabel(c.period).c_str(),
                  c.threshold.describe().c_str());
    doc.map(std::move(hot), caption);
    if (const auto* l = packLayer(c, "hotspots")) {
        auto cols = std::vector<std::pair<std::string, std::string>>{{"rank", "#"},
                                                                     {"incidents", "Incidents"}};
        for (const auto& lc : layerColumns(c))
            cols.push_back(lc);
        for (const auto& p :
             std::vector<std::pair<std::string, std::string>>{{"area_km2", "km\xC2\xB2"},
                                                              {"share_pct", "Share %"},
                                                              {"pai", "PAI"},
                                                              {"wards", "Wards"}})
            cols.push_back(p);
        ReportTable t = tableOf(*l, cols, cell, 10);
        t.note = std::to_string(l->rows.size()) + " hotspots" +
                 (l->rows.size() > 10 ? " (the 10 largest by rank shown)" : "") +
                 ". PAI: the share of incidents over the share of the study area.";
        doc.table(t);
    }
    doc.heading("Statistically significant hot and cold spots (Gi*)");
    MapFigure gi = baseMap(s, attribution, basemap);
    if (const auto* l = packLayer(c, "gistar_classes"))
        for (std::size_t i = 0; i < l->rows.size(); ++i) {
            const auto* bin = std::get_if<std::int64_t>(&field(*l, l->rows[i], "gi_bin"));
            if (!bin || *bin == 0)
                continue;
            Rgba fill = giBinColour(static_cast<int>(*bin));
            fill.a = 200;
            gi.shading.push_back({l->shapes[i], fill, giBinLabel(static_cast<int>(*bin))});
        }
    char gcap[200];
    std::snprintf(gcap, sizeof gcap, "Getis-Ord Gi* on %g m cells, neighbours within %g m%s.",
                  c.gi.gi.cell_size_m, c.gi.gi.distance_m,
                  c.gi.gi.fdr ? ", false discovery rate corrected" : "");
    doc.map(std::move(gi), gcap);
    if (const auto* l = packLayer(c, "gistar_classes"))
        doc.table(tableOf(*l,
                          {{"confidence", "Class"},
                           {"cells", "Cells"},
                           {"area_km2", "km\xC2\xB2"},
                           {"incidents", "Incidents"}},
                          cell));
}

void planSection(ReportDocument& doc, const PackContent& c, const Cells& cell) {
    const auto* l = packLayer(c, "target_areas");
    if (!l || l->rows.empty())
        return;
    doc.heading("Street-week plan");
    doc.subheading("Schedule");
    doc.table(tableOf(*l,
                      {{"area_id", "Area"},
                       {"name", "Name"},
                       {"status", "Status"},
                       {"week_start", "Week"},
                       {"lead_agency", "Lead"},
                       {"partners", "Partners"}},
                      cell));
    doc.subheading("Statistics for the period");
    auto cols = std::vector<std::pair<std::string, std::string>>{{"area_id", "Area"},
                                                                 {"incidents", "Incidents"}};
    for (const auto& lc : layerColumns(c))
        cols.push_back(lc);
    for (const auto& p :
         std::vector<std::pair<std::string, std::string>>{{"share_pct", "Share %"},
                                                          {"pai", "PAI"},
                                                          {"prev_incidents", "Previous"},
                                                          {"change", "Change"},
                                                          {"residents", "Residents"}})
        cols.push_back(p);
    doc.table(tableOf(*l, cols, cell));
    doc.subheading("Streets with the most incidents");
    doc.table(
        tableOf(*l, {{"area_id", "Area"}, {"top_streets", "Streets"}, {"wards", "Wards"}}, cell));
}

void wardSection(ReportDocument& doc, const BoardFigures& f, const PackContent& c,
                 const OutLayer& wl, const Cells& cell) {
    doc.heading("Ward profile");
    auto cols = std::vector<std::pair<std::string, std::string>>{
        {"rank", "#"}, {"ward_name", "Ward"}, {"incidents", "Incidents"}};
    for (const auto& lc : layerColumns(c))
        cols.push_back(lc);
    cols.insert(cols.end(), {{"population", "Population"}, {"rate_per_1000", "Per 1,000"}});
    if (f.has_previous) // columns of a period without data would be all blank
        cols.insert(
            cols.end(),
            {{"prev_incidents", "Previous"}, {"change", "Change"}, {"change_pct", "Change %"}});
    if (f.has_last_year)
        cols.insert(cols.end(),
                    {{"last_year_incidents", "Year earlier"}, {"last_year_change", "Change"}});
    ReportTable t = tableOf(wl, cols, cell);
    t.widths[0] = 0.5;
    t.note = "Every ward of the study area, by count. Previous: the previous period of the same "
             "length; year earlier: the same months a year before.";
    doc.table(t);
}

} // namespace

bool isReportPath(const std::string& path) {
    const std::string ext = lower(std::filesystem::path(path).extension().string());
    return ext == ".pdf" || ext == ".html" || ext == ".htm";
}

Result<ReportDocument> boardReportDocument(const Session& s, const Plan* plan,
                                           const BoardReportRequest& req, BoardReportResult& res,
                                           Progress* progress) {
    auto figures = boardFigures(s, req.content.selection);
    if (!figures)
        return figures.failure();
    res.figures = std::move(figures.value());
    const BoardFigures& f = res.figures;
    PackContentRequest creq = req.content;
    creq.include_points = false;
    creq.selection.from = f.period.first;
    creq.selection.to = f.period.last;
    const Plan empty;
    auto content = buildPackContent(s, plan ? *plan : empty, creq, progress);
    if (!content)
        return content.failure();
    // The hotspot map draws the surface: the result keeps it alive with the document.
    res.density = std::move(content.value().density);
    const PackContent& c = content.value();
    res.disclosure = c.summaries;
    res.notes = c.notes;
    const OutLayer* wl = packLayer(c, "ward_profiles");
    if (!wl)
        return Error{"the ward profile could not be built"};
    const Cells cell{req.content.suppress > 1 ? req.content.suppress : 0};
    res.district =
        boardDisclosure(f, publishedLayers(s, req.content.selection.layers), req.content.suppress);
    const BoardDisclosure& dc = res.district;
    const Figure fig{req.content.suppress};
    const std::string made = req.made_on.empty() ? utcNowText() : req.made_on;
    std::string attribution =
        packAttribution(s.synthetic(), std::atoi(made.substr(0, 4).c_str()),
                        partnerDataCredit(s.incidents().sources, s.request()));
    std::shared_ptr<const BasemapImage> basemap;
    if (req.basemap.source && !s.wards().empty()) {
        auto b = reportBasemap(s, req.basemap);
        if (b) {
            basemap = std::move(b.value());
            if (!req.basemap.source->attribution.empty())
                attribution = "Basemap " + req.basemap.source->attribution + ". " + attribution;
        } else {
            res.notes.push_back(b.error() + "; the maps are drawn without it");
        }
    }
    std::string layer_names;
    for (const auto& n : c.layer_names)
        layer_names += (layer_names.empty() ? "" : "; ") + n;

    ReportDocument doc;
    const std::string district = districtName(s);
    doc.title = req.title.empty() ? "Community safety board report: " + district : req.title;
    doc.subtitle = spanLabel(f.period) + "  \xC2\xB7  " +
                   (layer_names.empty() ? "All crimes" : layer_names) + "  \xC2\xB7  " +
                   std::to_string(s.wards().size()) + " wards";
    doc.made_on = made;
    if (s.synthetic())
        doc.warning = "SYNTHETIC SAMPLE DATA - not real crime data";
    doc.footer = "streetweek board report \xC2\xB7 " + district + " \xC2\xB7 " +
                 spanLabel(f.period) + " \xC2\xB7 made " + made +
                 (s.synthetic() ? " \xC2\xB7 SYNTHETIC DATA" : "");

    doc.heading("Headline figures");
    const HeadlineRow& total = f.headline.back();
    const auto& total_shown = dc.headline.back();
    std::string summary = fig(total.count, total_shown[0]) + " incidents (" + total.layer +
                          ") in " + spanLabel(f.period) + " in the study area's " +
                          std::to_string(s.wards().size()) + " wards";
    if (total.previous && total_shown[0] == Shown::Yes && total_shown[1] == Shown::Yes)
        summary += ", " + percentChange(total.count, *total.previous) + " on the previous period";
    if (total.last_year && total_shown[0] == Shown::Yes && total_shown[2] == Shown::Yes)
        summary += std::string(total.previous && total_shown[1] == Shown::Yes ? " and " : ", ") +
                   percentChange(total.count, *total.last_year) +
                   " on the same months a year earlier";
    doc.paragraph(summary + ".");
    if (!f.missing.empty())
        doc.paragraph("The data has no rows for " + spansText(f.missing) +
                      ": those months are missing from every figure, not counted as zero.");
    if (!f.coverage_notes.empty()) {
        std::string text = "Sources that do not cover the whole period (their months are no "
                           "data, not zero): ";
        for (std::size_t i = 0; i < f.coverage_notes.size(); ++i)
            text += (i ? "; " : "") + f.coverage_notes[i];
        doc.paragraph(text + ".");
    }
    doc.table(headlineTable(f, dc, fig));
    doc.subheading("Top 5 wards by count");
    doc.table(topWards(f, *wl, false, cell));
    doc.subheading("Top 5 wards by rate per 1,000 residents");
    doc.table(topWards(f, *wl, true, cell));
    doc.heading("Crime types");
    crimeTypes(doc, f, dc, fig);
    doc.heading("Monthly trend");
    doc.paragraph("Incidents per month in the study area; dashed: the same month a year before. "
                  "A month without data is a gap in the line, not a zero.");
    trends(doc, f, dc, req.content.selection.layers);
    maps(doc, s, c, res.density.grid, plan, attribution, cell, basemap);
    planSection(doc, c, cell);
    if (req.backtest) {
        auto backtest = runBacktest(s, *req.backtest, progress);
        if (!backtest && progress && progress->cancelled())
            return Error{"cancelled"};
        if (!backtest)
            res.notes.push_back("backtest: " + backtest.error());
        backtestSection(doc, backtest, *req.backtest);
    }
    wardSection(doc, f, c, *wl, cell);
    boardMethod(doc, s, req, c, res, attribution);
    return doc;
}

Result<BoardReportResult> writeBoardReport(const Session& s, const Plan* plan,
                                           const BoardReportRequest& req, Progress* progress) {
    if (!isReportPath(req.out))
        return badRequest(req.out + ": the report must be .pdf or .html");
    BoardReportResult res;
    auto doc = boardReportDocument(s, plan, req, res, progress);
    if (!doc)
        return doc.failure();
    const std::string ext = lower(std::filesystem::path(req.out).extension().string());
    auto written = ext == ".pdf" ? writeReportPdf(req.out, doc.value())
                                 : writeReportHtml(req.out, doc.value());
    if (!written)
        return written.failure();
    res.written = written.value();
    return res;
}

} // namespace sw
