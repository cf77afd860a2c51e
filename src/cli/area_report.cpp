// Area statistics as a few readable lines.
#include "cli/area_report.hpp"

#include <cmath>
#include <cstdio>

namespace sw::cli {

std::string withCommas(std::int64_t n) {
    return withThousands(n);
}

namespace {

std::string periodLine(const PeriodCounts& c, const std::vector<std::string>& layers) {
    std::string s = formatSpan(c.period) + ": " + withCommas(c.incidents) +
                    (c.incidents == 1 ? " incident" : " incidents");
    char buf[96];
    std::snprintf(buf, sizeof buf, " (%.1f%% of the study area's %s", c.share * 100,
                  withCommas(c.study_incidents).c_str());
    s += buf;
    if (c.pai) {
        std::snprintf(buf, sizeof buf, "; PAI %.1f", *c.pai);
        s += buf;
    }
    s += ")";
    for (std::size_t l = 0; l < layers.size(); ++l)
        s += (l == 0 ? "; " : ", ") + layers[l] + " " + withCommas(c.per_layer[l]);
    return s;
}

// The share of an area inside the study area, never rounded up to "100" when part lies outside.
std::string insideShare(const AreaStats& s) {
    const double pct = s.area_km2 > 0 ? 100 * s.area_in_study_km2 / s.area_km2 : 0;
    char buf[32];
    if (pct >= 99)
        std::snprintf(buf, sizeof buf, "%.1f", std::min(99.9, std::floor(pct * 10) / 10));
    else
        std::snprintf(buf, sizeof buf, "%.0f", pct);
    return buf;
}

} // namespace

void printArea(const TargetArea& a, const AreaStats& s) {
    std::printf("%s  %s  [%s%s%s]\n", a.id.c_str(), a.name.c_str(), statusName(a.status),
                a.week != kNoDay ? (", week of " + formatDay(a.week)).c_str() : "",
                a.lead.empty() ? "" : (", lead " + a.lead).c_str());
    std::printf("    %.3f km2 (%.1f ha)%s\n", s.area_km2, s.area_km2 * 100,
                s.partly_outside ? (" - only " + insideShare(s) +
                                    "% inside the study area; figures count that part")
                                       .c_str()
                                 : "");
    std::printf("    %s\n", periodLine(s.current, s.layer_names).c_str());
    if (s.previous.has_data)
        std::printf("    previous %s\n", periodLine(s.previous, s.layer_names).c_str());
    else if (s.previous.period.first == kNoMonth)
        std::printf("    previous period: none (the incidents carry no months)\n");
    else
        std::printf("    previous %s: no data for every month (no comparison)\n",
                    formatSpan(s.previous.period).c_str());
    std::string wards;
    for (const auto& w : s.wards) {
        char buf[160];
        if (w.share_of_area < 0.005)
            std::snprintf(buf, sizeof buf, "%s%s <1%%", wards.empty() ? "" : ", ", w.name.c_str());
        else
            std::snprintf(buf, sizeof buf, "%s%s %.0f%%", wards.empty() ? "" : ", ", w.name.c_str(),
                          w.share_of_area * 100);
        wards += buf;
    }
    if (!wards.empty())
        std::printf("    wards: %s\n", wards.c_str());
    if (s.residents)
        std::printf("    residents: about %s (by area from ward populations%s)\n",
                    withCommas(static_cast<std::int64_t>(*s.residents + 0.5)).c_str(),
                    s.residents_partial ? "; some wards have none" : "");
    std::string streets;
    for (std::size_t i = 0; i < s.streets.size() && i < 5; ++i)
        streets += (i ? ", " : "") + s.streets[i].street + " " + withCommas(s.streets[i].incidents);
    if (!streets.empty())
        std::printf("    streets: %s\n", streets.c_str());
}

} // namespace sw::cli
