// Saves the bound framebuffer as a PNG (written under a temporary name, then moved into place,
// so a failed write never leaves half a file).
#pragma once

#include "core/result.hpp"

#include <string>

namespace sw::gl {

Status writePng(const std::string& path, int width, int height);

} // namespace sw::gl
