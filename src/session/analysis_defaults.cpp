// Resolving analysis defaults from the study area and the selected incidents (see the table at
// the top of analysis_actions.hpp).
#include "session/analysis_actions.hpp"
#include "session/study_area.hpp"

#include <cmath>
#include <cstdio>

namespace sw {

double resolveCellSize(const Session& session, const KdeParams& kde) {
    if (kde.cell_size_m != 0)
        return kde.cell_size_m;
    const Box study = kde.extent ? *kde.extent : studyExtent(session, 1.0);
    return boxIsEmpty(study) ? 0 : suggestedCellSize(study);
}

namespace {

std::string metres(double v) {
    char b[48];
    std::snprintf(b, sizeof b, "%g m", v);
    return b;
}

// The radius a named rule gives for the selected incidents.
Result<double> ruleRadius(BandwidthRule rule, const WeightedPoints& points, KernelShape kernel,
                          std::string& name) {
    switch (rule) {
    case BandwidthRule::ArcGis:
        name = "ArcGIS default";
        return arcgisDefaultRadius(points);
    case BandwidthRule::Scott:
        name = "Scott's rule";
        return scottRadius(points, kernel);
    case BandwidthRule::LikelihoodCv: {
        name = "likelihood cross-validation";
        auto r = likelihoodCvRadius(points, kernel);
        if (!r)
            return Error{"--radius cv: " + r.error()};
        return r.value();
    }
    case BandwidthRule::Fixed:
        break;
    }
    return Error{"no bandwidth rule"};
}

const char* ruleOption(BandwidthRule rule) {
    return rule == BandwidthRule::ArcGis ? "arcgis" : rule == BandwidthRule::Scott ? "scott" : "cv";
}

} // namespace

Result<ResolvedKde> resolveKde(const Session& session, const KdeParams& kde, BandwidthRule rule,
                               const WeightedPoints& selected) {
    ResolvedKde out;
    out.kde = kde;
    out.kde.cell_size_m = resolveCellSize(session, kde);
    if (kde.cell_size_m == 0 && out.kde.cell_size_m > 0)
        out.cell_note = "cell " + metres(out.kde.cell_size_m) +
                        ": the study area's shorter side / 150, rounded";
    out.extent = kde.extent ? *kde.extent : studyExtent(session, out.kde.cell_size_m);
    out.kde.extent = out.extent;
    if (rule != BandwidthRule::Fixed) {
        if (selected.x.empty())
            return Error{std::string("--radius ") + ruleOption(rule) +
                         " needs incidents to work from"};
        std::string name;
        auto r = ruleRadius(rule, selected, kde.kernel, name);
        if (!r)
            return r.failure();
        out.kde.radius_m = std::round(r.value());
        if (!(out.kde.radius_m > 0))
            return Error{"the " + name +
                         " radius came out as zero (are all incidents at one place?)"};
        out.radius_note =
            name + " radius: " + std::to_string(static_cast<long long>(out.kde.radius_m)) + " m";
    }
    if (auto st = out.kde.validate(out.extent); !st)
        return st.failure();
    return out;
}

Result<ResolvedGiStar> resolveGiStar(const Session& session, const GiStarParams& gi) {
    ResolvedGiStar out;
    out.gi = gi;
    if (out.gi.cell_size_m == 0) {
        const Box study = gi.extent ? *gi.extent : studyExtent(session, 1.0);
        if (boxIsEmpty(study))
            return badRequest("Gi*: no data loaded to analyse");
        out.gi.cell_size_m = suggestedCellSize(study);
    }
    if (out.gi.distance_m == 0)
        out.gi.distance_m = 2.5 * out.gi.cell_size_m;
    out.extent = gi.extent ? *gi.extent : studyExtent(session, out.gi.cell_size_m);
    out.gi.extent = out.extent;
    if (auto st = out.gi.validate(out.extent); !st)
        return st.failure();
    return out;
}

std::vector<BandwidthSuggestion> radiusSuggestions(const WeightedPoints& pts, KernelShape kernel) {
    if (pts.x.empty())
        return {};
    return {{BandwidthRule::ArcGis, std::round(arcgisDefaultRadius(pts)), "ArcGIS default",
             "0.9 min(SD, sqrt(1/ln 2) Dm) n^-0.2 from the spread of the incidents (ArcGIS "
             "Kernel Density's default)"},
            {BandwidthRule::Scott, std::round(scottRadius(pts, kernel)), "Scott's rule",
             "from the standard deviation of the coordinates; smooth, good for a district-wide "
             "picture"}};
}

} // namespace sw
