// The plan open in the map: its areas and settings, the file it lives in, every edit with undo
// and redo (at least 100 steps), saving (in place, merged with what others saved meanwhile,
// with the data sources and the selection it was made on; clashes listed for the person to
// choose), noticing a plan changed by someone else and bringing their changes in, the autosave
// side file and its recovery. The map's tools and panels edit the
// plan only through here.
#pragma once

#include "core/plan_merge.hpp"
#include "core/result.hpp"
#include "core/target_area.hpp"
#include "io/plan_file.hpp"
#include "session/data_loader.hpp"
#include "session/incident_selection.hpp"

#include <cstddef>
#include <deque>
#include <string>
#include <vector>

namespace sw {

class PlanDocument {
  public:
    static constexpr std::size_t kUndoSteps = 200;

    // A new, empty plan to be saved at `path` (may be empty: asked for at the first save).
    explicit PlanDocument(std::string path = {});
    // The plan at `path`, or a new one there when no file exists yet.
    static Result<PlanDocument> open(const std::string& path);

    const Plan& plan() const { return plan_; }
    const std::vector<TargetArea>& areas() const { return plan_.areas; }
    const TargetArea* find(const std::string& id) const;
    const std::string& path() const { return path_; }
    void setPath(std::string path) { path_ = std::move(path); }
    // Edited since the last save (or open).
    bool dirty() const { return revision_ != saved_revision_; }
    // Changes with every edit, undo and redo (for caches keyed on the areas).
    std::uint64_t revision() const { return revision_; }

    // Adds an area (a new id when it has none or one in use); returns its id.
    std::string add(TargetArea area);
    // Adds several as one step (Suggest's "accept all").
    std::vector<std::string> addAll(std::vector<TargetArea> areas);
    // Replaces the area with the same id; false when there is none.
    bool update(const TargetArea& area);
    bool remove(const std::string& id);
    void setAgencies(std::vector<std::string> agencies);
    // The months the plan's areas were chosen on (Suggest's period when its areas are accepted;
    // an opened plan's recorded period): what a save records as the plan's period, whatever
    // the map shows then, so the hold-out check knows which months are in-sample.
    void setChosenOn(MonthSpan months) { chosen_on_ = months; }
    std::optional<MonthSpan> chosenOn() const { return chosen_on_; }

    // A gesture (dragging an area or a vertex, typing in a field) is one undo step: begin()
    // keeps the state before it, live() changes the area without a step, end() keeps the step
    // when something changed.
    void beginGesture();
    void live(const TargetArea& area);
    void endGesture();
    bool inGesture() const { return in_gesture_; }

    bool undo();
    bool redo();
    std::size_t undoSteps() const { return undo_.size(); }
    std::size_t redoSteps() const { return redo_.size(); }

    // Saves to path() with the data sources and selection recorded; removes the autosave (and
    // one written for an earlier path).
    // `settings`: more of how the plan was made (hotspot and suggestion parameters), replacing
    // the keys they name; `report`: the load's report, for the rows of each source.
    Status save(const LoadRequest& sources, const SelectionParams& selection,
                const std::string& crs,
                const std::vector<std::pair<std::string, std::string>>& settings = {},
                const LoadReport* report = nullptr);
    // The clashes of the last save (or bring-in), each with both values; nothing was written.
    const std::vector<PlanClash>& clashes() const { return clashes_; }
    // Settles clash i: keep mine (the next save writes it over theirs) or take theirs.
    void resolveClash(std::size_t i, bool keep_mine);
    // What the last save or bring-in took from others ("A3 was changed by someone else ...").
    const std::vector<std::string>& mergeNotes() const { return merge_notes_; }
    // The plan file was written by someone else since it was read or saved here.
    bool changedOnDisk() const;
    // Brings the others' changes in (edits here kept); clashes are listed, nothing applied.
    Status bringIn();
    // The saved history of one area, oldest first ("2026-12-08T10:02:00Z jsmith: lead: 'Police' ->
    // 'Council'"), as read at the last open, save or bring-in.
    std::vector<std::string> historyOf(const std::string& area_id) const;
    // Rows of the file left out (no geometry, a status streetweek does not use, ...).
    const std::vector<KeptRow>& kept() const { return plan_.kept; }

    // The side file the autosave writes ("<plan>.autosave.gpkg"; beside the settings for a
    // plan without a path, given as `fallback`).
    std::string autosavePath(const std::string& fallback = {}) const;
    // Writes the plan as it is to the side file (the plan file itself is not touched).
    Status autosave(const std::string& crs, const std::string& fallback = {});
    // The side file holds edits newer than the plan file (an autosave not followed by a save).
    bool recoverable(const std::string& fallback = {}) const;
    // Replaces the areas with the side file's (one undo step); the plan stays unsaved.
    Status recover(const std::string& fallback = {});
    void discardAutosave(const std::string& fallback = {}) const;

  private:
    // What an undo step restores: the areas and the plan's agency list.
    struct Snapshot {
        std::vector<TargetArea> areas;
        std::vector<std::string> agencies;
    };
    Snapshot snapshot() const { return {plan_.areas, plan_.agencies}; }
    void restore(Snapshot s);
    void checkpoint();
    void changed() { ++revision_; }
    void adopt(Plan saved);
    void noteFileTime();

    Plan plan_;
    Plan base_;             // the plan as last read from or saved to base_path_
    std::string base_path_; // the file base_ came from
    Plan theirs_;           // the file's plan at the last clash
    std::vector<PlanClash> clashes_;
    std::vector<std::string> merge_notes_;
    std::string file_token_; // the store's change token when last read or saved here
    std::vector<io::PlanHistoryRow> history_; // as read at the last open, save or bring-in
    std::string path_;
    std::optional<MonthSpan> chosen_on_;
    std::deque<Snapshot> undo_, redo_;
    Snapshot gesture_start_;
    std::uint64_t gesture_revision_ = 0;
    bool in_gesture_ = false;
    std::uint64_t revision_ = 0, saved_revision_ = 0;
    std::string autosaved_to_; // the side file the last autosave wrote
};

} // namespace sw
