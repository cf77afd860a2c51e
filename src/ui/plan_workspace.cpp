// The plan in the map.
#include "ui/plan_workspace.hpp"

#include "core/text.hpp"
#include "io/plan_file.hpp"

#include <cstdio>
#include <filesystem>
#include <iostream>

namespace sw::ui {
namespace fs = std::filesystem;

std::string freePlanName(const std::string& dir) {
    std::error_code ec;
    for (int n = 1;; ++n) {
        const std::string name =
            n == 1 ? "streetweek_plan.gpkg" : "streetweek_plan_" + std::to_string(n) + ".gpkg";
        const fs::path p = fs::path(dir) / name;
        // A free name, or one whose plan was never saved but whose autosave is there (the
        // last session's unsaved areas: opening it offers them).
        if (!fs::exists(p, ec))
            return dir == "." ? name : p.string();
    }
}

Status PlanWorkspace::open(const std::string& path) {
    auto doc = PlanDocument::open(path.empty() ? freePlanName() : path);
    if (!doc)
        return doc.failure();
    doc_ = std::move(doc.value());
    opened_path_ = doc_.path();
    panel_.offer_recovery = doc_.recoverable();
    for (const auto& w : doc_.plan().load_warnings)
        panel_.message += (panel_.message.empty() ? "" : "; ") + w;
    return okStatus();
}

bool PlanWorkspace::handleTools(const MapViewState& view) {
    const AreaToolInput in = readAreaToolInput(view);
    const AreaNamer namer = [this](const TargetArea& a) -> std::string {
        if (!jobs_.stats())
            return {};
        return areaNameFrom(jobs_.stats()->of(a.shape), a.id);
    };
    frame_ = handleAreaTools(tools_, doc_, in, namer);
    return frame_.mouse_used;
}

void PlanWorkspace::poll(const Session& session, const SelectionParams& selection, double now_s,
                         const std::string& crs) {
    crs_ = crs;
    jobs_.poll();
    if (session.loaded() && !session.incidents().empty())
        jobs_.wantStats(session, AreaStatsRequest{selection, 10});
    if (auto r = jobs_.takeSuggestion()) {
        if (*r) {
            panel_.suggestion = std::move(r->value());
            panel_.suggest_error.clear();
        } else {
            panel_.suggestion.reset();
            panel_.suggest_error = r->error();
        }
    }
    if (auto r = jobs_.takeEvaluation()) {
        panel_.evaluation.reset();
        panel_.evaluate_error.clear();
        if (*r)
            panel_.evaluation = std::move(r->value());
        else
            panel_.evaluate_error = r->error();
    }
    if (auto r = jobs_.takeBacktest()) {
        panel_.backtest.reset();
        panel_.backtest_error.clear();
        if (*r)
            panel_.backtest = std::move(r->value());
        else
            panel_.backtest_error = r->error();
    }
    if (auto r = jobs_.takeAfter()) {
        panel_.after_report.clear();
        panel_.after_error.clear();
        panel_.after_result.reset();
        if (*r) {
            panel_.after_result = r->value();
            for (const auto& n : r->value().notes)
                panel_.after_report.push_back("Note: " + n);
            const auto lines = afterActionReport(after_area_, r->value(), after_buffer_m_);
            panel_.after_report.insert(panel_.after_report.end(), lines.begin(), lines.end());
        } else {
            panel_.after_error = r->error();
        }
    }
    // Someone else's save, noticed within two seconds.
    if (now_s - last_disk_check_s_ >= 2) {
        last_disk_check_s_ = now_s;
        if (!panel_.changed_on_disk && doc_.changedOnDisk())
            panel_.changed_on_disk = true;
    }
    if (last_autosave_s_ < 0)
        last_autosave_s_ = now_s;
    // Not while the recovery offer stands: the side file holds the earlier session's edits.
    if (now_s - last_autosave_s_ >= kAutosaveSeconds && !panel_.offer_recovery) {
        last_autosave_s_ = now_s;
        if (doc_.dirty() && doc_.revision() != autosaved_revision_) {
            if (auto st = doc_.autosave(crs_); st)
                autosaved_revision_ = doc_.revision();
            else
                panel_.message = "Autosave failed: " + st.error();
        }
    }
}

std::optional<Box> PlanWorkspace::drawPanel(const Session& session, const LoadRequest& sources,
                                            const SelectionParams& selection,
                                            const KdeParams& kde) {
    pack_.draw(session, doc_.plan(), doc_.path(), selection, kde_, threshold_);
    report_.draw(session, doc_.plan(), doc_.path(), selection, kde_, threshold_);
    panel_.harm_text = selection.harm.empty() ? std::string() : selection.harm.describe();
    panel_.harm_rows.clear();
    for (const auto& [type, w] : selection.harm.types)
        panel_.harm_rows.push_back(type + ": " + shortNumber(w));
    if (selection.harm.others)
        panel_.harm_rows.push_back("every other type: " + shortNumber(*selection.harm.others));
    PlanPanelContext ctx{doc_, tools_, jobs_, session, frame_.draft ? &*frame_.draft : nullptr};
    const PlanPanelRequests req = drawPlanPanel(panel_, ctx);
    if (req.save)
        save(sources, selection, crs_);
    if (req.suggest) {
        SuggestRequest s;
        s.selection = selection;
        s.weeks = static_cast<std::size_t>(panel_.weeks);
        s.shape = panel_.shape;
        s.min_per_site = panel_.min_per_site;
        s.radius_m = panel_.radius_m;
        s.max_area_km2 = panel_.max_area_km2;
        s.hotspot_kde = kde;
        s.min_gap_m = panel_.min_gap_m;
        s.revisit_months = panel_.revisit_months;
        s.planned = doc_.areas();
        panel_.suggestion.reset();
        panel_.suggest_error.clear();
        jobs_.suggest(session, s);
    }
    if (req.evaluate)
        startEvaluation(session, selection);
    if (req.backtest) {
        BacktestRequest b;
        b.selection = selection;
        b.selection.from = b.selection.to = kNoMonth; // every loaded month
        b.train_months = static_cast<std::size_t>(panel_.backtest_train_months);
        b.planner.weeks = static_cast<std::size_t>(panel_.weeks);
        b.planner.shape = panel_.shape;
        b.planner.radius_m = panel_.radius_m;
        b.planner.min_gap_m = panel_.min_gap_m;
        b.planner.min_per_site = panel_.min_per_site;
        b.kde = panel_.backtest_kde;
        b.gistar = panel_.backtest_gistar;
        panel_.backtest.reset();
        panel_.backtest_error.clear();
        jobs_.backtest(session, b);
    }
    if (req.after)
        if (const TargetArea* a = doc_.find(tools_.selected)) {
            AfterActionRequest ar;
            ar.selection = selection;
            ar.months = panel_.after_months;
            ar.buffer_m = panel_.after_buffer_m;
            ar.plan_areas = doc_.areas();
            after_area_ = *a;
            after_buffer_m_ = ar.buffer_m;
            jobs_.after(session, *a, ar);
        }
    return req.zoom;
}

void PlanWorkspace::startEvaluation(const Session& session, const SelectionParams& selection) {
    EvaluateRequest er;
    er.selection = selection;
    panel_.evaluate_error.clear();
    if (!panel_.train_from.empty() || !panel_.train_to.empty()) {
        const auto a = parseMonth(panel_.train_from), b = parseMonth(panel_.train_to);
        if (!a || !b || *b < *a) {
            panel_.evaluate_error = "The months chosen on must be YYYY-MM to YYYY-MM, in order";
            return;
        }
        er.train = MonthSpan{*a, *b};
    }
    er.test_given = panel_.eval_map_period;
    er.in_sample = panel_.eval_in_sample;
    jobs_.evaluate(session, doc_.areas(), er);
}

void PlanWorkspace::stopJobs() {
    if (jobs_.suggesting() || jobs_.checking() || jobs_.backtesting())
        panel_.message = "New data loaded: Suggest and the checks were stopped; run them again";
    jobs_.stop();
    pack_.stop();
    report_.stop();
    // Their figures were of the old data.
    panel_.suggestion.reset();
    panel_.evaluation.reset();
    panel_.backtest.reset();
    panel_.after_result.reset();
    panel_.after_report.clear();
}

void PlanWorkspace::drawOverlay(const MapCamera& camera) {
    const AreaOverlay overlay{doc_, tools_, frame_,
                              panel_.suggestion ? &*panel_.suggestion : nullptr};
    drawTargetAreas(camera, overlay, fills_);
}

void PlanWorkspace::save(const LoadRequest& sources, const SelectionParams& selection,
                         const std::string& crs, const LoadReport* report) {
    if (panel_.offer_recovery) {
        panel_.message = "Not saved: first recover or discard the autosaved changes above";
        return;
    }
    if (tools_.drag != AreaToolState::Drag::None) {
        panel_.message = "Not saved: finish the drag first";
        return;
    }
    // Saving over a file this plan did not come from, or a plan read with rows left out, asks
    // for a second Save.
    std::error_code ec;
    std::string confirm;
    if (doc_.path() != opened_path_ && io::planExists(doc_.path()))
        confirm = doc_.path() + " is another file: Save again to replace it";
    if (!confirm.empty() && confirm_ != confirm) {
        confirm_ = confirm;
        panel_.message = confirm;
        return;
    }
    confirm_.clear();
    const bool hotspots = panel_.shape == SuggestShape::HotspotPolygon;
    const std::vector<std::pair<std::string, std::string>> settings = {
        {"hotspot_kernel", kernelName(kde_.kernel)},
        {"hotspot_radius_m", shortNumber(kde_.radius_m)},
        {"hotspot_cell_m", kde_.cell_size_m > 0 ? shortNumber(kde_.cell_size_m) : "auto"},
        {"hotspot_threshold", threshold_.describe()},
        {"suggest_shape", hotspots                                ? "hotspot"
                          : panel_.shape == SuggestShape::Hexagon ? "hexagon"
                                                                  : "circle"},
        {"suggest_weeks", std::to_string(panel_.weeks)},
        {hotspots ? "suggest_max_area_km2" : "suggest_radius_m",
         shortNumber(hotspots ? panel_.max_area_km2 : panel_.radius_m)},
        {"suggest_min_gap_m", shortNumber(panel_.min_gap_m)},
        {"suggest_min_per_site", shortNumber(panel_.min_per_site)},
        {"revisit_months", std::to_string(panel_.revisit_months)}};
    const auto st = doc_.save(sources, selection, crs, settings, report);
    if (st) {
        opened_path_ = doc_.path();
        panel_.changed_on_disk = false;
    }
    panel_.message =
        st ? "Saved " + std::to_string(doc_.areas().size()) + " areas to " + doc_.path()
           : "Not saved: " + st.error();
    for (const auto& n : doc_.mergeNotes())
        panel_.message += "; " + n;
}

void PlanWorkspace::close(const std::string& crs) {
    jobs_.stop();
    if (panel_.offer_recovery)
        return; // the earlier session's autosave stays, offered again next time
    if (!doc_.dirty()) {
        doc_.discardAutosave();
        return;
    }
    if (auto st = doc_.autosave(crs); st)
        std::cerr << "streetweek: unsaved plan changes kept in " << doc_.autosavePath()
                  << "; the next start offers them\n";
    else
        std::cerr << "streetweek: the unsaved plan changes could not be kept: " << st.error()
                  << "\n";
}

} // namespace sw::ui
