// Shared analysis options.
#include "cli/analysis_options.hpp"

#include "cli/load_options.hpp"
#include "session/harm_weights_file.hpp"

#include <cmath>
#include <sstream>

namespace sw::cli {

Status requireWholeMonths(const SelectionParams& p, const std::string& what) {
    if (p.from_day == kNoDay && p.to_day == kNoDay)
        return okStatus();
    return badRequest("--from/--to as days select dated sources by day in kde, hotspots and "
                      "gistar; " +
                      what + " works on whole months: give YYYY-MM");
}

std::vector<OptionSpec> selectionOptionSpecs() {
    auto specs = layerOptionSpecs();
    specs.push_back({"from", "YYYY-MM[-DD]",
                     "first month, or day: dated sources by day, month-only sources (police.uk) "
                     "by the whole month (default: first in the data)",
                     false});
    specs.push_back(
        {"to", "YYYY-MM[-DD]", "last month, or day (default: last in the data)", false});
    specs.push_back({"layer-weight", "NAME=W",
                     "weight of a layer's incidents (default 1; the largest applies)", true});
    specs.push_back({"weight-field", "COLUMN",
                     "multiply each incident's weight by this column's number", false});
    specs.push_back({"weights", "FILE",
                     "harm weights: a CSV of crime type,weight ('*,W' for every type not "
                     "listed) that multiplies each incident's weight (see the README)",
                     false});
    return specs;
}

Result<SelectionParams> selectionFrom(const Args& a, Session& session) {
    SelectionParams p;
    for (const char* key : {"from", "to"}) {
        if (!a.has(key))
            continue;
        const bool is_from = std::string(key) == "from";
        if (const auto d = parseDay(a.get(key))) {
            (is_from ? p.from_day : p.to_day) = *d;
            (is_from ? p.from : p.to) = monthOfDay(*d);
            continue;
        }
        const auto m = parseMonth(a.get(key));
        if (!m)
            return Error{std::string("--") + key + " must be YYYY-MM or YYYY-MM-DD, got '" +
                         a.get(key) + "'"};
        (is_from ? p.from : p.to) = *m;
    }
    auto layers = selectLayers(a, session.layers());
    if (!layers)
        return layers.failure();
    p.layers = layers.value();
    const auto weights = a.all("layer-weight");
    if (!weights.empty()) {
        if (p.layers.empty())
            return Error{"--layer-weight needs --layer"};
        p.layer_weights.assign(p.layers.size(), 1.0);
        for (const auto& w : weights) {
            const auto eq = w.find('=');
            const auto value =
                eq == std::string::npos ? std::nullopt : parseDouble(w.substr(eq + 1));
            if (!value)
                return Error{"--layer-weight must be NAME=NUMBER, got '" + w + "'"};
            bool found = false;
            for (std::size_t l = 0; l < p.layers.size(); ++l)
                if (equalsIgnoreCase(p.layers[l].name, w.substr(0, eq)) ||
                    equalsIgnoreCase(p.layers[l].key, w.substr(0, eq))) {
                    p.layer_weights[l] = *value;
                    found = true;
                }
            if (!found)
                return Error{"--layer-weight: '" + w.substr(0, eq) +
                             "' is not one of the --layer layers"};
        }
    }
    p.weight_column = a.get("weight-field");
    if (a.has("weights")) {
        auto harm = readHarmWeights(a.get("weights"));
        if (!harm)
            return harm.failure();
        p.harm = std::move(harm.value());
    }
    if (auto st = p.validate(); !st)
        return st.failure();
    return p;
}

Result<Box> parseExtent(const std::string& text) {
    std::stringstream ss(text);
    std::string part;
    std::vector<double> v;
    while (std::getline(ss, part, ',')) {
        const auto d = parseDouble(part);
        if (!d)
            return Error{"--extent must be xmin,ymin,xmax,ymax in metres, got '" + text + "'"};
        v.push_back(*d);
    }
    if (v.size() != 4)
        return Error{"--extent must be xmin,ymin,xmax,ymax in metres, got '" + text + "'"};
    if (!(v[2] > v[0]) || !(v[3] > v[1]))
        return Error{"--extent: xmax must exceed xmin and ymax must exceed ymin"};
    return Box(Point(v[0], v[1]), Point(v[2], v[3]));
}

namespace {

std::optional<BandwidthRule> radiusRule(const Args& a) {
    const std::string r = a.get("radius");
    if (r == "arcgis")
        return BandwidthRule::ArcGis;
    if (r == "scott")
        return BandwidthRule::Scott;
    if (r == "cv")
        return BandwidthRule::LikelihoodCv;
    return std::nullopt;
}

// KdeParams from --radius, --cell, --kernel, --units, --extent, --threads, --edge-correct.
Result<KdeParams> kdeParamsFrom(const Args& a) {
    KdeParams k;
    if (!a.has("radius"))
        return Error{"--radius is required (metres, e.g. 250, or arcgis, scott or cv)"};
    if (radiusRule(a)) {
        k.radius_m = 0; // chosen from the selected incidents by the session
    } else {
        const auto r = parseDouble(a.get("radius"));
        if (!r)
            return Error{"--radius must be metres or arcgis, scott or cv, got '" + a.get("radius") +
                         "'"};
        k.radius_m = *r;
    }
    if (a.has("cell")) {
        const auto c = parseDouble(a.get("cell"));
        if (!c)
            return Error{"--cell must be a number of metres, got '" + a.get("cell") + "'"};
        k.cell_size_m = *c;
    } else {
        k.cell_size_m = 0; // resolved from the study area
    }
    if (a.has("kernel")) {
        const auto kernel = parseKernel(a.get("kernel"));
        if (!kernel)
            return Error{"--kernel must be quartic, triweight, epanechnikov, triangular, uniform "
                         "or gaussian"};
        k.kernel = *kernel;
    }
    const std::string units = a.get("units", "density");
    if (units == "raw")
        k.units = DensityUnits::Raw;
    else if (units == "density")
        k.units = DensityUnits::Density;
    else
        return Error{"--units must be raw or density"};
    if (a.has("extent")) {
        auto e = parseExtent(a.get("extent"));
        if (!e)
            return e.failure();
        k.extent = e.value();
    }
    if (a.has("threads"))
        k.threads = static_cast<int>(parseInteger(a.get("threads")).value_or(0));
    k.edge_correct = a.has("edge-correct");
    if (!radiusRule(a) && (!std::isfinite(k.radius_m) || k.radius_m <= 0))
        return Error{"--radius must be a positive number of metres"};
    if (k.cell_size_m != 0 && k.extent && k.radius_m > 0)
        if (auto st = k.validate(*k.extent); !st)
            return st.failure();
    if (a.has("cell") && (!std::isfinite(k.cell_size_m) || k.cell_size_m <= 0))
        return Error{"--cell must be a positive number of metres"};
    return k;
}

} // namespace

Result<KdeRequest> kdeRequestFrom(const Args& args, Session& session) {
    KdeRequest r;
    auto kde = kdeParamsFrom(args);
    if (!kde)
        return kde.failure();
    r.kde = kde.value();
    r.radius_rule = radiusRule(args).value_or(BandwidthRule::Fixed);
    auto sel = selectionFrom(args, session);
    if (!sel)
        return sel.failure();
    r.selection = std::move(sel.value());
    return r;
}

std::vector<OptionSpec> kdeOptionSpecs() {
    return {
        {"radius", "M",
         "bandwidth in metres, or a rule: arcgis (ArcGIS default), scott (Scott's rule), cv "
         "(likelihood cross-validation) (required)",
         false},
        {"cell", "M", "cell size in metres (default: shorter side of the study area / 150)", false},
        {"kernel", "NAME",
         "quartic (default), triweight, epanechnikov, triangular, uniform, gaussian", false},
        {"units", "U", "density (incidents per km^2, default) or raw (kernels peak at each weight)",
         false},
        {"extent", "X0,Y0,X1,Y1", "grid extent in working-CRS metres (default: the wards' bounds)",
         false},
        {"edge-correct", "",
         "divide by the kernel's share inside the wards, so boundary hotspots are not understated",
         false},
    };
}

std::vector<OptionSpec> giStarOptionSpecs() {
    return {
        {"cell", "M", "cell size of the count grid (default: shorter side of the study area / 150)",
         false},
        {"distance", "M",
         "neighbourhood distance (default 2.5 cells: each cell and its 20 nearest)", false},
        {"extent", "X0,Y0,X1,Y1", "grid extent in working-CRS metres (default: the wards' bounds)",
         false},
        {"no-fdr", "", "classify on raw p-values, without the false discovery rate correction",
         false},
    };
}

Result<GiStarParams> giStarParamsFrom(const Args& args) {
    GiStarParams gp;
    gp.fdr = !args.has("no-fdr");
    for (const char* key : {"cell", "distance"}) {
        if (!args.has(key))
            continue;
        const auto v = parseDouble(args.get(key));
        if (!v || !(*v > 0))
            return Error{std::string("--") + key + " must be a positive number of metres"};
        (std::string(key) == "cell" ? gp.cell_size_m : gp.distance_m) = *v;
    }
    if (args.has("extent")) {
        auto e = parseExtent(args.get("extent"));
        if (!e)
            return e.failure();
        gp.extent = e.value();
    }
    return gp;
}

const std::vector<std::string>& vectorOutExtensions() {
    static const std::vector<std::string> exts = {".gpkg", ".shp", ".geojson"};
    return exts;
}

std::string periodText(const Session& session, const SelectionParams& sp) {
    const MonthCoverage& months = session.months();
    if (months.empty() && sp.from_day == kNoDay && sp.to_day == kNoDay)
        return "every incident (no months)";
    return (sp.from_day != kNoDay ? formatDay(sp.from_day)
                                  : formatMonth(sp.from != kNoMonth ? sp.from : months.first())) +
           ".." +
           (sp.to_day != kNoDay ? formatDay(sp.to_day)
                                : formatMonth(sp.to != kNoMonth ? sp.to : months.last()));
}

} // namespace sw::cli
