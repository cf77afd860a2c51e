// R-tree + GEOS prepared geometry point-in-ward assignment.
#include "geo/ward_locator.hpp"

#include "core/incident_table.hpp"
#include "core/parallel.hpp"
#include "geo/geos_context.hpp"

#include <boost/geometry/index/rtree.hpp>

#include <algorithm>

namespace sw::geo {

namespace bgi = boost::geometry::index;
using BoxEntry = std::pair<Box, std::int32_t>;

struct WardLocator::Index {
    bgi::rtree<BoxEntry, bgi::quadratic<16>> tree;
};

namespace {

// Per-thread GEOS state: a context and prepared geometries for every ward.
struct ThreadGeometry {
    GeosContext ctx;
    std::vector<GeomPtr> geoms;
    std::vector<PreparedPtr> prepared;

    explicit ThreadGeometry(const WardSet& wards) {
        for (const auto& w : wards.wards) {
            geoms.push_back(toGeos(ctx, w.shape));
            prepared.emplace_back(geoms.back() ? GEOSPrepare_r(ctx.handle(), geoms.back().get())
                                               : nullptr,
                                  PreparedDeleter{ctx.handle()});
        }
    }

    std::int32_t locate(const bgi::rtree<BoxEntry, bgi::quadratic<16>>& tree, double x, double y,
                        std::vector<BoxEntry>& hits) {
        hits.clear();
        tree.query(bgi::intersects(Point(x, y)), std::back_inserter(hits));
        if (hits.empty())
            return kOutsideWards;
        std::sort(hits.begin(), hits.end(),
                  [](const BoxEntry& a, const BoxEntry& b) { return a.second < b.second; });
        GEOSGeometry* pt = GEOSGeom_createPointFromXY_r(ctx.handle(), x, y);
        std::int32_t found = kOutsideWards;
        std::int32_t last = -1;
        for (const auto& h : hits) {
            if (h.second == last)
                continue; // several parts of one ward
            last = h.second;
            const auto* prep = prepared[static_cast<std::size_t>(h.second)].get();
            if (prep && GEOSPreparedIntersects_r(ctx.handle(), prep, pt) == 1) {
                found = h.second;
                break;
            }
        }
        GEOSGeom_destroy_r(ctx.handle(), pt);
        return found;
    }
};

} // namespace

WardLocator::WardLocator(const WardSet& wards) : wards_(wards), index_(std::make_unique<Index>()) {
    std::vector<BoxEntry> entries;
    for (std::size_t i = 0; i < wards.size(); ++i)
        for (const auto& part : wards.wards[i].shape) {
            Box b;
            bg::envelope(part, b);
            entries.emplace_back(b, static_cast<std::int32_t>(i));
        }
    index_->tree = bgi::rtree<BoxEntry, bgi::quadratic<16>>(entries);
}

WardLocator::~WardLocator() = default;

void WardLocator::assign(const double* x, const double* y, std::int32_t* ward, std::size_t n,
                         unsigned threads, Progress* progress) const {
    constexpr std::size_t kChunk = 1 << 15;
    const std::size_t chunks = (n + kChunk - 1) / kChunk;
    threads = std::max(
        1u, std::min<unsigned>(threads, static_cast<unsigned>(std::max<std::size_t>(chunks, 1))));
    std::vector<std::unique_ptr<ThreadGeometry>> state(threads);
    // Each thread t takes chunks t, t + threads, ...; build its state on first use.
    parallelChunks(n, kChunk, threads, [&](std::size_t b, std::size_t e, std::size_t c) {
        auto& st = state[c % threads];
        if (!st)
            st = std::make_unique<ThreadGeometry>(wards_);
        std::vector<BoxEntry> hits;
        for (std::size_t i = b; i < e; ++i)
            ward[i] = st->locate(index_->tree, x[i], y[i], hits);
        if (progress)
            progress->add(e - b);
    });
}

std::vector<std::int32_t> WardLocator::wardsIntersecting(const MultiPolygon& shape) const {
    std::vector<std::int32_t> out;
    Box b;
    bg::envelope(shape, b);
    std::vector<BoxEntry> hits;
    index_->tree.query(bgi::intersects(b), std::back_inserter(hits));
    if (hits.empty())
        return out;
    GeosContext ctx;
    GeomPtr g = toGeos(ctx, shape);
    for (const auto& h : hits) {
        if (std::find(out.begin(), out.end(), h.second) != out.end())
            continue;
        GeomPtr w = toGeos(ctx, wards_.wards[static_cast<std::size_t>(h.second)].shape);
        // Interiors must meet: a hotspot that only shares an edge with a ward does not touch it.
        if (g && w && GEOSRelatePattern_r(ctx.handle(), g.get(), w.get(), "T********") == 1)
            out.push_back(h.second);
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::int32_t WardLocator::locate(double x, double y) const {
    ThreadGeometry st(wards_);
    std::vector<BoxEntry> hits;
    return st.locate(index_->tree, x, y, hits);
}

} // namespace sw::geo
