// Files written whole or not at all: each output is written under a temporary name in its own
// folder, flushed to disk, renamed over the target and the folder flushed, so a crash, a kill or
// a full disk leaves the old file or the new one, never half of one. No GDAL here: io, print,
// render, session and ui all write through it.
#pragma once

#include "core/result.hpp"

#include <string>
#include <string_view>

namespace sw {

// "<folder>/.streetweek-tmp-<pid>-<n>-<name>": beside `path`, ending in its name (so a driver that
// goes by the extension still sees it), unique within this process, and known to
// removeStaleTemporaries.
std::string temporaryPathFor(const std::string& path);

// Removes what killed streetweek processes left in `folder` (temporaries whose process is gone).
void removeStaleTemporaries(const std::string& folder);

// fsync of a file, or of a folder (which makes a rename in it durable). False when it fails.
bool syncToDisk(const std::string& path, bool folder = false);
// fsync of every file under `folder` and of the folders themselves.
Status syncFolderToDisk(const std::string& folder);

// Moves a finished temporary over `path`: flushes it, renames it, flushes the folder. On failure
// the temporary is removed and the old `path` is untouched; the message names `path`.
Status moveIntoPlace(const std::string& temp, const std::string& path);

// Writes `bytes` to `path` through a temporary and moveIntoPlace.
Status writeFileAtomically(const std::string& path, std::string_view bytes);

// A temporary for `path` that is removed unless commit() moved it into place.
class TemporaryFile {
  public:
    explicit TemporaryFile(std::string path);
    TemporaryFile(TemporaryFile&& o) noexcept;
    TemporaryFile& operator=(TemporaryFile&&) = delete;
    TemporaryFile(const TemporaryFile&) = delete;
    ~TemporaryFile();
    const std::string& path() const { return temp_; } // write here
    const std::string& target() const { return target_; }
    Status commit(); // moveIntoPlace(path(), target())

  private:
    std::string target_, temp_;
};

} // namespace sw
