// Donut masking of non-public rows onto anonymous points.
#include "core/location_mask.hpp"

#include "core/incident_table.hpp"
#include "core/random.hpp"

#include <boost/geometry/index/rtree.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace sw {
namespace bgi = boost::geometry::index;

LocationMaskReport maskNonPublicLocations(IncidentTable& t, const LocationMaskParams& p) {
    LocationMaskReport rep;
    if (t.sources.empty())
        return rep;
    // The anonymous points: the distinct places of public rows (police.uk's snap points).
    std::vector<Point> anon;
    for (std::size_t i = 0; i < t.size(); ++i)
        if (t.rowIsPublic(i))
            anon.emplace_back(t.x[i], t.y[i]);
    std::sort(anon.begin(), anon.end(), [](const Point& a, const Point& b) {
        return a.x() != b.x() ? a.x() < b.x() : a.y() < b.y();
    });
    anon.erase(std::unique(
                   anon.begin(), anon.end(),
                   [](const Point& a, const Point& b) { return a.x() == b.x() && a.y() == b.y(); }),
               anon.end());
    const bgi::rtree<Point, bgi::quadratic<16>> tree(anon.begin(), anon.end());
    const double lo = std::max(0.0, p.min_m), hi = std::max(lo, p.max_m);
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (t.rowIsPublic(i))
            continue;
        // Drawn from the secret key and the place (to the metre): rows at one address move
        // together, so many complaints from one home cannot be averaged back to it, and
        // without the key no place can be worked back from its masked point.
        const auto ex = static_cast<std::uint64_t>(std::llround(t.x[i]));
        const auto ny = static_cast<std::uint64_t>(std::llround(t.y[i]));
        Rng place(ex * 0x9E3779B97F4A7C15ull ^ (ny + 0x632BE59BD9B4E019ull));
        Rng rng(p.key ^ place.next());
        rng.next();
        const double angle = rng.uniform(0.0, 6.283185307179586);
        // Uniform over the ring's area, not its radius (no crowding near the inner edge).
        const double r = std::sqrt(rng.uniform(lo * lo, hi * hi));
        const Point truth(t.x[i], t.y[i]);
        const Point target(truth.x() + r * std::cos(angle), truth.y() + r * std::sin(angle));
        const auto inRing = [&](const Point& q) {
            const double d = std::hypot(q.x() - truth.x(), q.y() - truth.y());
            return d >= lo && d <= hi;
        };
        Point out = target;
        std::vector<Point> near;
        tree.query(bgi::nearest(target, 1) && bgi::satisfies(inRing), std::back_inserter(near));
        if (!near.empty() && std::hypot(near[0].x() - target.x(), near[0].y() - target.y()) <= lo) {
            out = near[0];
            ++rep.snapped;
        }
        t.x[i] = out.x();
        t.y[i] = out.y();
        ++rep.moved;
    }
    return rep;
}

std::string describeMasking(const LocationMaskParams& p) {
    char buf[200];
    std::snprintf(buf, sizeof buf,
                  "moved %g to %g m from where they were, to a police.uk map point in that ring "
                  "where there is one",
                  p.min_m, p.max_m);
    return buf;
}

} // namespace sw
