// Map geometry building: triangulation (GEOS), outline segments, layer point lists.
#include "render/map_geometry.hpp"

#include "geo/triangulate.hpp"

#include <algorithm>

#include <boost/geometry/algorithms/point_on_surface.hpp>

namespace sw {
namespace {

constexpr Rgba kPalette[] = {{251, 180, 174, 255}, {179, 205, 227, 255}, {204, 235, 197, 255},
                             {222, 203, 228, 255}, {254, 217, 166, 255}, {255, 255, 204, 255},
                             {229, 216, 189, 255}, {253, 218, 236, 255}};
constexpr int kPaletteSize = static_cast<int>(std::size(kPalette));

void pushVertex(std::vector<float>& v, const Point& p, const Point& o, const Rgba& c, float alpha) {
    v.insert(v.end(), {static_cast<float>(p.x() - o.x()), static_cast<float>(p.y() - o.y()),
                       c.r / 255.0f, c.g / 255.0f, c.b / 255.0f, alpha});
}

void pushRing(std::vector<float>& v, const Ring& r, const Point& o,
              const Rgba& outline = {60, 60, 70, 255}) {
    for (std::size_t i = 0; i + 1 < r.size(); ++i) {
        pushVertex(v, r[i], o, outline, 0.9f);
        pushVertex(v, r[i + 1], o, outline, 0.9f);
    }
}

// Greedy colouring so that wards whose boxes overlap (a proxy for neighbours) differ.
std::vector<int> colourWards(const WardSet& wards) {
    std::vector<int> colour(wards.size(), -1);
    for (std::size_t i = 0; i < wards.size(); ++i) {
        std::vector<bool> used(kPaletteSize, false);
        for (std::size_t j = 0; j < i; ++j)
            if (bg::intersects(wards.wards[i].bounds, wards.wards[j].bounds))
                used[static_cast<std::size_t>(colour[j])] = true;
        int c = 0;
        while (c < kPaletteSize && used[static_cast<std::size_t>(c)])
            ++c;
        colour[i] = c < kPaletteSize ? c : static_cast<int>(i % kPaletteSize);
    }
    return colour;
}

} // namespace

Rgba wardPaletteColour(int index) {
    return kPalette[((index % kPaletteSize) + kPaletteSize) % kPaletteSize];
}

MapGeometry buildMapGeometry(const WardSet& wards, const IncidentTable& incidents,
                             const std::vector<LayerRule>& layers) {
    MapGeometry g;
    Box b = wards.bounds();
    if (boxIsEmpty(b) && !incidents.empty())
        b = incidents.bounds();
    if (!boxIsEmpty(b))
        g.origin = Point(std::round((b.min_corner().x() + b.max_corner().x()) / 2),
                         std::round((b.min_corner().y() + b.max_corner().y()) / 2));
    g.ward_colour_index = colourWards(wards);
    for (std::size_t w = 0; w < wards.size(); ++w) {
        const Ward& ward = wards.wards[w];
        const Rgba c = wardPaletteColour(g.ward_colour_index[w]);
        g.ward_fill_first.push_back(static_cast<std::uint32_t>(g.fill_vertices.size() / 6));
        for (const auto& p : geo::triangulate(ward.shape))
            pushVertex(g.fill_vertices, p, g.origin, c, 1.0f);
        g.ward_fill_count.push_back(static_cast<std::uint32_t>(g.fill_vertices.size() / 6) -
                                    g.ward_fill_first.back());
        for (const auto& poly : ward.shape) {
            pushRing(g.outline_vertices, poly.outer(), g.origin);
            for (const auto& in : poly.inners())
                pushRing(g.outline_vertices, in, g.origin);
        }
        // Label anchor: a point on the largest part's surface.
        std::size_t largest = 0;
        for (std::size_t i = 1; i < ward.shape.size(); ++i)
            if (std::abs(bg::area(ward.shape[i])) > std::abs(bg::area(ward.shape[largest])))
                largest = i;
        Point anchor(0, 0);
        if (!ward.shape.empty())
            bg::point_on_surface(ward.shape[largest], anchor);
        g.ward_label_anchors.push_back(anchor);
    }
    setLayerPoints(g, buildLayerPoints(incidents, layers, g.origin, !wards.empty()));
    return g;
}

LayerPoints buildLayerPoints(const IncidentTable& incidents, const std::vector<LayerRule>& layers,
                             const Point& origin, bool study_area) {
    LayerPoints out;
    const auto masks = layerMasks(layers, incidents);
    // Incidents inside the study area, then outside; each in month order (stable: file order
    // within a month).
    auto outside = [&](std::uint32_t i) { return study_area && incidents.ward[i] < 0; };
    std::vector<std::uint32_t> order(incidents.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = static_cast<std::uint32_t>(i);
    std::stable_sort(order.begin(), order.end(), [&](std::uint32_t i, std::uint32_t j) {
        if (outside(i) != outside(j))
            return !outside(i);
        return incidents.month[i] < incidents.month[j];
    });
    const std::size_t nl = std::min<std::size_t>(layers.size(), kMaxLayers);
    out.points.resize(nl);
    out.months.resize(nl);
    for (std::size_t l = 0; l < nl; ++l) {
        auto& pts = out.points[l];
        auto& months = out.months[l];
        const std::uint32_t bit = 1u << l;
        std::size_t inside = 0;
        for (std::uint32_t i : order)
            if (masks[i] & bit) {
                pts.push_back(static_cast<float>(incidents.x[i] - origin.x()));
                pts.push_back(static_cast<float>(incidents.y[i] - origin.y()));
                months.push_back(incidents.month[i]);
                inside += outside(i) ? 0 : 1;
            }
        out.counts.push_back(pts.size() / 2);
        out.inside.push_back(inside);
    }
    for (const auto& l : layers)
        out.signature.push_back(layerMatchSignature(l));
    return out;
}

void setLayerPoints(MapGeometry& g, LayerPoints&& p) {
    g.layer_points = std::move(p.points);
    g.layer_months = std::move(p.months);
    g.layer_counts = std::move(p.counts);
    g.layer_inside = std::move(p.inside);
    g.layer_signature = std::move(p.signature);
}

std::vector<std::string> layerSignatures(const std::vector<LayerRule>& layers) {
    std::vector<std::string> s;
    for (const auto& l : layers)
        s.push_back(layerMatchSignature(l));
    return s;
}

std::string layerMatchSignature(const LayerRule& rule) {
    LayerRule r = rule; // colour and visibility do not change which points a layer holds
    r.colour = {};
    r.name.clear();
    return formatLayerRule(r);
}

std::vector<float> outlineVertices(const std::vector<MultiPolygon>& shapes, const Point& origin,
                                   const Rgba& colour) {
    std::vector<float> v;
    for (const auto& mp : shapes)
        for (const auto& poly : mp) {
            pushRing(v, poly.outer(), origin, colour);
            for (const auto& in : poly.inners())
                pushRing(v, in, origin, colour);
        }
    return v;
}

ContextVertices contextVertices(const ContextLayer& layer, const Point& o) {
    ContextVertices v;
    auto push = [&o](std::vector<float>& out, const Point& p) {
        out.push_back(static_cast<float>(p.x() - o.x()));
        out.push_back(static_cast<float>(p.y() - o.y()));
    };
    for (const auto& line : layer.lines)
        for (std::size_t i = 0; i + 1 < line.size(); ++i) {
            push(v.segments, line[i]);
            push(v.segments, line[i + 1]);
        }
    for (const auto& p : layer.points)
        push(v.points, p);
    return v;
}

std::size_t pointStride(std::size_t points, double share, std::size_t budget) {
    if (budget == 0)
        return 1;
    const double on_screen = static_cast<double>(points) * std::clamp(share, 0.0, 1.0);
    const double k = std::ceil(on_screen / static_cast<double>(budget));
    return static_cast<std::size_t>(std::clamp(k, 1.0, 255.0));
}

PointRange monthRange(const std::vector<MonthIndex>& m, MonthIndex from, MonthIndex to) {
    return monthRange(m, 0, m.size(), from, to);
}

PointRange monthRange(const std::vector<MonthIndex>& m, std::size_t begin, std::size_t end,
                      MonthIndex from, MonthIndex to) {
    end = std::min(end, m.size());
    begin = std::min(begin, end);
    const auto b = m.begin() + static_cast<std::ptrdiff_t>(begin);
    const auto e = m.begin() + static_cast<std::ptrdiff_t>(end);
    auto lo = from == kNoMonth ? b : std::lower_bound(b, e, from);
    auto hi = to == kNoMonth ? e : std::upper_bound(b, e, to);
    if (hi < lo)
        hi = lo;
    return {static_cast<std::size_t>(lo - m.begin()), static_cast<std::size_t>(hi - lo)};
}

void recolourWardFills(MapGeometry& g, const std::vector<Rgba>& colours, float alpha) {
    for (std::size_t w = 0; w < g.ward_fill_first.size() && w < colours.size(); ++w)
        for (std::uint32_t v = 0; v < g.ward_fill_count[w]; ++v) {
            float* p = &g.fill_vertices[(g.ward_fill_first[w] + v) * 6];
            p[2] = colours[w].r / 255.0f;
            p[3] = colours[w].g / 255.0f;
            p[4] = colours[w].b / 255.0f;
            p[5] = alpha;
        }
}

} // namespace sw
