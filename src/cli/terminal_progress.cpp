// A progress line on a terminal.
#include "cli/terminal_progress.hpp"

#include <chrono>
#include <cstdio>
#include <unistd.h>

namespace sw::cli {

TerminalProgress::TerminalProgress(std::string label, const Progress& progress, bool enabled) {
    if (!enabled || !::isatty(STDERR_FILENO))
        return;
    thread_ = std::thread([this, label = std::move(label), &progress] {
        const auto start = std::chrono::steady_clock::now();
        bool shown = false;
        while (!done_.load()) {
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
            const double s =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            if (s < 0.5 || done_.load())
                continue; // quick work shows nothing
            std::fprintf(stderr, "\r%s %3.0f%% (%.0f s)  ", label.c_str(),
                         progress.fraction() * 100, s);
            std::fflush(stderr);
            shown = true;
        }
        if (shown)
            std::fprintf(stderr, "\r%*s\r", static_cast<int>(label.size()) + 16, "");
    });
}

TerminalProgress::~TerminalProgress() {
    done_.store(true);
    if (thread_.joinable())
        thread_.join();
}

} // namespace sw::cli
