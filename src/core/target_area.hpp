// The street-week plan: target areas (the places a multi-agency team walks for a week), their
// schedule, and the checks a schedule panel shows (clashes, repeats, gaps).
#pragma once

#include "core/calendar_date.hpp"
#include "core/geometry.hpp"

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace sw {

enum class AreaStatus { Proposed, Approved, Done };
enum class AreaShape { Drawn, Circle, Rectangle }; // Drawn: a free polygon

const char* statusName(AreaStatus s);
std::optional<AreaStatus> parseStatus(std::string_view text);
const char* shapeName(AreaShape s);
std::optional<AreaShape> parseShape(std::string_view text);

// The lead agencies a partnership names (editable in a plan).
std::vector<std::string> defaultAgencies();

struct TargetArea {
    std::string id;   // stable: "A1", "A2", ... never reused within a plan
    std::string name; // "Chatham High Street"
    AreaShape shape_kind = AreaShape::Drawn;
    MultiPolygon shape;      // working CRS (EPSG:27700), closed, clockwise
    Point centre{0, 0};      // circles: the centre (rectangles and polygons: unused)
    double radius_m = 0;     // circles: the radius
    DayNumber week = kNoDay; // the Monday the week starts, or kNoDay (not scheduled)
    std::string lead;        // lead agency
    std::string partners;    // other agencies, "; " separated
    AreaStatus status = AreaStatus::Proposed;
    std::string notes;
    bool locked = false;   // kept as it is by Suggest
    bool excluded = false; // a zone Suggest must keep clear of (not a street week)
    // Where the area lives in its plan file: the row's feature id (-1: not saved yet) and its
    // revision (raised by every save that changes it).
    std::int64_t fid = -1;
    std::int64_t revision = 0;
};

// A row of a plan file streetweek cannot use as an area (no geometry, a point, a status or a
// value it cannot read): not shown, kept in the file as it is, never written or deleted.
struct KeptRow {
    std::int64_t fid = -1;
    std::string id;     // its area_id, when it has one
    std::string reason; // "has no geometry"
};

// Where a plan's data came from, so that reopening it finds (or asks for) the same files.
struct PlanSource {
    std::string role; // wards, incidents, population, lookup
    std::string path;
    std::uint64_t bytes = 0;
    std::string checksum;                   // FNV-1a 64 of the file's bytes, hex
    std::optional<std::uint64_t> rows = {}; // rows (or features) loaded from it, when known
    bool operator==(const PlanSource&) const = default;
};

// A plan: its areas, its settings (period, layers and their rules, weights, suggestion
// parameters; a key may repeat, e.g. one "layer" per layer rule) and its data sources.
struct Plan {
    std::vector<TargetArea> areas;
    std::vector<std::pair<std::string, std::string>> settings;
    std::vector<PlanSource> sources;
    std::vector<std::string> agencies = defaultAgencies();
    std::vector<std::string> load_warnings; // what reading the file left out or misread
    std::vector<KeptRow> kept;              // rows of the file left out (kept there)

    // The first value of a key ("" when absent), every value of a key, and replacing a key.
    std::string setting(std::string_view key) const;
    std::vector<std::string> settingAll(std::string_view key) const;
    void set(const std::string& key, const std::string& value);
    void setAll(const std::string& key, const std::vector<std::string>& values);
};

// A circle as a polygon of `segments` vertices on the circle (area within 0.2% at 64).
MultiPolygon circleShape(const Point& centre, double radius_m, int segments = 64);
MultiPolygon rectangleShape(const Point& a, const Point& b);

// Area in square metres.
double shapeArea(const MultiPolygon& shape);

// The next free id ("A<n>", one above the largest in use).
std::string nextAreaId(const std::vector<TargetArea>& areas);
// The same for a set of ids in use (areas and rows a plan keeps but does not show).
std::string nextAreaId(const std::set<std::string>& ids);

struct ScheduleIssue {
    enum class Kind { SameWeek, RepeatTooSoon, Gap, Unscheduled } kind;
    std::string text; // one line, naming the areas and dates
};

// Clashes (two areas in one week; one place, areas that overlap, twice within
// `repeat_months`), gaps
// (weeks with no street week between the first and the last scheduled) and unscheduled areas.
// Excluded zones are not street weeks and take no part.
std::vector<ScheduleIssue> scheduleIssues(const std::vector<TargetArea>& areas, int repeat_months);

// Areas that are street weeks, in week order (unscheduled last, then by id).
std::vector<std::size_t> scheduleOrder(const std::vector<TargetArea>& areas);

} // namespace sw
