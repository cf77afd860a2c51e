// Long work off the UI thread: a job runs on its own thread with progress and cancel, and
// the UI thread collects the result in one place (take()).
#pragma once

#include "core/progress.hpp"
#include "core/result.hpp"

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <thread>

namespace sw {

template <typename T> class BackgroundJob {
  public:
    BackgroundJob() = default;
    BackgroundJob(const BackgroundJob&) = delete;
    BackgroundJob& operator=(const BackgroundJob&) = delete;
    ~BackgroundJob() { stop(); }

    void start(std::function<Result<T>(Progress&)> work) {
        stop();
        progress_ = std::make_unique<Progress>();
        done_.store(false);
        result_.reset();
        thread_ = std::thread([this, work = std::move(work)] {
            auto r = work(*progress_);
            result_.emplace(std::move(r));
            done_.store(true, std::memory_order_release);
        });
    }
    bool running() const { return thread_.joinable() && !done_.load(std::memory_order_acquire); }
    // The result once the job has finished (returned once), else nullopt.
    std::optional<Result<T>> take() {
        if (!thread_.joinable() || !done_.load(std::memory_order_acquire))
            return std::nullopt;
        thread_.join();
        auto r = std::move(result_);
        result_.reset();
        return r;
    }
    double fraction() const { return progress_ ? progress_->fraction() : 0.0; }
    void cancel() {
        if (progress_)
            progress_->cancel();
    }
    void stop() {
        cancel();
        if (thread_.joinable())
            thread_.join();
    }

  private:
    std::thread thread_;
    std::unique_ptr<Progress> progress_;
    std::atomic<bool> done_{false};
    std::optional<Result<T>> result_;
};

} // namespace sw
