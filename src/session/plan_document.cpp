// The plan open in the map.
#include "session/plan_document.hpp"

#include "core/plan_merge.hpp"
#include "io/plan_file.hpp"
#include "session/plan_context.hpp"

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace sw {
namespace fs = std::filesystem;

PlanDocument::PlanDocument(std::string path) : path_(std::move(path)) {}

Result<PlanDocument> PlanDocument::open(const std::string& path) {
    PlanDocument doc(path);
    if (!io::planExists(path))
        return doc;
    auto plan = io::readPlan(path);
    if (!plan)
        return Error{plan.error()};
    doc.plan_ = std::move(plan.value());
    doc.base_ = doc.plan_;
    doc.base_path_ = path;
    doc.noteFileTime();
    const auto from = parseMonth(doc.plan_.setting("from")),
               to = parseMonth(doc.plan_.setting("to"));
    if (from && to && *from <= *to)
        doc.chosen_on_ = MonthSpan{*from, *to};
    return doc;
}

const TargetArea* PlanDocument::find(const std::string& id) const {
    for (const auto& a : plan_.areas)
        if (a.id == id)
            return &a;
    return nullptr;
}

void PlanDocument::restore(Snapshot snap) {
    plan_.areas = std::move(snap.areas);
    plan_.agencies = std::move(snap.agencies);
}

void PlanDocument::checkpoint() {
    undo_.push_back(snapshot());
    if (undo_.size() > kUndoSteps)
        undo_.pop_front();
    redo_.clear();
}

std::string PlanDocument::add(TargetArea area) {
    return addAll({std::move(area)}).front();
}

std::vector<std::string> PlanDocument::addAll(std::vector<TargetArea> areas) {
    std::vector<std::string> ids;
    if (areas.empty())
        return ids;
    endGesture();
    checkpoint();
    for (auto& a : areas) {
        a.fid = -1; // a new row of the file
        a.revision = 0;
        if (a.id.empty() || find(a.id))
            a.id = nextAreaId(plan_.areas);
        ids.push_back(a.id);
        plan_.areas.push_back(std::move(a));
    }
    changed();
    return ids;
}

bool PlanDocument::update(const TargetArea& area) {
    for (auto& a : plan_.areas)
        if (a.id == area.id) {
            if (!in_gesture_)
                checkpoint();
            a = area;
            changed();
            return true;
        }
    return false;
}

bool PlanDocument::remove(const std::string& id) {
    auto it = std::find_if(plan_.areas.begin(), plan_.areas.end(),
                           [&](const TargetArea& a) { return a.id == id; });
    if (it == plan_.areas.end())
        return false;
    const std::size_t at = static_cast<std::size_t>(it - plan_.areas.begin());
    endGesture();
    checkpoint();
    it = plan_.areas.begin() + static_cast<std::ptrdiff_t>(at);
    plan_.areas.erase(it);
    changed();
    return true;
}

void PlanDocument::setAgencies(std::vector<std::string> agencies) {
    endGesture();
    checkpoint();
    plan_.agencies = std::move(agencies);
    changed();
}

void PlanDocument::beginGesture() {
    if (in_gesture_)
        return;
    gesture_start_ = snapshot();
    gesture_revision_ = revision_;
    in_gesture_ = true;
}

void PlanDocument::live(const TargetArea& area) {
    if (!in_gesture_)
        beginGesture();
    update(area);
}

void PlanDocument::endGesture() {
    if (!in_gesture_)
        return;
    in_gesture_ = false;
    const auto same = [](const TargetArea& a, const TargetArea& b) {
        return a.id == b.id && a.name == b.name && a.shape_kind == b.shape_kind &&
               a.week == b.week && a.lead == b.lead && a.partners == b.partners &&
               a.status == b.status && a.notes == b.notes && a.locked == b.locked &&
               a.excluded == b.excluded && a.radius_m == b.radius_m &&
               bg::equals(a.centre, b.centre) && bg::equals(a.shape, b.shape);
    };
    if (gesture_start_.agencies == plan_.agencies &&
        std::equal(gesture_start_.areas.begin(), gesture_start_.areas.end(), plan_.areas.begin(),
                   plan_.areas.end(), same)) {
        revision_ = gesture_revision_; // nothing changed: not an edit (no "unsaved", no step)
        return;
    }
    Snapshot now = snapshot();
    restore(std::move(gesture_start_));
    checkpoint();
    restore(std::move(now));
    gesture_start_ = {};
}

bool PlanDocument::undo() {
    endGesture();
    if (undo_.empty())
        return false;
    redo_.push_back(snapshot());
    restore(std::move(undo_.back()));
    undo_.pop_back();
    changed();
    return true;
}

bool PlanDocument::redo() {
    endGesture();
    if (redo_.empty())
        return false;
    undo_.push_back(snapshot());
    restore(std::move(redo_.back()));
    redo_.pop_back();
    changed();
    return true;
}

Status PlanDocument::save(const LoadRequest& sources, const SelectionParams& selection,
                          const std::string& crs,
                          const std::vector<std::pair<std::string, std::string>>& settings,
                          const LoadReport* report) {
    endGesture();
    if (path_.empty())
        return Error{"the plan has no file name yet: give one to save it"};
    Plan out = plan_;
    recordSources(out, sources, report);
    recordSelection(out, selection);
    if (chosen_on_) { // the months the areas were chosen on, not the map's period now
        out.setAll("from", {formatMonth(chosen_on_->first)});
        out.setAll("to", {formatMonth(chosen_on_->last)});
    }
    for (const auto& [key, value] : settings)
        out.set(key, value);
    clashes_.clear();
    std::error_code ec;
    if (path_ == base_path_ && io::planExists(path_)) {
        // In place: merged with what others saved since it was read; a clash writes nothing.
        // A short wait for others' saves: the map's save runs between frames.
        auto saved = io::savePlan(path_, base_, out, crs, {}, {}, 5);
        if (!saved)
            return saved.failure();
        if (!saved.value().clashes.empty()) {
            clashes_ = std::move(saved.value().clashes);
            theirs_ = std::move(saved.value().plan);
            return Error{std::to_string(clashes_.size()) +
                         " of your changes clash with changes someone else saved: choose which "
                         "to keep, then save again"};
        }
        merge_notes_ = std::move(saved.value().notes);
        adopt(std::move(saved.value().plan));
    } else {
        if (auto st = io::writePlan(path_, out, crs); !st)
            return st;
        auto back = io::readPlan(path_);
        if (!back)
            return back.failure();
        merge_notes_.clear();
        adopt(std::move(back.value()));
    }
    saved_revision_ = revision_;
    discardAutosave();
    if (!autosaved_to_.empty()) { // an autosave for the path the plan had before
        fs::remove(autosaved_to_, ec);
        autosaved_to_.clear();
    }
    return okStatus();
}

void PlanDocument::adopt(Plan saved) {
    // The file's plan now: the areas with their rows and revisions, everyone's changes. When
    // others' changes came in, the undo steps (of a plan without them) are dropped.
    if (!merge_notes_.empty()) {
        undo_.clear();
        redo_.clear();
    }
    plan_.areas = saved.areas;
    plan_.settings = saved.settings;
    plan_.sources = saved.sources;
    plan_.agencies = saved.agencies;
    plan_.kept = saved.kept;
    base_ = std::move(saved);
    base_path_ = path_;
    changed();
    noteFileTime();
}

void PlanDocument::noteFileTime() {
    file_token_ = path_.empty() ? std::string() : io::planChangeToken(path_);
    history_.clear();
    if (path_.empty() || !io::planExists(path_))
        return;
    if (auto h = io::readPlanHistory(path_))
        history_ = std::move(h.value());
}

std::vector<std::string> PlanDocument::historyOf(const std::string& area_id) const {
    std::vector<std::string> out;
    for (const auto& r : history_)
        if (r.area_id == area_id)
            out.push_back(r.saved_at + " " + r.who + ": " + r.change());
    return out;
}

bool PlanDocument::changedOnDisk() const {
    if (path_.empty() || path_ != base_path_)
        return false;
    const std::string now = io::planChangeToken(path_);
    return !now.empty() && now != file_token_;
}

Status PlanDocument::bringIn() {
    auto theirs = io::readPlan(path_);
    if (!theirs)
        return theirs.failure();
    PlanMerge merge = mergePlans(base_, plan_, theirs.value());
    noteFileTime();
    if (!merge.clashes.empty()) {
        clashes_ = std::move(merge.clashes);
        theirs_ = std::move(theirs.value());
        return Error{std::to_string(clashes_.size()) +
                     " of your unsaved changes clash with theirs: choose which to keep"};
    }
    endGesture();
    const bool was_clean = !dirty();
    checkpoint();
    plan_.areas = std::move(merge.plan.areas);
    plan_.kept = theirs.value().kept;
    base_ = std::move(theirs.value());
    merge_notes_ = std::move(merge.notes);
    changed();
    if (was_clean) // nothing of this person's to save
        saved_revision_ = revision_;
    return okStatus();
}

void PlanDocument::resolveClash(std::size_t i, bool keep_mine) {
    if (i >= clashes_.size())
        return;
    const PlanClash c = clashes_[i];
    clashes_.erase(clashes_.begin() + static_cast<std::ptrdiff_t>(i));
    const auto in = [&](std::vector<TargetArea>& areas) -> TargetArea* {
        for (auto& a : areas)
            if (a.fid == c.fid)
                return &a;
        return nullptr;
    };
    TargetArea* theirs = in(theirs_.areas);
    TargetArea* base = in(base_.areas);
    TargetArea* mine = in(plan_.areas);
    if (c.field == "(deleted)") {
        if (keep_mine) {
            if (mine && !theirs) // I changed it, they deleted it: it comes back as a new area
                mine->fid = -1;
            else if (theirs && base) // I deleted it, they changed it: delete their version
                *base = *theirs;
        } else {
            if (theirs && !mine) { // they changed what I deleted: theirs comes back
                plan_.areas.push_back(*theirs);
                if (base)
                    *base = *theirs;
            } else if (mine && !theirs) { // they deleted what I changed
                plan_.areas.erase(plan_.areas.begin() + (mine - plan_.areas.data()));
                if (base)
                    base_.areas.erase(base_.areas.begin() + (base - base_.areas.data()));
            }
        }
        changed();
        return;
    }
    const auto& names = areaFieldNames();
    const auto field =
        std::find_if(names.begin(), names.end(), [&](const char* n) { return c.field == n; });
    const std::size_t f = c.field == "shape" || field == names.end()
                              ? std::size_t{2}
                              : static_cast<std::size_t>(field - names.begin());
    if (!theirs || !base)
        return;
    copyAreaField(*base, *theirs, f); // the file's value is now the one read
    if (!keep_mine && mine)
        copyAreaField(*mine, *theirs, f);
    changed();
}

std::string PlanDocument::autosavePath(const std::string& fallback) const {
    if (path_.empty() || io::isPlanDatabase(path_)) // a database plan's side file: the fallback
        return fallback;
    fs::path p(path_);
    return (p.parent_path() / (p.stem().string() + ".autosave.gpkg")).string();
}

Status PlanDocument::autosave(const std::string& crs, const std::string& fallback) {
    const std::string side = autosavePath(fallback);
    if (side.empty())
        return Error{"no place for the autosave"};
    if (auto st = io::writePlan(side, plan_, crs); !st)
        return st;
    autosaved_to_ = side;
    return okStatus();
}

bool PlanDocument::recoverable(const std::string& fallback) const {
    const std::string side = autosavePath(fallback);
    std::error_code ec;
    if (side.empty() || !fs::exists(side, ec))
        return false;
    if (path_.empty() || !io::planExists(path_))
        return true;
    if (io::isPlanDatabase(path_)) // the database's plan has no file time: the side file stands
        return true;
    return fs::last_write_time(side, ec) > fs::last_write_time(path_, ec);
}

Status PlanDocument::recover(const std::string& fallback) {
    auto side = io::readPlan(autosavePath(fallback));
    if (!side)
        return Error{side.error()};
    endGesture();
    checkpoint();
    // The side file's rows are not the plan's: each area finds its row by id (others are new).
    plan_.areas = std::move(side.value().areas);
    for (auto& a : plan_.areas) {
        a.fid = -1;
        for (const auto& b : base_.areas)
            if (b.id == a.id)
                a.fid = b.fid;
    }
    plan_.agencies = std::move(side.value().agencies);
    changed();
    return okStatus();
}

void PlanDocument::discardAutosave(const std::string& fallback) const {
    const std::string side = autosavePath(fallback);
    std::error_code ec;
    if (!side.empty())
        fs::remove(side, ec);
}

} // namespace sw
