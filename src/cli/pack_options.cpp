// --suppress, --threshold and --hotspot-radius.
#include "cli/pack_options.hpp"

#include <cstdio>

namespace sw::cli {

std::vector<OptionSpec> packOptionSpecs() {
    return {{"suppress", "N",
             "withhold counts from 1 to N-1 (default 5); 0 turns disclosure control off, with a "
             "warning"},
            {"threshold", "RULE",
             "hotspot rule: top:P%, sd:K or value:V (default: the plan's, else top:5%)"},
            {"hotspot-radius", "M",
             "hotspot search radius: metres, arcgis or scott (default: the plan's, else arcgis)"}};
}

Status packContentOptions(const Args& args, const Plan& plan, PackContentRequest& content) {
    if (args.has("suppress")) {
        const auto n = parseInteger(args.get("suppress"));
        if (!n || *n < 0 || *n > 100)
            return badRequest("--suppress must be a whole number from 0 to 100 (0: off)");
        content.suppress = *n;
    }
    content.hotspots = hotspotRequestFromPlan(plan);
    if (args.has("threshold")) {
        auto t = parseThreshold(args.get("threshold"));
        if (!t)
            return badRequest(t.failure().message);
        content.hotspots.threshold = t.value();
    }
    if (args.has("hotspot-radius")) {
        const std::string r = args.get("hotspot-radius");
        KdeRequest& k = content.hotspots.density;
        if (r == "arcgis" || r == "scott") {
            k.radius_rule = r == "arcgis" ? BandwidthRule::ArcGis : BandwidthRule::Scott;
            k.kde.radius_m = 0;
        } else {
            const auto m = parseDouble(r);
            if (!m || !(*m > 0))
                return badRequest("--hotspot-radius must be metres, arcgis or scott, got '" + r +
                                  "'");
            k.radius_rule = BandwidthRule::Fixed;
            k.kde.radius_m = *m;
        }
    }
    return okStatus();
}

void warnIfUnsuppressed(const std::string& command, const PackContentRequest& content) {
    if (content.suppress <= 1)
        std::fprintf(stderr,
                     "streetweek %s: warning: --suppress %lld turns disclosure control off; "
                     "counts of 1 to 4 will be published\n",
                     command.c_str(), static_cast<long long>(content.suppress));
}

} // namespace sw::cli
