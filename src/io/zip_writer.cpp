// Zip archive writing.
#include "io/zip_writer.hpp"

#include "io/gdal_setup.hpp"

#include <cpl_conv.h>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace sw::io {

namespace {
// Each CPLWriteFileInZip call takes an int: members are written this much at a time.
constexpr std::size_t kChunk = std::size_t{1} << 20;
} // namespace

Result<ZipWriter> ZipWriter::create(const std::string& path) {
    ensureGdal();
    ZipWriter z{TemporaryFile(path)};
    z.handle_ = CPLCreateZip(z.temp_.path().c_str(), nullptr);
    if (!z.handle_)
        return Error{path + ": cannot create the archive (" + lastGdalError() + ")"};
    return z;
}

ZipWriter::ZipWriter(ZipWriter&& o) noexcept : handle_(o.handle_), temp_(std::move(o.temp_)) {
    o.handle_ = nullptr;
}

ZipWriter::~ZipWriter() {
    if (handle_)
        CPLCloseZip(handle_); // the temporary goes with temp_
}

Status ZipWriter::write(const std::string& name, std::string_view data) {
    for (std::size_t at = 0; at < data.size(); at += kChunk) {
        const std::size_t n = std::min(kChunk, data.size() - at);
        if (CPLWriteFileInZip(handle_, data.data() + at, static_cast<int>(n)) != CE_None)
            return Error{temp_.target() + ": cannot write " + name + " (" + lastGdalError() + ")"};
    }
    return okStatus();
}

Status ZipWriter::add(const std::string& name, std::string_view data) {
    if (CPLCreateFileInZip(handle_, name.c_str(), nullptr) != CE_None)
        return Error{temp_.target() + ": cannot add " + name + " (" + lastGdalError() + ")"};
    auto st = write(name, data);
    if (CPLCloseFileInZip(handle_) != CE_None && st)
        return Error{temp_.target() + ": cannot finish " + name + " (" + lastGdalError() + ")"};
    return st;
}

Status ZipWriter::addFile(const std::string& name, const std::string& file) {
    std::FILE* in = std::fopen(file.c_str(), "rb");
    if (!in)
        return Error{temp_.target() + ": cannot read " + file + " to add it"};
    if (CPLCreateFileInZip(handle_, name.c_str(), nullptr) != CE_None) {
        std::fclose(in);
        return Error{temp_.target() + ": cannot add " + name + " (" + lastGdalError() + ")"};
    }
    std::vector<char> buf(kChunk);
    Status st = okStatus();
    for (std::size_t got; st && (got = std::fread(buf.data(), 1, buf.size(), in)) > 0;)
        st = write(name, {buf.data(), got});
    if (st && std::ferror(in))
        st = Error{temp_.target() + ": cannot read " + file + " to add it"};
    std::fclose(in);
    if (CPLCloseFileInZip(handle_) != CE_None && st)
        return Error{temp_.target() + ": cannot finish " + name + " (" + lastGdalError() + ")"};
    return st;
}

Status ZipWriter::close() {
    const CPLErr e = CPLCloseZip(handle_);
    handle_ = nullptr;
    if (e != CE_None)
        return Error{temp_.target() + ": cannot finish the archive (" + lastGdalError() + ")"};
    return temp_.commit();
}

} // namespace sw::io
