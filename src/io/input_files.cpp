// Folder and archive expansion for incident inputs.
#include "io/input_files.hpp"

#include "core/text.hpp"
#include "io/gdal_setup.hpp"

#include <cpl_conv.h>
#include <cpl_string.h>
#include <cpl_vsi.h>

#include <algorithm>
#include <cctype>
#include <filesystem>

namespace sw::io {
namespace {

// The data files in a zip archive, refused when it inflates far beyond what CSV compresses
// to (a zip bomb) or holds more entries than any police.uk download.
Status listArchive(const std::string& zip_path, std::vector<std::string>& out) {
    const std::string vsi_root = "/vsizip/" + zip_path;
    char** entries = VSIReadDirRecursive(vsi_root.c_str());
    std::vector<std::string> found;
    std::uint64_t inflated = 0;
    std::size_t n = 0;
    for (int i = 0; entries && entries[i]; ++i, ++n)
        if (isDataFileName(entries[i])) {
            found.push_back(vsi_root + "/" + entries[i]);
            VSIStatBufL st{};
            if (VSIStatL(found.back().c_str(), &st) == 0)
                inflated += static_cast<std::uint64_t>(st.st_size);
        }
    CSLDestroy(entries);
    if (n > kMaxArchiveEntries)
        return Error{zip_path + ": the archive holds " + std::to_string(n) +
                     " entries; the limit is " + std::to_string(kMaxArchiveEntries)};
    std::error_code ec;
    const auto packed = std::filesystem::file_size(zip_path, ec);
    if (!ec && inflated > kMinBombBytes &&
        inflated / std::max<std::uint64_t>(packed, 1) > kMaxInflation)
        return Error{zip_path + ": the archive inflates " + std::to_string(packed >> 10) +
                     " KiB to " + std::to_string(inflated >> 20) + " MiB, more than " +
                     std::to_string(kMaxInflation) +
                     " times (the limit; CSV compresses about 10 times): refused as a zip bomb"};
    std::sort(found.begin(), found.end());
    out.insert(out.end(), found.begin(), found.end());
    return okStatus();
}

} // namespace

bool isDataFileName(const std::string& name) {
    static const char* exts[] = {"csv", "tsv", "gpkg", "shp", "geojson", "json",
                                 "kml", "gml", "fgb",  "tab", "sqlite",  "gz"};
    const std::string e = lowerExtension(name);
    return std::find(std::begin(exts), std::end(exts), e) != std::end(exts);
}

Result<std::vector<std::string>> expandIncidentInputs(const std::vector<std::string>& paths,
                                                      std::vector<std::string>* warnings) {
    namespace fs = std::filesystem;
    ensureGdal();
    auto warn = [warnings](const std::string& w) {
        if (warnings)
            warnings->push_back(w);
    };
    std::vector<std::string> out;
    for (const auto& p : paths) {
        std::error_code ec;
        if (p.rfind("/vsi", 0) == 0) {
            out.push_back(p);
            continue;
        }
        const auto status = fs::status(p, ec);
        if (ec && ec != std::errc::no_such_file_or_directory)
            return Error{p + ": " + ec.message()};
        if (!fs::exists(status))
            return Error{p + ": no such file or folder"};
        if (fs::is_directory(status)) {
            std::vector<std::string> files;
            // Error codes, not exceptions: a symlink loop or an unreadable folder inside is
            // skipped and said, never the end of the load.
            fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied,
                                                ec),
                end;
            if (ec)
                return Error{p + ": cannot read the folder (" + ec.message() + ")"};
            for (; it != end; it.increment(ec)) {
                if (ec) {
                    warn(p + ": skipped part of the folder (" + ec.message() + ")");
                    break;
                }
                const std::string name = it->path().string();
                std::error_code fec;
                const auto st = it->status(fec);
                if (fec) {
                    if (isDataFileName(name) || lowerExtension(name) == "zip")
                        warn(name + ": skipped (" + fec.message() + ")");
                    continue;
                }
                if (fs::is_directory(st))
                    continue;
                const bool data = isDataFileName(name) || lowerExtension(name) == "zip";
                if (!fs::is_regular_file(st)) {
                    if (data)
                        warn(name + ": skipped (not a regular file: a device, pipe or socket)");
                    continue;
                }
                if (lowerExtension(name) == "zip") {
                    if (auto z = listArchive(name, files); !z)
                        return z.failure();
                } else if (data) {
                    files.push_back(name);
                }
            }
            std::sort(files.begin(), files.end());
            if (files.empty())
                return Error{p + ": the folder holds no CSV or vector files"};
            out.insert(out.end(), files.begin(), files.end());
        } else if (lowerExtension(p) == "zip") {
            const std::size_t before = out.size();
            if (auto z = listArchive(p, out); !z)
                return z.failure();
            if (out.size() == before)
                return Error{p + ": the archive holds no CSV or vector files"};
        } else {
            out.push_back(p);
        }
    }
    return out;
}

} // namespace sw::io

namespace sw::io {

std::string vsiPath(const std::string& path) {
    if (endsWithIgnoreCase(path, ".gz") && path.rfind("/vsigzip/", 0) != 0)
        return "/vsigzip/" + path;
    return path;
}

std::uint64_t inputBytes(const std::string& path) {
    const std::string vpath = vsiPath(path);
    VSIStatBufL st{};
    if (VSIStatL(vpath.c_str(), &st) != 0 || st.st_size < 0)
        return 0;
    return static_cast<std::uint64_t>(st.st_size);
}

} // namespace sw::io
