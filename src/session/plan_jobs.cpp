// The planner's background work.
#include "session/plan_jobs.hpp"

#include "core/layer_rules.hpp"

namespace sw {

std::string statsRequestKey(const AreaStatsRequest& r) {
    const SelectionParams& s = r.selection;
    std::string key = std::to_string(s.from) + ":" + std::to_string(s.to) + ":" + s.weight_column +
                      ":" + std::to_string(r.top_streets);
    for (std::size_t i = 0; i < s.layers.size(); ++i)
        key += "|" + formatLayerRule(s.layers[i]) + "=" +
               std::to_string(i < s.layer_weights.size() ? s.layer_weights[i] : 1.0);
    return key;
}

void PlanJobs::wantStats(const Session& session, const AreaStatsRequest& request) {
    const std::string key = statsRequestKey(request);
    if ((stats_ && key == stats_key_ && !stats_job_.running()) ||
        (stats_job_.running() && key == preparing_key_))
        return;
    if (!stats_ && !stats_error_.empty() && key == preparing_key_)
        return; // failed for this request: wait for a new one
    preparing_key_ = key;
    stats_job_.start([&session, request](Progress&) -> Result<AreaStatistics> {
        return AreaStatistics::prepare(session, request);
    });
}

void PlanJobs::suggest(const Session& session, const SuggestRequest& request) {
    suggest_job_.start([&session, request](Progress& progress) {
        return suggestAreas(session, request, &progress);
    });
}

void PlanJobs::backtest(const Session& session, const BacktestRequest& request) {
    backtest_job_.start([&session, request](Progress& progress) {
        return runBacktest(session, request, &progress);
    });
}

void PlanJobs::evaluate(const Session& session, std::vector<TargetArea> areas,
                        const EvaluateRequest& request) {
    evaluate_job_.start([&session, areas = std::move(areas), request](Progress&) {
        return evaluatePlan(session, areas, request);
    });
}

void PlanJobs::after(const Session& session, const TargetArea& area,
                     const AfterActionRequest& request) {
    after_job_.start(
        [&session, area, request](Progress&) { return afterAction(session, area, request); });
}

void PlanJobs::poll() {
    if (auto r = stats_job_.take()) {
        if (*r) {
            stats_ = std::make_unique<AreaStatistics>(std::move(r->value()));
            ++stats_generation_;
            stats_key_ = preparing_key_;
            stats_error_.clear();
        } else {
            stats_.reset();
            stats_error_ = r->error();
        }
    }
}

const AreaStats* PlanJobs::statsFor(const std::string& key, std::uint64_t revision,
                                    const MultiPolygon& shape) {
    if (!stats_ || shape.empty())
        return nullptr;
    if (key.empty() || key != shape_key_ || revision != shape_revision_ ||
        stats_generation_ != shape_generation_ || !shape_stats_) {
        shape_stats_ = stats_->of(shape);
        shape_key_ = key;
        shape_revision_ = revision;
        shape_generation_ = stats_generation_;
    }
    return &*shape_stats_;
}

void PlanJobs::stop() {
    stats_job_.stop();
    suggest_job_.stop();
    evaluate_job_.stop();
    after_job_.stop();
    backtest_job_.stop();
    (void)backtest_job_.take();
    (void)stats_job_.take();
    (void)suggest_job_.take();
    (void)evaluate_job_.take();
    (void)after_job_.take();
    stats_.reset();
    shape_stats_.reset();
    stats_key_.clear();
    preparing_key_.clear();
    stats_error_.clear();
}

} // namespace sw
