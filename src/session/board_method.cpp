// The board report's method section: period and layers, the hotspot and Gi* settings, the
// disclosure rule and what it withheld, the sources by name, the licences.
#include "session/board_method.hpp"

#include "geo/crs_transform.hpp"
#include "session/source_names.hpp"

#include <cstdio>
#include <filesystem>

namespace sw {

void boardMethod(ReportDocument& doc, const Session& s, const BoardReportRequest& req,
                 const PackContent& c, const BoardReportResult& res,
                 const std::string& attribution) {
    doc.heading("Method, sources and disclosure");
    const auto& rules = c.layer_rules;
    std::string layers;
    for (const auto& r : rules)
        layers += (layers.empty() ? "" : "; ") + r;
    doc.paragraph("Period " + spanLabel(c.period) +
                  ", compared with the previous period of the same "
                  "length and the same months a year earlier where the data covers them; a month "
                  "without data is reported as missing, never as zero. Layers: " +
                  (layers.empty() ? std::string("every crime") : layers) + ".");
    const KdeParams& k = c.kde.kde;
    char kde[400];
    std::snprintf(kde, sizeof kde,
                  "Hotspots: kernel density (%s kernel, radius %g m%s, %g m cells, edge-corrected "
                  "within the wards: %s); the hotspots are the cells above %s (%.4g incidents per "
                  "km\xC2\xB2). Gi*: %g m cells, neighbours within %g m%s.",
                  kernelName(k.kernel), k.radius_m,
                  c.kde.radius_note.empty() ? "" : (", " + c.kde.radius_note).c_str(),
                  k.cell_size_m, req.content.hotspots.density.kde.edge_correct ? "yes" : "no",
                  c.threshold.describe().c_str(), c.threshold_value, c.gi.gi.cell_size_m,
                  c.gi.gi.distance_m, c.gi.gi.fdr ? ", Benjamini-Hochberg corrected" : "");
    doc.paragraph(kde);
    std::string withheld, totals_withheld;
    for (const auto& l : res.disclosure) {
        const auto& d = l.disclosure;
        if (d.primary + d.secondary + d.derived)
            withheld += (withheld.empty() ? "" : "; ") + l.name + ": " + std::to_string(d.primary) +
                        " small, " + std::to_string(d.secondary) + " complementary, " +
                        std::to_string(d.derived) + " derived";
        if (d.total_withheld)
            totals_withheld += (totals_withheld.empty() ? "" : ", ") + l.name;
    }
    const BoardDisclosure& dc = res.district;
    if (dc.anyWithheld())
        withheld += (withheld.empty() ? "" : "; ") + std::string("district figures: ") +
                    std::to_string(dc.primary) + " small, " + std::to_string(dc.secondary) +
                    " complementary";
    std::string unpublished;
    for (std::size_t i = 0; i < dc.series_public.size() && i < c.layer_names.size(); ++i)
        if (!dc.series_public[i])
            unpublished += (unpublished.empty() ? "" : ", ") + c.layer_names[i];
    if (c.layer_names.empty() && !dc.any_public)
        unpublished = "every crime";
    const std::string n = std::to_string(req.content.suppress),
                      lo = std::to_string(req.content.suppress - 1);
    doc.paragraph(
        req.content.suppress > 1
            ? "Disclosure control, as in the partner pack: in the ward, hotspot, Gi* and "
              "target-area tables counts from 1 to " +
                  lo + " are shown as <" + n +
                  ", and further values (marked [c]) are withheld so that none can be worked out "
                  "from the totals; rates and shares of withheld counts are withheld too. " +
                  (unpublished.empty()
                       ? std::string("District-wide totals, crime types and monthly counts are "
                                     "shown in full: police.uk publishes them.")
                       : "police.uk does not publish " + unpublished +
                             " (a source of its own, or words matched in free text), so the "
                             "district-wide totals, crime types and monthly counts built on it "
                             "(and the crime types and the total of any layer) are put "
                             "through the same rule.") +
                  " Withheld: " + (withheld.empty() ? std::string("nothing") : withheld) + "." +
                  (totals_withheld.empty()
                       ? std::string()
                       : " A total a reader could know had to be withheld as a complement in: " +
                             totals_withheld +
                             "; that total is public, so the cells withheld with it may be worked "
                             "out from police.uk's own figures.")
            : "No disclosure control was applied (suppression turned off): small counts are "
              "shown.");
    std::string sources;
    for (const auto& [role, name] : sourceNames(s.request()))
        sources += (sources.empty() ? "Sources: " : "; ") + role + " " + name;
    if (!req.plan_path.empty())
        sources += (sources.empty() ? "Sources: " : "; ") + std::string("plan ") +
                   std::filesystem::path(req.plan_path).filename().string();
    doc.paragraph(sources + ". Coordinates: " + geo::describeCrs(s.data().working_crs) + ".");
    std::string each;
    for (const auto& line : s.report().sources)
        each += (each.empty() ? "Incident sources: " : "; ") + line;
    if (!each.empty())
        doc.paragraph(each + ".");
    if (!s.report().masking.empty())
        doc.paragraph("Locations: " + s.report().masking + ".");
    doc.paragraph(attribution);
}

} // namespace sw
