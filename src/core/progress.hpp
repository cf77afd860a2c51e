// Progress and cancel for long work: atomic counters the UI thread polls.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>

namespace sw {

class Progress {
  public:
    void setTotal(std::uint64_t total) { total_.store(total, std::memory_order_relaxed); }
    std::uint64_t total() const { return total_.load(std::memory_order_relaxed); }
    void add(std::uint64_t n) { done_.fetch_add(n, std::memory_order_relaxed); }
    void reset(std::uint64_t total) {
        done_.store(0, std::memory_order_relaxed);
        setTotal(total);
    }
    // 0..1; 0 when the total is unknown.
    double fraction() const {
        const auto t = total_.load(std::memory_order_relaxed);
        if (t == 0)
            return 0.0;
        const auto d = done_.load(std::memory_order_relaxed);
        return d >= t ? 1.0 : static_cast<double>(d) / static_cast<double>(t);
    }
    void cancel() { cancelled_.store(true, std::memory_order_relaxed); }
    bool cancelled() const { return cancelled_.load(std::memory_order_relaxed); }

  private:
    std::atomic<std::uint64_t> done_{0};
    std::atomic<std::uint64_t> total_{0};
    std::atomic<bool> cancelled_{false};
};

} // namespace sw
