// Files written whole or not at all.
#include "core/atomic_file.hpp"

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <unistd.h>

namespace sw {
namespace fs = std::filesystem;

namespace {
constexpr std::string_view kPrefix = ".streetweek-tmp-";
std::atomic<unsigned> g_serial{0};
} // namespace

std::string temporaryPathFor(const std::string& path) {
    const fs::path target(path);
    const std::string name = std::string(kPrefix) + std::to_string(::getpid()) + "-" +
                             std::to_string(g_serial++) + "-" + target.filename().string();
    return (target.parent_path() / name).string();
}

void removeStaleTemporaries(const std::string& folder) {
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(folder.empty() ? "." : folder, ec)) {
        const std::string name = e.path().filename().string();
        if (name.rfind(kPrefix, 0) != 0)
            continue;
        const long pid = std::strtol(name.c_str() + kPrefix.size(), nullptr, 10);
        if (pid > 0 && (::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM))
            continue; // still running
        std::error_code rm;
        fs::remove_all(e.path(), rm);
    }
}

bool syncToDisk(const std::string& path, bool folder) {
    const int fd = ::open(path.c_str(), folder ? O_RDONLY | O_DIRECTORY : O_RDONLY);
    if (fd < 0)
        return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

Status syncFolderToDisk(const std::string& folder) {
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(folder, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        const bool dir = it->is_directory(ec);
        if (!syncToDisk(it->path().string(), dir))
            return Error{it->path().string() + ": cannot flush the file to disk"};
    }
    if (ec)
        return Error{folder + ": cannot list the folder (" + ec.message() + ")"};
    if (!syncToDisk(folder, true))
        return Error{folder + ": cannot flush the folder to disk"};
    return okStatus();
}

Status moveIntoPlace(const std::string& temp, const std::string& path) {
    std::error_code ec;
    const auto fail = [&](const std::string& why) -> Status {
        std::error_code rm;
        fs::remove(temp, rm);
        return Error{path + ": " + why + "; nothing there was changed"};
    };
    if (!syncToDisk(temp))
        return fail("cannot flush the new file to disk");
    fs::rename(temp, path, ec);
    if (ec)
        return fail("cannot move the new file into place (" + ec.message() + ")");
    const fs::path folder = fs::absolute(path, ec).parent_path();
    syncToDisk(folder.string(), true); // the rename itself survives a crash
    return okStatus();
}

Status writeFileAtomically(const std::string& path, std::string_view bytes) {
    TemporaryFile tmp(path);
    std::FILE* f = std::fopen(tmp.path().c_str(), "wb");
    if (!f)
        return Error{path + ": cannot write the file (no such folder or no permission?)"};
    const bool wrote = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
    if (std::fclose(f) != 0 || !wrote)
        return Error{path + ": cannot write the file (disk full?); nothing there was changed"};
    return tmp.commit();
}

TemporaryFile::TemporaryFile(std::string path)
    : target_(std::move(path)), temp_(temporaryPathFor(target_)) {}

TemporaryFile::TemporaryFile(TemporaryFile&& o) noexcept
    : target_(std::move(o.target_)), temp_(std::move(o.temp_)) {
    o.temp_.clear();
}

TemporaryFile::~TemporaryFile() {
    if (!temp_.empty()) {
        std::error_code ec;
        fs::remove(temp_, ec);
    }
}

Status TemporaryFile::commit() {
    auto st = moveIntoPlace(temp_, target_);
    temp_.clear(); // moved, or removed by moveIntoPlace
    return st;
}

} // namespace sw
