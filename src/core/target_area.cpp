// Target-area shapes and the schedule checks.
#include "core/target_area.hpp"

#include "core/text.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <numbers>

namespace sw {

const char* statusName(AreaStatus s) {
    switch (s) {
    case AreaStatus::Proposed:
        return "proposed";
    case AreaStatus::Approved:
        return "approved";
    case AreaStatus::Done:
        return "done";
    }
    return "proposed";
}

std::optional<AreaStatus> parseStatus(std::string_view text) {
    for (AreaStatus s : {AreaStatus::Proposed, AreaStatus::Approved, AreaStatus::Done})
        if (equalsIgnoreCase(trim(text), statusName(s)))
            return s;
    return std::nullopt;
}

const char* shapeName(AreaShape s) {
    switch (s) {
    case AreaShape::Drawn:
        return "polygon";
    case AreaShape::Circle:
        return "circle";
    case AreaShape::Rectangle:
        return "rectangle";
    }
    return "polygon";
}

std::optional<AreaShape> parseShape(std::string_view text) {
    for (AreaShape s : {AreaShape::Drawn, AreaShape::Circle, AreaShape::Rectangle})
        if (equalsIgnoreCase(trim(text), shapeName(s)))
            return s;
    return std::nullopt;
}

std::vector<std::string> defaultAgencies() {
    return {"Police",          "Council community safety",
            "Fire and rescue", "Probation",
            "Youth service",   "Public health",
            "Housing",         "Third sector"};
}

MultiPolygon circleShape(const Point& c, double r, int segments) {
    Polygon p;
    // Clockwise from north, as Boost.Geometry's default polygon expects.
    for (int i = 0; i < segments; ++i) {
        const double a = 2 * std::numbers::pi * i / segments;
        p.outer().emplace_back(c.x() + r * std::sin(a), c.y() + r * std::cos(a));
    }
    p.outer().push_back(p.outer().front());
    bg::correct(p);
    return MultiPolygon{p};
}

MultiPolygon rectangleShape(const Point& a, const Point& b) {
    const double x0 = std::min(a.x(), b.x()), x1 = std::max(a.x(), b.x());
    const double y0 = std::min(a.y(), b.y()), y1 = std::max(a.y(), b.y());
    Polygon p;
    p.outer() = {Point(x0, y0), Point(x0, y1), Point(x1, y1), Point(x1, y0), Point(x0, y0)};
    bg::correct(p);
    return MultiPolygon{p};
}

double shapeArea(const MultiPolygon& shape) {
    return std::abs(bg::area(shape));
}

namespace {
long areaNumber(const std::string& id) {
    return id.size() > 1 && id[0] == 'A' ? std::strtol(id.c_str() + 1, nullptr, 10) : 0;
}
} // namespace

std::string nextAreaId(const std::vector<TargetArea>& areas) {
    long best = 0;
    for (const auto& a : areas)
        best = std::max(best, areaNumber(a.id));
    return "A" + std::to_string(best + 1);
}

std::string nextAreaId(const std::set<std::string>& ids) {
    long best = 0;
    for (const auto& id : ids)
        best = std::max(best, areaNumber(id));
    return "A" + std::to_string(best + 1);
}

std::string Plan::setting(std::string_view key) const {
    for (const auto& [k, v] : settings)
        if (k == key)
            return v;
    return {};
}

std::vector<std::string> Plan::settingAll(std::string_view key) const {
    std::vector<std::string> out;
    for (const auto& [k, v] : settings)
        if (k == key)
            out.push_back(v);
    return out;
}

void Plan::set(const std::string& key, const std::string& value) {
    setAll(key, {value});
}

void Plan::setAll(const std::string& key, const std::vector<std::string>& values) {
    std::erase_if(settings, [&](const auto& kv) { return kv.first == key; });
    for (const auto& v : values)
        settings.emplace_back(key, v);
}

std::vector<std::size_t> scheduleOrder(const std::vector<TargetArea>& areas) {
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < areas.size(); ++i)
        if (!areas[i].excluded)
            order.push_back(i);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const DayNumber wa = areas[a].week, wb = areas[b].week;
        if ((wa == kNoDay) != (wb == kNoDay))
            return wb == kNoDay;
        return wa < wb;
    });
    return order;
}

std::vector<ScheduleIssue> scheduleIssues(const std::vector<TargetArea>& areas, int repeat_months) {
    std::vector<ScheduleIssue> out;
    const auto label = [&](std::size_t i) {
        return areas[i].id + (areas[i].name.empty() ? "" : " (" + areas[i].name + ")");
    };
    std::map<DayNumber, std::vector<std::size_t>> by_week;
    for (std::size_t i : scheduleOrder(areas)) {
        if (areas[i].week == kNoDay) {
            out.push_back({ScheduleIssue::Kind::Unscheduled, label(i) + " has no week yet"});
            continue;
        }
        by_week[weekStart(areas[i].week)].push_back(i);
    }
    for (const auto& [week, list] : by_week)
        if (list.size() > 1) {
            std::string names;
            for (std::size_t i : list)
                names += (names.empty() ? "" : ", ") + label(i);
            out.push_back({ScheduleIssue::Kind::SameWeek, "week of " + formatDay(week) + ": " +
                                                              std::to_string(list.size()) +
                                                              " areas (" + names + ")"});
        }
    // One place twice within the repeat interval: two scheduled areas whose shapes overlap.
    std::vector<std::size_t> dated;
    for (const auto& [week, list] : by_week)
        dated.insert(dated.end(), list.begin(), list.end());
    for (std::size_t k = 0; k < dated.size(); ++k)
        for (std::size_t j = 0; j < k; ++j) {
            const TargetArea& early = areas[dated[j]];
            const TargetArea& later = areas[dated[k]];
            if (monthOfDay(later.week) - monthOfDay(early.week) >= repeat_months ||
                !bg::intersects(early.shape, later.shape) || bg::touches(early.shape, later.shape))
                continue;
            out.push_back({ScheduleIssue::Kind::RepeatTooSoon,
                           label(dated[k]) + " on " + formatDay(later.week) + " overlaps " +
                               label(dated[j]) + " of " + formatDay(early.week) + ", within " +
                               std::to_string(repeat_months) + " months"});
        }
    // Gaps: runs of weeks without a street week between scheduled ones.
    DayNumber prev = kNoDay;
    for (const auto& [week, list] : by_week) {
        if (prev != kNoDay && week - prev > 7) {
            const int weeks = (week - prev) / 7 - 1;
            out.push_back({ScheduleIssue::Kind::Gap,
                           std::to_string(weeks) + " week(s) without a street week from " +
                               formatDay(prev + 7) + " to " + formatDay(week - 1)});
        }
        prev = week;
    }
    return out;
}

} // namespace sw
