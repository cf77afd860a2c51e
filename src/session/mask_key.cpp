// The location-masking key: read, or made once.
#include "session/mask_key.hpp"

#include "core/atomic_file.hpp"

#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace sw {
namespace fs = std::filesystem;

namespace {

std::uint64_t randomKey() {
    std::uint64_t k = 0;
    if (std::FILE* f = std::fopen("/dev/urandom", "rb")) {
        if (std::fread(&k, sizeof k, 1, f) != 1)
            k = 0;
        std::fclose(f);
    }
    return k ? k : 0x5DEECE66Dull ^ static_cast<std::uint64_t>(std::rand());
}

std::string configFolder() {
    if (const char* x = std::getenv("XDG_CONFIG_HOME"); x && *x)
        return (fs::path(x) / "streetweek").string();
    if (const char* h = std::getenv("HOME"); h && *h)
        return (fs::path(h) / ".config" / "streetweek").string();
    return {};
}

} // namespace

MaskKey loadMaskKey() {
    MaskKey out;
    const std::string folder = configFolder();
    if (folder.empty()) {
        out.key = randomKey();
        return out;
    }
    const std::string path = (fs::path(folder) / "location-mask.key").string();
    {
        std::ifstream in(path);
        std::string hex;
        if (in >> hex && hex.size() == 16) {
            char* end = nullptr;
            const unsigned long long k = std::strtoull(hex.c_str(), &end, 16);
            if (end && *end == 0 && k != 0) {
                out = {static_cast<std::uint64_t>(k), true, path};
                return out;
            }
        }
    }
    std::error_code ec;
    fs::create_directories(folder, ec);
    out.key = randomKey();
    char hex[20];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(out.key));
    // Readable by its owner only from the first byte: written to a 0600 temporary, then moved.
    TemporaryFile tmp(path);
    const int fd = ::open(tmp.path().c_str(), O_CREAT | O_EXCL | O_WRONLY, 0600);
    if (fd < 0)
        return out;
    const std::string text = std::string(hex) + "\n";
    const bool wrote = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
    ::close(fd);
    if (wrote && tmp.commit()) {
        out.persistent = true;
        out.path = path;
    }
    return out;
}

} // namespace sw
