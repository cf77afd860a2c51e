// The plan file: one GeoPackage partners open in QGIS, and that several people edit at once. A
// `target_areas` polygon layer (EPSG:27700) with the schedule attributes and a revision per
// area, a `plan_settings` table (key, value), a `plan_sources` table (role, path, bytes,
// checksum, rows) and a `plan_history` table (who changed what, when).
//
// A new plan is written whole (beside the target under a temporary name, flushed and renamed
// over it). An existing plan is edited in place, in one SQLite transaction (SQLite's journal
// keeps the old plan or the new one whatever kills the save): only the rows and fields that
// changed are written, merged with what others saved since the plan was read (core/plan_merge);
// a clash writes nothing. Columns, tables and rows streetweek does not know are never touched;
// the file keeps its links, owner, permissions and other people's open connections (WAL
// included). A read-only plan is refused.
#pragma once

#include "core/plan_merge.hpp"
#include "core/result.hpp"
#include "core/target_area.hpp"

#include <functional>
#include <string>
#include <vector>

namespace sw::io {

// The store: a GeoPackage path, or an office database given as GDAL's PostgreSQL connection
// ("PG:dbname=plans host=... active_schema=north"; the same tables, revisions, history and
// clash rules, each save one transaction).
bool isPlanDatabase(const std::string& path);
// A plan is there: the file exists, or the database holds a target_areas table.
bool planExists(const std::string& path);
// Changes whenever anyone saves the plan (the file's time; the database's rows), for noticing
// another planner's save; empty when it cannot be read.
std::string planChangeToken(const std::string& path);

Result<Plan> readPlan(const std::string& path);
// A new plan (or a plan replaced whole: `suggest --out`, the autosave side file). `crs`: the
// areas' CRS (the session's working CRS).
Status writePlan(const std::string& path, const Plan& plan, const std::string& crs = "EPSG:27700");

struct PlanSave {
    Plan plan;                      // the file's plan after the save: everyone's changes
    std::vector<PlanClash> clashes; // not empty: nothing was written
    std::vector<std::string> notes; // others' changes brought in, renamed new areas
    std::size_t waits = 0;          // times it waited for someone else's save to finish
    std::size_t changed = 0;        // rows written (changed, added, deleted)
};

// Saves `mine` (the plan as this person changed it from `base`, the plan as they read it from
// `path`) in place, as described above; a plan that does not exist yet is written new.
// `who`: recorded in the history (loginName() when empty); `waiting` is told once when another
// save holds the file ("the plan is being saved by someone else, trying again").
// `max_wait_s`: how long to wait for others' saves before giving up (the map waits briefly:
// its save runs between frames).
Result<PlanSave> savePlan(const std::string& path, const Plan& base, const Plan& mine,
                          const std::string& crs = "EPSG:27700", const std::string& who = {},
                          const std::function<void(const std::string&)>& waiting = {},
                          double max_wait_s = 60);

struct PlanHistoryRow {
    std::string saved_at, who, area_id, field, old_value, new_value;
    // What changed, for people: "lead: 'Police' -> 'Council'", "added Near High Street".
    std::string change() const {
        if (field == "(added)")
            return "added " + new_value;
        if (field == "(deleted)")
            return "deleted " + old_value;
        return field + ": '" + old_value + "' -> '" + new_value + "'";
    }
};
// The plan's history, oldest first (empty for a plan saved before histories were kept).
Result<std::vector<PlanHistoryRow>> readPlanHistory(const std::string& path);

// The login name of whoever runs streetweek (for the history).
std::string loginName();

// The checksum a plan records for a data file (FNV-1a 64 of its bytes, 16 hex digits); empty
// when it cannot be read.
std::string fileChecksum(const std::string& path);

} // namespace sw::io
