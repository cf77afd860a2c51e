// The plan open in the map.
#include "session/plan_document.hpp"

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
    std::error_code ec;
    if (!fs::exists(path, ec))
        return doc;
    auto plan = io::readPlan(path);
    if (!plan)
        return Error{plan.error()};
    doc.plan_ = std::move(plan.value());
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
    if (auto st = io::writePlan(path_, out, crs); !st)
        return st;
    plan_.sources = out.sources;
    plan_.settings = out.settings;
    saved_revision_ = revision_;
    discardAutosave();
    if (!autosaved_to_.empty()) { // an autosave for the path the plan had before
        std::error_code ec;
        fs::remove(autosaved_to_, ec);
        autosaved_to_.clear();
    }
    return okStatus();
}

std::string PlanDocument::autosavePath(const std::string& fallback) const {
    if (path_.empty())
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
    if (path_.empty() || !fs::exists(path_, ec))
        return true;
    return fs::last_write_time(side, ec) > fs::last_write_time(path_, ec);
}

Status PlanDocument::recover(const std::string& fallback) {
    auto side = io::readPlan(autosavePath(fallback));
    if (!side)
        return Error{side.error()};
    endGesture();
    checkpoint();
    plan_.areas = std::move(side.value().areas);
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
