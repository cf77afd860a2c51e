// Zip archive writing.
#include "io/zip_writer.hpp"

#include "io/gdal_setup.hpp"

#include <cpl_conv.h>

#include <cstdio>
#include <filesystem>
#include <unistd.h>

namespace sw::io {

Result<ZipWriter> ZipWriter::create(const std::string& path) {
    ensureGdal();
    ZipWriter z;
    z.path_ = path;
    z.temp_ = path + ".tmp-" + std::to_string(::getpid()) + ".zip";
    std::remove(z.temp_.c_str());
    z.handle_ = CPLCreateZip(z.temp_.c_str(), nullptr);
    if (!z.handle_)
        return Error{path + ": cannot create the archive (" + lastGdalError() + ")"};
    return z;
}

ZipWriter::ZipWriter(ZipWriter&& o) noexcept
    : handle_(o.handle_), path_(std::move(o.path_)), temp_(std::move(o.temp_)) {
    o.handle_ = nullptr;
}

ZipWriter::~ZipWriter() {
    if (handle_) {
        CPLCloseZip(handle_);
        std::remove(temp_.c_str());
    }
}

Status ZipWriter::add(const std::string& name, const std::string& data) {
    if (CPLCreateFileInZip(handle_, name.c_str(), nullptr) != CE_None)
        return Error{path_ + ": cannot add " + name + " (" + lastGdalError() + ")"};
    const CPLErr e = CPLWriteFileInZip(handle_, data.data(), static_cast<int>(data.size()));
    CPLCloseFileInZip(handle_);
    if (e != CE_None)
        return Error{path_ + ": cannot write " + name + " (" + lastGdalError() + ")"};
    return okStatus();
}

Status ZipWriter::close() {
    if (CPLCloseZip(handle_) != CE_None) {
        handle_ = nullptr;
        return Error{path_ + ": cannot finish the archive (" + lastGdalError() + ")"};
    }
    handle_ = nullptr;
    std::error_code ec;
    std::filesystem::rename(temp_, path_, ec);
    if (ec)
        return Error{path_ + ": cannot move the archive into place (" + ec.message() + ")"};
    return okStatus();
}

} // namespace sw::io
