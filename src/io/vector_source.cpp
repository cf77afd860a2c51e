// Opening vector files for reading with clear errors.
#include "io/vector_source.hpp"

#include "core/text.hpp"
#include "io/gdal_setup.hpp"

#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <filesystem>

namespace sw::io {
namespace fs = std::filesystem;

namespace {

// A sibling file with the same stem and this extension (".shx"), in lower or upper case.
bool hasSibling(const fs::path& p, const std::string& ext) {
    std::string upper = ext;
    for (auto& c : upper)
        c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    std::error_code ec;
    return fs::exists(fs::path(p).replace_extension(ext), ec) ||
           fs::exists(fs::path(p).replace_extension(upper), ec);
}

} // namespace

std::string fileProblem(const std::string& path) {
    if (startsWith(path, "/vsi"))
        return {};
    std::error_code ec;
    const auto st = fs::status(path, ec);
    if (ec || !fs::exists(st))
        return "no such file";
    if (fs::is_directory(st) && lowerExtension(path) != "gdb")
        return "it is a folder";
    if (!fs::is_directory(st) && !fs::is_regular_file(st))
        return "not a regular file (a device, pipe or socket)";
    if (lowerExtension(path) == "shp") {
        if (!hasSibling(path, ".shx"))
            return "the shapefile's index file (.shx) is missing beside it";
        if (!hasSibling(path, ".dbf"))
            return "the shapefile's attribute file (.dbf) is missing beside it";
    }
    return {};
}

void GdalDatasetCloser::operator()(GDALDataset* ds) const {
    GDALClose(GDALDataset::ToHandle(ds));
}

int VectorSource::layerCount() const {
    return dataset ? dataset->GetLayerCount() : 0;
}

OGRLayer* VectorSource::layer(int index) const {
    return dataset ? dataset->GetLayer(index) : nullptr;
}

Result<VectorSource> openVectorSource(const std::string& path) {
    ensureGdal();
    if (const std::string problem = fileProblem(path); !problem.empty())
        return Error{path + ": not a readable vector file (" + problem + ")"};
    CPLErrorReset();
    VectorSource src;
    src.dataset.reset(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr,
                                        nullptr, nullptr));
    if (!src.dataset)
        return Error{path + ": not a readable vector file (" +
                     lastGdalError("GDAL recognises no vector format in it") + ")"};
    if (src.dataset->GetLayerCount() < 1)
        return Error{path + ": the file holds no layers"};
    src.format = src.dataset->GetDriver() ? src.dataset->GetDriver()->GetDescription() : "vector";
    return src;
}

} // namespace sw::io
