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

void listArchive(const std::string& vsi_root, std::vector<std::string>& out) {
    char** entries = VSIReadDirRecursive(vsi_root.c_str());
    std::vector<std::string> found;
    for (int i = 0; entries && entries[i]; ++i)
        if (isDataFileName(entries[i]))
            found.push_back(vsi_root + "/" + entries[i]);
    CSLDestroy(entries);
    std::sort(found.begin(), found.end());
    out.insert(out.end(), found.begin(), found.end());
}

} // namespace

bool isDataFileName(const std::string& name) {
    static const char* exts[] = {"csv", "tsv", "gpkg", "shp", "geojson", "json",
                                 "kml", "gml", "fgb",  "tab", "sqlite",  "gz"};
    const std::string e = lowerExtension(name);
    return std::find(std::begin(exts), std::end(exts), e) != std::end(exts);
}

Result<std::vector<std::string>> expandIncidentInputs(const std::vector<std::string>& paths) {
    namespace fs = std::filesystem;
    ensureGdal();
    std::vector<std::string> out;
    for (const auto& p : paths) {
        std::error_code ec;
        if (p.rfind("/vsi", 0) == 0) {
            out.push_back(p);
            continue;
        }
        if (!fs::exists(p, ec))
            return Error{p + ": no such file or folder"};
        if (fs::is_directory(p, ec)) {
            std::vector<std::string> files;
            for (const auto& entry : fs::recursive_directory_iterator(p, ec)) {
                if (!entry.is_regular_file())
                    continue;
                const std::string name = entry.path().string();
                if (lowerExtension(name) == "zip")
                    listArchive("/vsizip/" + name, files);
                else if (isDataFileName(name))
                    files.push_back(name);
            }
            std::sort(files.begin(), files.end());
            if (files.empty())
                return Error{p + ": the folder holds no CSV or vector files"};
            out.insert(out.end(), files.begin(), files.end());
        } else if (lowerExtension(p) == "zip") {
            const std::size_t before = out.size();
            listArchive("/vsizip/" + p, out);
            if (out.size() == before)
                return Error{p + ": the archive holds no CSV or vector files"};
        } else {
            out.push_back(p);
        }
    }
    return out;
}

} // namespace sw::io
