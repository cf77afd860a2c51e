// Writes files into a new .zip archive (GDAL's CPL zip API), atomically replacing the target.
#pragma once

#include "core/result.hpp"

#include <string>

namespace sw::io {

class ZipWriter {
  public:
    static Result<ZipWriter> create(const std::string& path);
    ZipWriter(ZipWriter&& o) noexcept;
    ~ZipWriter();
    Status add(const std::string& name, const std::string& data);
    Status close();

  private:
    ZipWriter() = default;
    void* handle_ = nullptr;
    std::string path_, temp_;
};

} // namespace sw::io
