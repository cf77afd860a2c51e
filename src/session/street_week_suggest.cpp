// Candidates from a uniform-kernel surface, blocked by the plan, chosen exactly.
#include "session/street_week_suggest.hpp"

#include "core/calendar_date.hpp"
#include "core/circle_placements.hpp"
#include "core/hex_grid.hpp"
#include "core/kde.hpp"
#include "core/parallel.hpp"
#include "core/point_grid.hpp"
#include "core/text.hpp"
#include "geo/ward_locator.hpp"
#include "session/hotspot_candidates.hpp"
#include "session/study_area.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <numeric>

namespace sw {
namespace {

// Planned areas, zones and recent visits a new area must keep clear of.
std::vector<const TargetArea*> blockingAreas(const SuggestRequest& r, MonthIndex period_end) {
    std::vector<const TargetArea*> out;
    for (const auto& a : r.planned) {
        if (a.status == AreaStatus::Done && a.week != kNoDay && !a.excluded &&
            period_end - monthOfDay(a.week) >= r.revisit_months)
            continue; // visited long enough ago to go back
        out.push_back(&a);
    }
    return out;
}

// What the choice is made on: the candidates, their polygons (hotspot candidates only) and the
// compatibility rule.
struct Candidates {
    std::vector<AreaCandidate> choice;
    std::vector<PolygonCandidate> polygons;
    AreaChoiceParams params;
};

Status checkRequest(const SuggestRequest& r) {
    if (r.weeks < 1 || r.weeks > 52)
        return badRequest("--weeks must be 1 to 52, got " + std::to_string(r.weeks));
    if (!(r.radius_m >= 25 && r.radius_m <= 5000))
        return badRequest("--radius must be 25 to 5000 m");
    if (r.shape == SuggestShape::HotspotPolygon &&
        !(r.max_area_km2 >= 0.01 && r.max_area_km2 <= 25))
        return badRequest("--max-area must be 0.01 to 25 km2");
    if (!(r.min_gap_m >= 0 && r.min_gap_m <= 50000))
        return badRequest("--min-gap must be 0 to 50000 m");
    if (!(r.min_per_site >= 0 && r.min_per_site < 1e12))
        return badRequest("--min-per-site must be zero or more");
    if (r.step_m != 0 && !(r.step_m >= r.radius_m / 20 && r.step_m <= r.radius_m))
        return badRequest("the candidate step must be between a twentieth of the radius and "
                          "the radius");
    return okStatus();
}

// Every placement that matters (core/circle_placements): centres in the study area, clear of
// the plan's areas. False when the pairs are too many to enumerate.
bool exactCircleCandidates(const Session& session, const SuggestRequest& request,
                           const WeightedPoints& pts,
                           const std::vector<const TargetArea*>& blocking, Candidates& out,
                           SuggestResult& result, Progress* progress) {
    const WeightedPoints loc = mergeLocations(pts);
    PlacementParams pp;
    pp.radius_m = request.radius_m;
    const Placements pl = circlePlacements(loc, pp, progress);
    result.locations = pl.locations;
    result.pairs = pl.pairs;
    result.pairs_estimated = pl.pairs_estimated;
    if (!pl.enumerated)
        return false;
    std::vector<double> x, y;
    for (const auto& c : pl.candidates) {
        x.push_back(c.x);
        y.push_back(c.y);
    }
    std::vector<std::int32_t> ward(x.size(), kOutsideWards);
    geo::WardLocator(session.wards())
        .assign(x.data(), y.data(), ward.data(), x.size(), resolveThreads(0), progress);
    const double clearance = request.radius_m + request.min_gap_m;
    for (std::size_t i = 0; i < pl.candidates.size(); ++i) {
        if (ward[i] == kOutsideWards)
            continue;
        ++result.candidates;
        const Point centre(x[i], y[i]);
        if (std::any_of(blocking.begin(), blocking.end(), [&](const TargetArea* a) {
                return bg::distance(centre, a->shape) < clearance;
            })) {
            ++result.blocked;
            continue;
        }
        out.choice.push_back(pl.candidates[i]);
    }
    out.params.min_centre_distance = 2 * request.radius_m + request.min_gap_m;
    result.method = "every placement that matters: each of the " +
                    withThousands(static_cast<long long>(pl.locations)) +
                    " distinct incident locations and the circles through each of the " +
                    withThousands(static_cast<long long>(pl.pairs)) +
                    " pairs closer than the diameter, counted on the saved polygon";
    return true;
}

// Circles on a grid of centres: each captures the weighted count within the radius.
Status circleCandidates(const Session& session, const SuggestRequest& request,
                        const WeightedPoints& pts, const std::vector<const TargetArea*>& blocking,
                        Candidates& out, SuggestResult& result, Progress* progress) {
    KdeParams k;
    k.kernel = KernelShape::Uniform;
    k.units = DensityUnits::Raw;
    k.radius_m = request.radius_m;
    k.cell_size_m = request.step_m > 0 ? request.step_m : request.radius_m / 3;
    const Box extent = studyExtent(session, k.cell_size_m);
    k.extent = extent;
    auto density = computeKde(pts, k, extent, progress);
    if (!density)
        return density.failure();
    const Grid& g = density.value().grid;
    const auto in_study = studyCells(session.wards(), g, resolveThreads(0));
    const double clearance = request.radius_m + request.min_gap_m;
    for (std::size_t r = 0; r < g.rows; ++r)
        for (std::size_t c = 0; c < g.cols; ++c) {
            const std::size_t i = r * g.cols + c;
            if (!in_study.empty() && !in_study[i])
                continue;
            ++result.candidates;
            const Point centre(g.cellCentreX(c), g.cellCentreY(r));
            const bool blocked =
                std::any_of(blocking.begin(), blocking.end(), [&](const TargetArea* a) {
                    return bg::distance(centre, a->shape) < clearance;
                });
            if (blocked)
                ++result.blocked;
            else if (g.values[i] > 0)
                out.choice.push_back({centre.x(), centre.y(), g.values[i]});
        }
    out.params.min_centre_distance = 2 * request.radius_m + request.min_gap_m;
    return okStatus();
}

// An equal-hexagon tessellation from the study area's south-west corner: every cell holding an
// incident is a candidate, counted on its saved polygon (boundary included, as the statistics
// count). Cells share edges, never ground; with a gap, cells closer than it conflict.
void hexagonCandidates(const Session& session, const SuggestRequest& request,
                       const WeightedPoints& pts, const std::vector<const TargetArea*>& blocking,
                       Candidates& out, SuggestResult& result) {
    const WeightedPoints loc = mergeLocations(pts);
    const Box extent = studyExtent(session, request.radius_m);
    const HexGrid grid(request.radius_m, extent.min_corner());
    const auto key = [](HexCell c) {
        return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(c.q)) << 32) |
               static_cast<std::uint32_t>(c.r);
    };
    // The cell of each location and, for one on an edge, its neighbours: in cell order.
    std::vector<std::pair<std::uint64_t, HexCell>> cells;
    for (std::size_t i = 0; i < loc.x.size(); ++i) {
        const HexCell c = grid.cellOf(loc.x[i], loc.y[i]);
        cells.emplace_back(key(c), c);
        for (HexCell n : grid.neighbours(c))
            cells.emplace_back(key(n), n);
    }
    std::sort(cells.begin(), cells.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    cells.erase(std::unique(cells.begin(), cells.end(),
                            [](const auto& a, const auto& b) { return a.first == b.first; }),
                cells.end());
    const PointGrid index(loc.x, loc.y, std::max(25.0, request.radius_m / 3));
    std::vector<std::uint32_t> inside;
    for (const auto& [k, c] : cells) {
        MultiPolygon shape = grid.shape(c);
        inside.clear();
        index.inside(shape, inside);
        double value = 0; // merged locations always carry their weight
        for (auto i : inside)
            value += loc.w[i];
        if (!(value > 0))
            continue;
        ++result.candidates;
        const bool blocked =
            std::any_of(blocking.begin(), blocking.end(), [&](const TargetArea* a) {
                const double d = bg::distance(shape, a->shape);
                return d < request.min_gap_m || (d == 0 && !bg::touches(shape, a->shape));
            });
        if (blocked) {
            ++result.blocked;
            continue;
        }
        const Point m = grid.centre(c);
        out.choice.push_back({m.x(), m.y(), value});
        PolygonCandidate pc;
        pc.shape = std::move(shape);
        pc.centre = m;
        pc.value = value;
        out.polygons.push_back(std::move(pc));
    }
    // Conflicts: cells nearer each other than the gap (none without one: cells never overlap).
    if (request.min_gap_m > 0) {
        out.params.conflicts.assign(out.choice.size(), {});
        const double reach = 2 * request.radius_m + request.min_gap_m;
        for (std::size_t a = 0; a < out.choice.size(); ++a)
            for (std::size_t b = a + 1; b < out.choice.size(); ++b) {
                const double dx = out.choice[a].x - out.choice[b].x,
                             dy = out.choice[a].y - out.choice[b].y;
                if (dx * dx + dy * dy >= reach * reach ||
                    bg::distance(out.polygons[a].shape, out.polygons[b].shape) >= request.min_gap_m)
                    continue;
                out.params.conflicts[a].push_back(b);
                out.params.conflicts[b].push_back(a);
            }
    }
    char size[96];
    std::snprintf(size, sizeof size, "%.1f ha (%g m centre to corner)", grid.area() / 1e4,
                  request.radius_m);
    result.method = std::string("equal hexagons of ") + size + " tiling the study area, " +
                    withThousands(static_cast<long long>(out.choice.size())) +
                    " of them holding incidents, ranked by what each holds";
}

// The lattice's choice moved: each area in turn by half, a quarter and an eighth of the spacing
// in eight directions while that captures more (counted on the saved polygon, as the statistics
// count), keeping the gap to the others and clear of the planned areas. Its values are first
// recounted on the polygon, so the figures are those of the saved areas.
void refineByLocalMoves(const SuggestRequest& request, const WeightedPoints& pts,
                        const std::vector<const TargetArea*>& blocking, Candidates& cands,
                        SuggestResult& result) {
    auto& chosen = result.choice.chosen;
    if (chosen.empty())
        return;
    const double r = request.radius_m;
    const double spacing = request.step_m > 0 ? request.step_m : r / 3;
    const PointGrid index(pts.x, pts.y, std::max(25.0, r / 3));
    // The points near an area (within the radius and the spacing of where they were gathered),
    // gathered again when the area has moved half the spacing from there.
    std::vector<std::uint32_t> inside;
    std::vector<double> lx, ly, lw;
    double gx = 0, gy = 0;
    const auto gather = [&](double x, double y) {
        inside.clear();
        index.inside(circleShape(Point(x, y), r + spacing, 16), inside);
        lx.clear();
        ly.clear();
        lw.clear();
        for (auto i : inside) {
            lx.push_back(pts.x[i]);
            ly.push_back(pts.y[i]);
            lw.push_back(pts.w.empty() ? 1.0 : pts.w[i]);
        }
        gx = x;
        gy = y;
    };
    const double sure = r * std::cos(std::numbers::pi / 64); // inside the 64-gon for certain
    const auto capture = [&](double x, double y) {
        if (std::hypot(x - gx, y - gy) > spacing / 2)
            gather(x, y);
        double v = 0;
        for (std::size_t i = 0; i < lx.size(); ++i) {
            const double dx = lx[i] - x, dy = ly[i] - y, d2 = dx * dx + dy * dy;
            if (d2 <= sure * sure || (d2 <= r * r && insideCirclePolygon(dx, dy, r, 64)))
                v += lw[i];
        }
        return v;
    };
    const double min_d = cands.params.min_centre_distance,
                 clearance = request.radius_m + request.min_gap_m;
    const auto allowed = [&](std::size_t self, double x, double y) {
        for (std::size_t o : chosen)
            if (o != self && std::hypot(cands.choice[o].x - x, cands.choice[o].y - y) < min_d)
                return false;
        return std::none_of(blocking.begin(), blocking.end(), [&](const TargetArea* a) {
            return bg::distance(Point(x, y), a->shape) < clearance;
        });
    };
    double before = 0, after = 0;
    for (std::size_t ci : chosen) {
        before += cands.choice[ci].value;
        gather(cands.choice[ci].x, cands.choice[ci].y);
        cands.choice[ci].value = capture(cands.choice[ci].x, cands.choice[ci].y);
    }
    const double dirs[8][2] = {{1, 0},
                               {-1, 0},
                               {0, 1},
                               {0, -1},
                               {0.7071, 0.7071},
                               {0.7071, -0.7071},
                               {-0.7071, 0.7071},
                               {-0.7071, -0.7071}};
    for (std::size_t ci : chosen) {
        AreaCandidate& c = cands.choice[ci];
        gather(c.x, c.y);
        for (double step = spacing / 2; step >= spacing / 8 - 1e-9; step /= 2)
            for (bool moved = true; moved;) {
                moved = false;
                for (const auto& d : dirs) {
                    const double x = c.x + d[0] * step, y = c.y + d[1] * step;
                    if (!allowed(ci, x, y))
                        continue;
                    const double v = capture(x, y);
                    if (v > c.value + 1e-9) {
                        c = {x, y, v};
                        moved = true;
                    }
                }
            }
        after += c.value;
    }
    result.choice.value = after;
    result.notes.push_back("local moves of the lattice's areas (by up to half the spacing at a "
                           "time, counted on the saved circles): " +
                           countText(before) + " on the lattice, " + countText(after) +
                           " after the moves");
}

// Candidates capturing less than the minimum per site are not eligible (Op Savvy-style: only
// places with enough crime are worth a patrol); conflicts renumbered.
void dropBelowMinimum(Candidates& c, double minimum, SuggestResult& result) {
    std::vector<std::size_t> renumber(c.choice.size(), SIZE_MAX);
    std::size_t kept = 0;
    for (std::size_t i = 0; i < c.choice.size(); ++i)
        if (c.choice[i].value >= minimum)
            renumber[i] = kept++;
    result.below_minimum = c.choice.size() - kept;
    if (kept == c.choice.size())
        return;
    Candidates out;
    out.params = c.params;
    if (!c.params.conflicts.empty())
        out.params.conflicts.assign(kept, {});
    for (std::size_t i = 0; i < c.choice.size(); ++i) {
        if (renumber[i] == SIZE_MAX)
            continue;
        out.choice.push_back(c.choice[i]);
        if (!c.polygons.empty())
            out.polygons.push_back(std::move(c.polygons[i]));
        if (!c.params.conflicts.empty())
            for (std::size_t j : c.params.conflicts[i])
                if (renumber[j] != SIZE_MAX)
                    out.params.conflicts[renumber[i]].push_back(renumber[j]);
    }
    c = std::move(out);
}

Status polygonCandidates(const Session& session, const SuggestRequest& request,
                         const Selection& selection, const std::vector<const TargetArea*>& blocking,
                         Candidates& out, SuggestResult& result, Progress* progress) {
    HotspotCandidateRequest hr;
    hr.kde = request.hotspot_kde;
    hr.max_area_km2 = request.max_area_km2;
    hr.min_gap_m = request.min_gap_m;
    hr.blocking = blocking;
    auto hc = hotspotCandidates(session, selection, hr, progress);
    if (!hc)
        return hc.failure();
    HotspotCandidates& h = hc.value();
    result.candidates = h.candidates.size() + h.blocked;
    result.blocked = h.blocked;
    result.too_large = h.too_large;
    for (auto& c : h.candidates) {
        out.choice.push_back({c.centre.x(), c.centre.y(), c.value});
        out.polygons.push_back(std::move(c));
    }
    out.params.conflicts = std::move(h.conflicts);
    if (h.too_large > 0)
        result.notes.push_back(std::to_string(h.too_large) +
                               " hotspots are larger than the cap even at the top 0.25% of "
                               "cells: raise the maximum area or use circles");
    return okStatus();
}

} // namespace

std::string proofText(const SuggestResult& r) {
    const AreaChoice& c = r.choice;
    if (c.proved_optimal)
        return "Optimal (proved): no choice of these candidates captures more (" +
               withThousands(static_cast<long long>(r.candidates - r.blocked)) + " candidates, " +
               withThousands(static_cast<long long>(c.kept_candidates)) + " could beat greedy, " +
               withThousands(static_cast<long long>(c.nodes)) + " search nodes)";
    const double gap = c.upper_bound > 0 ? 100 * (c.upper_bound - c.value) / c.upper_bound : 0.0;
    char pct[32];
    std::snprintf(pct, sizeof pct, "%.1f%%", gap);
    return "Not proved in the time limit: best found " + countText(c.value) +
           ", no choice captures more than " + countText(c.upper_bound) + " (gap " + pct + ")";
}

Result<SuggestResult> suggestAreas(const Session& session, const SuggestRequest& request,
                                   Progress* progress) {
    if (auto st = checkRequest(request); !st)
        return st.failure();
    if (session.wards().empty())
        return badRequest("suggesting areas needs wards (the study area): give --wards");
    auto sel = selectIncidents(session, request.selection);
    if (!sel)
        return sel.failure();
    SuggestResult out;
    out.notes = sel.value().notes;
    out.period = {
        request.selection.from != kNoMonth ? request.selection.from : session.months().first(),
        request.selection.to != kNoMonth ? request.selection.to : session.months().last()};
    const WeightedPoints& pts = sel.value().points;
    for (std::size_t i = 0; i < pts.x.size(); ++i)
        out.total_weight += pts.w.empty() ? 1.0 : pts.w[i];
    if (pts.x.empty())
        return Error{"no incidents of the period and layers lie in the study area"};
    const MonthIndex end =
        request.selection.to != kNoMonth ? request.selection.to : session.months().last();
    const auto blocking = blockingAreas(request, end);
    Candidates cands;
    Status made = okStatus();
    bool lattice = false;
    if (request.shape == SuggestShape::Hexagon)
        hexagonCandidates(session, request, pts, blocking, cands, out);
    else if (request.shape != SuggestShape::Circle)
        made = polygonCandidates(session, request, sel.value(), blocking, cands, out, progress);
    else if (request.step_m > 0 ||
             !exactCircleCandidates(session, request, pts, blocking, cands, out, progress)) {
        made = circleCandidates(session, request, pts, blocking, cands, out, progress);
        lattice = true;
        out.method = request.step_m > 0
                         ? "circles on a lattice of centres " +
                               withThousands(static_cast<long long>(request.step_m)) +
                               " m apart (--step)"
                         : "circles on a lattice of centres a third of the radius apart: the " +
                               std::string(out.pairs_estimated ? "about " : "") +
                               withThousands(static_cast<long long>(out.pairs)) + " pairs of the " +
                               withThousands(static_cast<long long>(out.locations)) +
                               " distinct locations are too many to try every placement";
    }
    if (!made)
        return made.failure();
    if (progress && progress->cancelled())
        return Error{"cancelled"};
    if (request.min_per_site > 0)
        dropBelowMinimum(cands, request.min_per_site, out);
    cands.params.k = request.weeks;
    cands.params.time_limit_s = request.time_limit_s;
    out.choice = chooseAreas(cands.choice, cands.params, progress);
    if (lattice)
        refineByLocalMoves(request, pts, blocking, cands, out);
    std::vector<std::size_t> order(cands.choice.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    const std::size_t top = std::min<std::size_t>(20, order.size());
    std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(top), order.end(),
                      [&](std::size_t a, std::size_t b) {
                          return cands.choice[a].value > cands.choice[b].value;
                      });
    for (std::size_t i = 0; i < top; ++i) {
        const AreaCandidate& c = cands.choice[order[i]];
        const bool chosen = std::find(out.choice.chosen.begin(), out.choice.chosen.end(),
                                      order[i]) != out.choice.chosen.end();
        out.ranked.push_back({Point(c.x, c.y), c.value, chosen});
    }

    AreaStatsRequest sr;
    sr.selection = request.selection;
    auto stats = AreaStatistics::prepare(session, sr);
    if (!stats)
        return stats.failure();
    std::vector<TargetArea> ids = request.planned;
    for (const auto& id : request.ids_in_use) {
        ids.emplace_back();
        ids.back().id = id;
    }
    const auto describe = [&](std::size_t ci) {
        SuggestedArea s;
        s.area.id = nextAreaId(ids);
        s.area.centre = Point(cands.choice[ci].x, cands.choice[ci].y);
        if (cands.polygons.empty()) {
            s.area.shape_kind = AreaShape::Circle;
            s.area.radius_m = request.radius_m;
            s.area.shape = circleShape(s.area.centre, request.radius_m);
        } else {
            s.area.shape = cands.polygons[ci].shape;
            s.threshold_pct = cands.polygons[ci].threshold_pct;
        }
        s.captured = cands.choice[ci].value;
        s.stats = stats.value().of(s.area.shape);
        s.area.name = areaNameFrom(s.stats, s.area.id);
        return s;
    };
    for (std::size_t ci : out.choice.chosen) {
        out.areas.push_back(describe(ci));
        ids.push_back(out.areas.back().area);
    }
    for (std::size_t ci : out.choice.greedy) {
        const auto same = std::find(out.choice.chosen.begin(), out.choice.chosen.end(), ci);
        out.greedy.push_back(
            same != out.choice.chosen.end()
                ? out.areas[static_cast<std::size_t>(same - out.choice.chosen.begin())]
                : describe(ci));
    }
    if (out.below_minimum)
        out.notes.push_back(withThousands(static_cast<long long>(out.below_minimum)) +
                            " candidates capture fewer than the minimum of " +
                            countText(request.min_per_site) + " per site and were not eligible");
    if (out.areas.size() < request.weeks)
        out.notes.push_back("only " + std::to_string(out.areas.size()) + " of the " +
                            std::to_string(request.weeks) +
                            " areas fit: the rest of the study area has no incidents clear of "
                            "the planned areas and the gap" +
                            (request.min_per_site > 0 ? " with the minimum per site" : ""));
    return out;
}

} // namespace sw
