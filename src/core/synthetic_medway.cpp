// Synthetic Medway-like sample generation (design and incidents; no I/O).
#include "core/synthetic_medway.hpp"

#include "core/random.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace sw {
namespace {

constexpr double kCentreX = 579000.0, kCentreY = 169000.0; // BNG metres
constexpr double kPi = 3.141592653589793;
constexpr int kMapPoints = 4000;
constexpr double kBaseMonthly = 4000.0;

enum Type : std::uint8_t {
    ASB,
    Bicycle,
    Burglary,
    Damage,
    Drugs,
    OtherCrime,
    OtherTheft,
    Weapons,
    PublicOrder,
    Robbery,
    Shoplifting,
    TheftPerson,
    Vehicle,
    Violence,
    kTypes
};

// Share of each type (police.uk England and Wales, roughly), in Type order.
constexpr double kTypeMix[kTypes] = {0.26,  0.009, 0.035, 0.075, 0.022, 0.016, 0.055,
                                     0.012, 0.075, 0.008, 0.06,  0.008, 0.045, 0.30};

struct HotspotDesign {
    double dx_km, dy_km, sd_m, weight, trend;
    std::vector<std::pair<Type, double>> boost;
};

std::vector<HotspotDesign> hotspotDesigns() {
    return {
        // Chatham town centre
        {-0.2,
         -2.0,
         250,
         3.0,
         0.0,
         {{Shoplifting, 4},
          {ASB, 2},
          {Violence, 2},
          {Drugs, 2},
          {TheftPerson, 3},
          {PublicOrder, 2}}},
        // Gillingham High Street
        {2.0, -0.2, 250, 2.0, 0.0, {{Shoplifting, 3}, {ASB, 2}, {Violence, 1.5}, {Drugs, 2}}},
        // Strood retail
        {-3.0, -0.6, 300, 1.2, 0.0, {{Shoplifting, 3}, {Vehicle, 2}}},
        // Rochester High Street (night-time economy)
        {-1.6, -0.9, 250, 1.0, 0.0, {{Violence, 2}, {PublicOrder, 2}, {TheftPerson, 2}}},
        // Luton estate
        {0.9, -2.9, 300, 1.5, 0.0, {{ASB, 3}, {Drugs, 3}, {Damage, 2}, {Weapons, 3}}},
        // Twydall estate
        {3.8, -1.4, 350, 1.0, 0.0, {{ASB, 2}, {Burglary, 2}, {Damage, 2}}},
        // Rainham centre
        {5.3, -2.0, 250, 0.8, 0.0, {{Shoplifting, 3}}},
        // Wayfield: emerging (grows month on month)
        {0.5, -3.9, 250, 0.5, 0.06, {{ASB, 2}, {Drugs, 3}, {Weapons, 3}}},
        // Strood South estate: diminishing
        {-3.6, -1.6, 300, 2.0, -0.06, {{ASB, 2}, {Damage, 2}}},
        // Hoo village
        {3.5, 4.0, 400, 0.4, 0.0, {{ASB, 2}}},
    };
}

const char* kStreetStems[] = {
    "Albany",   "Balmoral",    "Beacon", "Brompton", "Castle",  "Cherry",    "Church",  "Clover",
    "College",  "Copperfield", "Dock",   "Eastgate", "Elm",     "Fort",      "Gordon",  "Grange",
    "Hawthorn", "Highfield",   "King",   "Lambeth",  "Luton",   "Maidstone", "Manor",   "Medway",
    "Mill",     "Nelson",      "New",    "Orchard",  "Park",    "Pier",      "Priory",  "Queen",
    "Railway",  "Rose",        "Saxon",  "Solomon",  "Station", "Victoria",  "Watling", "Willow"};
const char* kStreetKinds[] = {"Road",  "Street",  "Avenue",   "Close", "Lane", "Way",
                              "Drive", "Gardens", "Crescent", "Place", "Hill"};
const char* kPlaces[] = {"Parking Area",
                         "Shopping Area",
                         "Supermarket",
                         "Petrol Station",
                         "Nightclub",
                         "Sports/Recreation Area",
                         "Further/Higher Educational Building",
                         "Hospital",
                         "Conference/Exhibition Centre"};

std::vector<double> cumulative(const std::vector<double>& w) {
    std::vector<double> c(w.size());
    double s = 0;
    for (std::size_t i = 0; i < w.size(); ++i)
        c[i] = (s += w[i]);
    return c;
}

std::size_t pick(const std::vector<double>& cum, double u) {
    const double target = u * cum.back();
    auto it = std::upper_bound(cum.begin(), cum.end(), target);
    return std::min<std::size_t>(static_cast<std::size_t>(it - cum.begin()), cum.size() - 1);
}

int wardOf(const WardSet& wards, const Point& p) {
    for (std::size_t w = 0; w < wards.size(); ++w)
        if (bg::within(p, wards.wards[w].shape))
            return static_cast<int>(w);
    return -1;
}

} // namespace

Status SampleParams::validate() const {
    if (months < 1 || months > 600)
        return Error{"--months must be between 1 and 600"};
    if (!(scale > 0) || scale > 10000)
        return Error{"--scale must be a positive number up to 10000"};
    return okStatus();
}

std::uint64_t SampleParams::expectedTotal() const {
    return static_cast<std::uint64_t>(kBaseMonthly * scale * months);
}

const std::vector<std::string>& syntheticCrimeTypes() {
    static const std::vector<std::string> types = {"Anti-social behaviour",
                                                   "Bicycle theft",
                                                   "Burglary",
                                                   "Criminal damage and arson",
                                                   "Drugs",
                                                   "Other crime",
                                                   "Other theft",
                                                   "Possession of weapons",
                                                   "Public order",
                                                   "Robbery",
                                                   "Shoplifting",
                                                   "Theft from the person",
                                                   "Vehicle crime",
                                                   "Violence and sexual offences"};
    return types;
}

std::vector<SyntheticWardSeed> syntheticWardSeeds() {
    struct S {
        const char* name;
        double dx, dy, pop;
    };
    static const S seeds[] = {
        {"Chatham Central", -0.3, -2.2, 15200},
        {"Cuxton and Halling", -5.4, -2.9, 8200},
        {"Gillingham North", 2.2, 0.5, 16100},
        {"Gillingham South", 2.5, -0.7, 15600},
        {"Hempstead and Wigmore", 3.0, -4.3, 8900},
        {"Lordswood and Capstone", 1.2, -5.0, 9700},
        {"Luton and Wayfield", 0.8, -3.1, 12600},
        {"Peninsula", 3.0, 5.0, 17300},
        {"Princes Park", 0.0, -4.2, 10500},
        {"Rainham Central", 5.5, -2.2, 12100},
        {"Rainham North", 5.0, -0.5, 9800},
        {"Rainham South", 5.3, -3.8, 14000},
        {"River", -0.8, 0.8, 11200},
        {"Rochester East", -1.2, -1.0, 9600},
        {"Rochester South and Horsted", -1.5, -3.4, 10800},
        {"Rochester West", -2.2, -1.8, 10400},
        {"Strood North", -3.2, 0.5, 13600},
        {"Strood Rural", -4.3, 3.0, 14200},
        {"Strood South", -3.8, -1.2, 14300},
        {"Twydall", 3.8, -1.5, 12200},
        {"Walderslade", -1.2, -5.4, 10300},
        {"Watling", 2.0, -1.6, 11800},
    };
    std::vector<SyntheticWardSeed> out;
    int i = 0;
    for (const auto& s : seeds) {
        char code[32];
        std::snprintf(code, sizeof code, "E059999%02d", ++i % 100);
        out.push_back(
            {code, s.name, Point(kCentreX + s.dx * 1000.0, kCentreY + s.dy * 1000.0), s.pop});
    }
    return out;
}

MultiPolygon syntheticDistrict() {
    Polygon p;
    constexpr int kVertices = 240;
    for (int i = 0; i < kVertices; ++i) {
        const double t = 2 * kPi * i / kVertices;
        const double r = 7600.0 * (1 + 0.10 * std::sin(3 * t + 0.5) + 0.07 * std::cos(5 * t) +
                                   0.04 * std::sin(9 * t + 1.0));
        p.outer().emplace_back(kCentreX + r * std::cos(t), kCentreY + 0.95 * r * std::sin(t));
    }
    p.outer().push_back(p.outer().front());
    bg::correct(p);
    return MultiPolygon{p};
}

MultiPolygon syntheticIsland() {
    Polygon p;
    for (int i = 0; i < 24; ++i) {
        const double t = 2 * kPi * i / 24;
        p.outer().emplace_back(kCentreX + 8200 + 500 * std::cos(t),
                               kCentreY + 5200 + 260 * std::sin(t));
    }
    p.outer().push_back(p.outer().front());
    bg::correct(p);
    return MultiPolygon{p};
}

SyntheticIncidentGenerator::SyntheticIncidentGenerator(const WardSet& wards,
                                                       const SampleParams& params)
    : params_(params) {
    Rng rng(params.seed);
    const auto designs = hotspotDesigns();
    const Box box = wards.bounds();
    // Map points: 40% around hotspots, 60% spread over the district.
    int attempts = 0;
    while (static_cast<int>(map_points_.size()) < kMapPoints && attempts++ < kMapPoints * 50) {
        Point p;
        if (rng.uniform() < 0.4) {
            const auto& h = designs[rng.below(designs.size())];
            p = Point(kCentreX + h.dx_km * 1000 + rng.normal() * h.sd_m * 1.5,
                      kCentreY + h.dy_km * 1000 + rng.normal() * h.sd_m * 1.5);
        } else {
            p = Point(rng.uniform(box.min_corner().x(), box.max_corner().x()),
                      rng.uniform(box.min_corner().y(), box.max_corner().y()));
        }
        const int w = wardOf(wards, p);
        if (w < 0)
            continue;
        MapPoint mp;
        // Snap to a 10 m grid, as published points are rounded.
        mp.x = std::round(p.x() / 10) * 10;
        mp.y = std::round(p.y() / 10) * 10;
        mp.ward = w;
        if (rng.uniform() < 0.12)
            mp.street = std::string("On or near ") + kPlaces[rng.below(std::size(kPlaces))];
        else
            mp.street = std::string("On or near ") +
                        kStreetStems[rng.below(std::size(kStreetStems))] + " " +
                        kStreetKinds[rng.below(std::size(kStreetKinds))];
        Point c(0, 0);
        bg::centroid(wards.wards[static_cast<std::size_t>(w)].shape, c);
        const double ang = std::atan2(mp.y - c.y(), mp.x - c.x()) + kPi;
        const int sector = std::min(5, static_cast<int>(ang / (2 * kPi) * 6));
        char code[32], name[48];
        std::snprintf(code, sizeof code, "E0199%02d%02d", (w + 1) % 100, sector);
        std::snprintf(name, sizeof name, "Medway %03d%c", (w + 1) % 1000, 'A' + sector);
        mp.lsoa_code = code;
        mp.lsoa_name = name;
        map_points_.push_back(std::move(mp));
    }
    // Background: each ward's points share its population.
    const auto seeds = syntheticWardSeeds();
    std::vector<int> per_ward(wards.size(), 0);
    for (const auto& mp : map_points_)
        ++per_ward[static_cast<std::size_t>(mp.ward)];
    std::vector<double> bw;
    for (const auto& mp : map_points_) {
        const auto w = static_cast<std::size_t>(mp.ward);
        const double pop = w < seeds.size() ? seeds[w].population : 10000.0;
        bw.push_back(pop / std::max(1, per_ward[w]));
    }
    background_cum_ = cumulative(bw);
    for (const auto& d : designs) {
        Hotspot h{kCentreX + d.dx_km * 1000,
                  kCentreY + d.dy_km * 1000,
                  d.sd_m,
                  d.weight,
                  d.trend,
                  std::vector<double>(kTypes, 1.0),
                  {},
                  {}};
        for (auto [t, b] : d.boost)
            h.affinity[t] = b;
        std::vector<double> w;
        for (std::size_t i = 0; i < map_points_.size(); ++i) {
            const double dx = map_points_[i].x - h.x, dy = map_points_[i].y - h.y;
            const double d2 = dx * dx + dy * dy;
            if (d2 > 9 * h.sd_m * h.sd_m)
                continue;
            h.points.push_back(static_cast<int>(i));
            w.push_back(std::exp(-d2 / (2 * h.sd_m * h.sd_m)));
        }
        if (h.points.empty())
            continue;
        h.cumulative = cumulative(w);
        hotspots_.push_back(std::move(h));
    }
}

std::vector<SyntheticIncident> SyntheticIncidentGenerator::month(int k) const {
    Rng rng(params_.seed * 1000003ull + static_cast<std::uint64_t>(k) * 7919ull + 17);
    const int moy = monthOfYear(params_.first_month + k);
    const double season = 1.0 + 0.1 * std::sin(2 * kPi * (moy - 4) / 12.0);
    const auto n = static_cast<std::size_t>(std::llround(kBaseMonthly * params_.scale * season));
    const auto type_cum = cumulative(std::vector<double>(std::begin(kTypeMix), std::end(kTypeMix)));
    std::vector<double> hot_w(hotspots_.size());
    std::vector<std::vector<double>> hot_cum_by_type(kTypes);
    for (int t = 0; t < kTypes; ++t) {
        for (std::size_t h = 0; h < hotspots_.size(); ++h)
            hot_w[h] = hotspots_[h].weight * std::exp(hotspots_[h].trend * k) *
                       hotspots_[h].affinity[static_cast<std::size_t>(t)];
        hot_cum_by_type[static_cast<std::size_t>(t)] = cumulative(hot_w);
    }
    std::vector<SyntheticIncident> out(n);
    for (auto& inc : out) {
        inc.type = static_cast<std::uint8_t>(pick(type_cum, rng.uniform()));
        const double u_loc = rng.uniform();
        const double u_hot = rng.uniform();
        const double u_pick = rng.uniform();
        const double u_ctx = rng.uniform();
        if (u_loc < 0.01) {
            inc.map_point = -1;
        } else if (u_hot < 0.5 && !hotspots_.empty()) {
            const auto& h = hotspots_[pick(hot_cum_by_type[inc.type], u_pick)];
            inc.map_point = h.points[pick(h.cumulative, rng.uniform())];
        } else {
            inc.map_point = static_cast<int>(pick(background_cum_, u_pick));
        }
        inc.knife_context =
            (inc.type == Robbery || inc.type == Violence || inc.type == PublicOrder) &&
            u_ctx < 0.03;
    }
    return out;
}

std::string SyntheticIncidentGenerator::crimeId(std::uint64_t seed, int month, std::size_t row) {
    Rng rng(seed ^ (static_cast<std::uint64_t>(month) << 40) ^ (row * 0x9E3779B97F4A7C15ull));
    std::string id;
    char buf[17];
    for (int i = 0; i < 4; ++i) {
        std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(rng.next()));
        id += buf;
    }
    return id;
}

} // namespace sw
