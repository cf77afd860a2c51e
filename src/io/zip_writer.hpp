// Writes files into a new .zip archive (GDAL's CPL zip API, zip64 where a member or the archive
// passes 4 GiB), atomically replacing the target.
#pragma once

#include "core/atomic_file.hpp"
#include "core/result.hpp"

#include <string>
#include <string_view>

namespace sw::io {

class ZipWriter {
  public:
    static Result<ZipWriter> create(const std::string& path);
    ZipWriter(ZipWriter&& o) noexcept;
    ~ZipWriter();
    // A member from bytes in memory, or streamed from a file on disk (any size).
    Status add(const std::string& name, std::string_view data);
    Status addFile(const std::string& name, const std::string& file);
    Status close(); // finishes the archive and moves it into place

  private:
    explicit ZipWriter(TemporaryFile temp) : temp_(std::move(temp)) {}
    Status write(const std::string& name, std::string_view data);
    void* handle_ = nullptr;
    TemporaryFile temp_;
};

} // namespace sw::io
