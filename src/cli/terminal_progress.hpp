// Progress of long CLI work (loading, KDE, cross-validated bandwidths, emerging hot spots) on
// stderr while it runs, when stderr is a terminal and --quiet was not given: one line redrawn
// a few times a second, cleared when the work ends.
#pragma once

#include "core/progress.hpp"

#include <atomic>
#include <string>
#include <thread>

namespace sw::cli {

class TerminalProgress {
  public:
    // Shows `label` and the progress' fraction; does nothing when `enabled` is false or stderr
    // is not a terminal.
    TerminalProgress(std::string label, const Progress& progress, bool enabled);
    ~TerminalProgress();
    TerminalProgress(const TerminalProgress&) = delete;
    TerminalProgress& operator=(const TerminalProgress&) = delete;

  private:
    std::atomic<bool> done_{false};
    std::thread thread_;
};

} // namespace sw::cli
