// Whole small text files through GDAL's virtual file API (plain, .gz or inside .zip).
#pragma once

#include "core/result.hpp"

#include <string>

namespace sw::io {

Result<std::string> readTextFile(const std::string& path, std::size_t max_bytes = 256u << 20);

} // namespace sw::io
