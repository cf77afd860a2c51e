// Saving a plan: a new one written whole (atomically), an existing one edited in place in one
// transaction, merged with what others saved since it was read, with its history.
#include "io/plan_file.hpp"
#include "io/plan_tables.hpp"

#include "core/atomic_file.hpp"
#include "core/calendar_date.hpp"
#include "core/text.hpp"
#include "io/gdal_setup.hpp"

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <pwd.h>
#include <random>
#include <set>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

namespace fs = std::filesystem;

namespace sw::io {
using namespace plan_store;
namespace {

// ---- Editing in place -----------------------------------------------------------------------

struct History {
    OGRLayer* layer = nullptr;
    std::string when, who;
    Status add(const std::string& area, const std::string& field, const std::string& before,
               const std::string& after) {
        OGRFeature f(layer->GetLayerDefn());
        f.SetField("saved_at", when.c_str());
        f.SetField("who", who.c_str());
        f.SetField("area_id", area.c_str());
        f.SetField("field", field.c_str());
        f.SetField("old_value", before.c_str());
        f.SetField("new_value", after.c_str());
        if (layer->CreateFeature(&f) != OGRERR_NONE)
            return Error{std::string("cannot write to ") + kHistory + " (" + lastGdalError() + ")"};
        return okStatus();
    }
};

std::string historyValue(std::size_t field, const std::string& v) {
    if (field == kGeometryField)
        return v.empty() ? "" : "(outline)";
    return v.size() > 200 ? v.substr(0, 197) + "..." : v;
}

// Writes what differs between `theirs` (the file now) and `merged` (what it must hold): the
// changed fields of changed areas, new areas, deleted areas, changed setting keys, the sources
// when they changed; a history row for each area field.
Status writeDiff(GDALDataset& ds, const Plan& theirs, const Plan& merged, const std::string& crs,
                 History& history, std::size_t& changed) {
    OGRLayer* layer = ds.GetLayerByName(kAreas);
    if (!layer)
        return Error{std::string("no ") + kAreas + " layer"};
    auto srs = srsOf(crs);
    if (!srs)
        return srs.failure();
    const auto& names = areaFieldNames();
    std::map<std::int64_t, const TargetArea*> now;
    for (const auto& a : theirs.areas)
        now[a.fid] = &a;
    std::set<std::int64_t> still;
    bool columns_checked = false;
    const auto columns = [&]() -> Status {
        if (columns_checked)
            return okStatus();
        columns_checked = true;
        return ensureAreaColumns(layer);
    };
    for (const TargetArea& a : merged.areas) {
        const auto it = a.fid >= 0 ? now.find(a.fid) : now.end();
        if (it == now.end()) { // new
            if (auto st = columns(); !st)
                return st;
            OGRFeature f(layer->GetLayerDefn());
            setAllAreaFields(f, a, &srs.value());
            f.SetField("revision", static_cast<GIntBig>(1));
            if (layer->CreateFeature(&f) != OGRERR_NONE)
                return Error{"cannot add area " + a.id + " (" + lastGdalError() + ")"};
            if (auto st = history.add(a.id, "(added)", "", a.name); !st)
                return st;
            ++changed;
            continue;
        }
        still.insert(a.fid);
        const auto before = areaFieldValues(*it->second), after = areaFieldValues(a);
        if (before == after)
            continue;
        if (auto st = columns(); !st)
            return st;
        std::unique_ptr<OGRFeature> f(layer->GetFeature(a.fid));
        if (!f)
            return Error{"area " + a.id + " is no longer in the file"};
        for (std::size_t i = 0; i < kAreaFieldCount; ++i) {
            if (before[i] == after[i])
                continue;
            setAreaField(*f, a, i, &srs.value());
            if (auto st = history.add(a.id, names[i], historyValue(i, before[i]),
                                      historyValue(i, after[i]));
                !st)
                return st;
        }
        f->SetField("revision", static_cast<GIntBig>(it->second->revision + 1));
        if (layer->SetFeature(f.get()) != OGRERR_NONE)
            return Error{"cannot save area " + a.id + " (" + lastGdalError() + ")"};
        ++changed;
    }
    for (const TargetArea& t : theirs.areas)
        if (!still.count(t.fid)) {
            if (layer->DeleteFeature(t.fid) != OGRERR_NONE)
                return Error{"cannot delete area " + t.id + " (" + lastGdalError() + ")"};
            if (auto st = history.add(t.id, "(deleted)", t.name, ""); !st)
                return st;
            ++changed;
        }
    // Settings: the keys whose values changed are rewritten; the others' rows stay.
    const auto rowsOf = [](const Plan& p) {
        std::map<std::string, std::vector<std::string>> m;
        for (const auto& [k, v] : settingRows(p))
            m[k].push_back(v);
        return m;
    };
    const auto s_now = rowsOf(theirs), s_new = rowsOf(merged);
    std::set<std::string> keys;
    for (const auto* m : {&s_now, &s_new})
        for (const auto& [k, v] : *m)
            if (s_now.count(k) != s_new.count(k) || s_now.at(k) != s_new.at(k))
                keys.insert(k);
    if (!keys.empty()) {
        OGRLayer* settings = tableOf(ds, kSettings, settingColumns());
        if (!settings)
            return Error{std::string("cannot open ") + kSettings + " (" + lastGdalError() + ")"};
        std::vector<GIntBig> drop;
        settings->ResetReading();
        for (auto& f : *settings)
            if (keys.count(text(*f, "key")))
                drop.push_back(f->GetFID());
        for (GIntBig fid : drop)
            if (settings->DeleteFeature(fid) != OGRERR_NONE)
                return Error{std::string("cannot update ") + kSettings + " (" + lastGdalError() +
                             ")"};
        for (const auto& k : keys)
            if (const auto it = s_new.find(k); it != s_new.end())
                for (const auto& v : it->second)
                    if (auto st = addSetting(settings, k, v); !st)
                        return st;
    }
    if (theirs.sources != merged.sources) {
        OGRLayer* sources = tableOf(ds, kSources, sourceColumns());
        if (!sources)
            return Error{std::string("cannot open ") + kSources + " (" + lastGdalError() + ")"};
        std::vector<GIntBig> drop;
        sources->ResetReading();
        for (auto& f : *sources)
            drop.push_back(f->GetFID());
        for (GIntBig fid : drop)
            if (sources->DeleteFeature(fid) != OGRERR_NONE)
                return Error{std::string("cannot update ") + kSources + " (" + lastGdalError() +
                             ")"};
        for (const auto& s : merged.sources)
            if (auto st = addSource(sources, s); !st)
                return st;
    }
    return okStatus();
}

// A plan nobody may write (no write bit set, as a plan made read-only on purpose is, even for
// root), or one this user may not write.
bool readOnly(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0)
        return false;
    return (st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0 || ::access(path.c_str(), W_OK) != 0;
}

bool isBusy(const std::string& message) {
    const std::string m = lower(message);
    return m.find("locked") != std::string::npos || m.find("busy") != std::string::npos ||
           m.find("could not serialize") != std::string::npos ||
           m.find("deadlock") != std::string::npos;
}

} // namespace

std::string loginName() {
    if (const char* u = std::getenv("USER"); u && *u)
        return u;
    if (const passwd* pw = ::getpwuid(::getuid()); pw && pw->pw_name)
        return pw->pw_name;
    return "unknown";
}

// A new plan in the database, or the whole of a plan (in the database or an existing plan
// file) replaced in place, in one transaction: the file or tables stay (with any columns and
// tables others added, and their open connections).
Status writeInPlace(const std::string& path, const Plan& plan, const std::string& crs) {
    DatasetPtr ds = openStore(path, true);
    if (!ds)
        return Error{storeName(path) + ": cannot open the plan (" + lastGdalError() + ")"};
    if (!isDb(path))
        execute(*ds, "PRAGMA busy_timeout = 5000");
    if (!ds->GetLayerByName(kAreas)) {
        Plan none;
        none.agencies.clear();
        if (auto st = writeContents(*ds, none, crs); !st)
            return Error{storeName(path) + ": " + st.error()};
    }
    if (ds->StartTransaction() != OGRERR_NONE)
        return Error{storeName(path) + ": cannot start a transaction (" + lastGdalError() + ")"};
    const auto fail = [&](const std::string& why) -> Status {
        ds->RollbackTransaction();
        return Error{storeName(path) + ": " + why + "; the previous plan is untouched"};
    };
    for (const char* table : {kAreas, kSettings, kSources}) {
        OGRLayer* l = table == std::string(kAreas)      ? ds->GetLayerByName(kAreas)
                      : table == std::string(kSettings) ? tableOf(*ds, kSettings, settingColumns())
                                                        : tableOf(*ds, kSources, sourceColumns());
        if (!l)
            return fail(std::string("cannot open ") + table);
        std::vector<GIntBig> fids;
        l->ResetReading();
        for (auto& f : *l)
            fids.push_back(f->GetFID());
        for (GIntBig fid : fids)
            if (l->DeleteFeature(fid) != OGRERR_NONE)
                return fail(std::string("cannot clear ") + table + " (" + lastGdalError() + ")");
    }
    OGRLayer* areas = ds->GetLayerByName(kAreas);
    auto srs = srsOf(crs);
    if (!srs)
        return fail(srs.error());
    if (auto st = ensureAreaColumns(areas); !st)
        return fail(st.error());
    for (const auto& a : plan.areas) {
        OGRFeature feat(areas->GetLayerDefn());
        setAllAreaFields(feat, a, &srs.value());
        feat.SetField("revision", static_cast<GIntBig>(1));
        if (areas->CreateFeature(&feat) != OGRERR_NONE)
            return fail("cannot write area " + a.id + " (" + lastGdalError() + ")");
    }
    OGRLayer* settings = ds->GetLayerByName(kSettings);
    OGRLayer* sources = ds->GetLayerByName(kSources);
    for (const auto& [k, v] : settingRows(plan))
        if (auto st = addSetting(settings, k, v); !st)
            return fail(st.error());
    for (const auto& src : plan.sources)
        if (auto st = addSource(sources, src); !st)
            return fail(st.error());
    if (!tableOf(*ds, kHistory, historyColumns()))
        return fail("cannot create " + std::string(kHistory));
    if (ds->CommitTransaction() != OGRERR_NONE)
        return fail("cannot finish the save (" + lastGdalError() + ")");
    return okStatus();
}

Status writePlan(const std::string& path, const Plan& plan, const std::string& crs) {
    ensureGdal();
    if (isDb(path))
        return writeInPlace(path, plan, crs);
    if (!endsWithIgnoreCase(path, ".gpkg"))
        return badRequest(path + ": a plan is a GeoPackage (.gpkg)");
    const fs::path target = fs::absolute(path);
    std::error_code ec;
    if (!fs::is_directory(target.parent_path(), ec))
        return Error{path + ": the folder " + target.parent_path().string() + " does not exist"};
    if (fs::is_directory(target, ec))
        return badRequest(path + ": is a folder");
    if (fs::exists(target, ec) && readOnly(target.string()))
        return Error{path + ": the plan is read-only; nothing was saved (save it under another "
                            "name)"};
    if (fs::exists(target, ec)) { // a plan there already: replaced in place, the file kept
        QuietGdal quiet;
        if (DatasetPtr existing = openStore(path, false);
            existing && existing->GetLayerByName(kAreas)) {
            existing.reset();
            return writeInPlace(path, plan, crs);
        }
    }
    removeStaleTemporaries(target.parent_path().string());
    const std::string temp = temporaryPathFor(target.string());
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    if (!driver)
        return Error{"GDAL has no GPKG driver"};
    const auto fail = [&](const std::string& why) -> Status {
        fs::remove(temp, ec);
        fs::remove(temp + "-journal", ec);
        fs::remove(temp + "-wal", ec);
        return Error{path + ": " + why + "; the previous plan is untouched"};
    };
    {
        DatasetPtr ds(driver->Create(temp.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        if (!ds)
            return fail("cannot create the file (" + lastGdalError() + ")");
        const bool tx = ds->StartTransaction() == OGRERR_NONE;
        if (auto st = writeContents(*ds, plan, crs); !st)
            return fail(st.error());
        if (tx && ds->CommitTransaction() != OGRERR_NONE)
            return fail("cannot finish the file (" + lastGdalError() + ")");
        ds->FlushCache();
        CPLErrorReset();
        ds.reset(); // closes it: SQLite writes the last pages here
        if (CPLGetLastErrorType() >= CE_Failure)
            return fail("cannot close the file (" + lastGdalError() + ")");
    }
    if (auto st = moveIntoPlace(temp, target.string()); !st)
        return fail("cannot move the saved plan into place");
    return okStatus();
}

namespace {

// One try at an in-place save in an open store: its outcome (saved, a clash, a failure), or why
// it must be tried again (another save holds the store).
struct SaveTry {
    std::optional<Result<PlanSave>> outcome;
    std::string busy;
};

SaveTry saveInTransaction(GDALDataset& ds, const std::string& path, const Plan& base,
                          const Plan& mine, const std::string& crs, History& history) {
    const bool db = isDb(path);
    if (!db)
        execute(ds, "PRAGMA busy_timeout = 2000");
    if (ds.StartTransaction() != OGRERR_NONE)
        return {{}, lastGdalError()};
    if (db) {
        // Serializable, so that a colleague's commit between this save's read and its write
        // fails the save (and it is tried again, re-read); and one streetweek save at a time
        // on this plan.
        execute(ds, "SET TRANSACTION ISOLATION LEVEL SERIALIZABLE");
        execute(ds, "SELECT pg_advisory_xact_lock(7270031)");
    }
    // Rolls back; busy: try again, else the failure with its message.
    const auto fail = [&](const std::string& message, const std::string& why,
                          bool busy) -> SaveTry {
        ds.RollbackTransaction();
        if (busy)
            return {{}, why};
        return {Result<PlanSave>(Error{message + "; nothing was saved"}), {}};
    };
    auto theirs = readFrom(ds, storeName(path));
    if (!theirs)
        return fail(theirs.error(), theirs.error(),
                    isBusy(theirs.error()) || isBusy(lastGdalError("")));
    PlanMerge merge = mergePlans(base, mine, theirs.value());
    PlanSave out;
    out.notes = std::move(merge.notes);
    if (!merge.clashes.empty()) {
        ds.RollbackTransaction();
        out.plan = std::move(merge.plan);
        out.clashes = std::move(merge.clashes);
        return {std::move(out), {}};
    }
    history.when = utcNowText("%Y-%m-%dT%H:%M:%SZ");
    history.layer = tableOf(ds, kHistory, historyColumns());
    Status st = history.layer ? writeDiff(ds, theirs.value(), merge.plan, crs, history, out.changed)
                              : Status(Error{"cannot create " + std::string(kHistory) + " (" +
                                             lastGdalError() + ")"});
    if (st && ds.CommitTransaction() != OGRERR_NONE)
        st = Error{"cannot finish the save (" + lastGdalError() + ")"};
    if (!st)
        return fail(storeName(path) + ": " + st.error(), st.error(), isBusy(st.error()));
    return {std::move(out), {}};
}

} // namespace

Result<PlanSave> savePlan(const std::string& path, const Plan& base, const Plan& mine,
                          const std::string& crs, const std::string& who,
                          const std::function<void(const std::string&)>& waiting,
                          double max_wait_s) {
    ensureGdal();
    const bool db = isDb(path);
    if (!db && !endsWithIgnoreCase(path, ".gpkg"))
        return badRequest(path + ": a plan is a GeoPackage (.gpkg) or a PG: database");
    if (!planExists(path)) { // a new plan
        if (auto st = writePlan(path, mine, crs); !st)
            return st.failure();
        auto back = readPlan(path);
        if (!back)
            return back.failure();
        PlanSave out;
        out.plan = std::move(back.value());
        out.changed = mine.areas.size();
        return out;
    }
    if (!db && readOnly(path))
        return Error{path + ": the plan is read-only; nothing was saved (save it under another "
                            "name, or ask its owner)"};
    if (!db && ::access(fs::absolute(path).parent_path().c_str(), W_OK) != 0)
        return Error{path + ": its folder is read-only (SQLite needs it for the save's journal); "
                            "nothing was saved"};
    History history;
    history.who = who.empty() ? loginName() : who;
    std::mt19937 rng(static_cast<unsigned>(::getpid()));
    const auto deadline = std::chrono::steady_clock::now() +
                          std::chrono::milliseconds(static_cast<long>(1000 * max_wait_s));
    std::size_t waits = 0;
    PlanSave out;
    for (int attempt = 0;; ++attempt) {
        std::string busy; // why this attempt must be tried again
        CPLErrorReset();
        DatasetPtr ds = openStore(path, true);
        if (!ds) {
            busy = lastGdalError("unknown format");
            if (!isBusy(busy))
                return Error{storeName(path) + ": cannot open the plan for saving (" + busy +
                             "); nothing was saved"};
        } else {
            SaveTry t = saveInTransaction(*ds, path, base, mine, crs, history);
            CPLErrorReset();
            ds.reset(); // closes it: SQLite writes the last pages here
            if (t.outcome) {
                if (!*t.outcome)
                    return std::move(*t.outcome);
                t.outcome->value().waits = waits;
                if (!t.outcome->value().clashes.empty())
                    return std::move(*t.outcome);
                if (!db && CPLGetLastErrorType() >= CE_Failure)
                    return Error{path + ": cannot close the plan (" + lastGdalError() + ")"};
                out = std::move(t.outcome->value());
                break;
            }
            busy = t.busy;
        }
        if (std::chrono::steady_clock::now() > deadline)
            return Error{storeName(path) + ": someone else's save held the plan (" + busy +
                         "); nothing was saved, try again"};
        if (waits++ == 0 && waiting)
            waiting("the plan is being saved by someone else, trying again");
        std::this_thread::sleep_for(std::chrono::milliseconds(
            20 + std::uniform_int_distribution<int>(0, 80 + 20 * std::min(attempt, 10))(rng)));
    }
    auto back = readPlan(path);
    if (!back)
        return back.failure();
    out.plan = std::move(back.value());
    return out;
}

} // namespace sw::io
