// PNG capture of the bound framebuffer.
#include "render/framebuffer_png.hpp"

#include "render/gl_api.hpp"

#include <stb/stb_image_write.h>

#include <algorithm>
#include <filesystem>
#include <unistd.h>
#include <vector>

namespace sw::gl {

Status writePng(const std::string& path, int w, int h) {
    std::vector<unsigned char> pixels(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) *
                                      4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    // OpenGL rows run bottom-up; PNG rows top-down.
    std::vector<unsigned char> flipped(pixels.size());
    const std::size_t row = static_cast<std::size_t>(w) * 4;
    for (int y = 0; y < h; ++y)
        std::copy_n(
            pixels.begin() + static_cast<std::ptrdiff_t>(static_cast<std::size_t>(h - 1 - y) * row),
            row, flipped.begin() + static_cast<std::ptrdiff_t>(static_cast<std::size_t>(y) * row));
    for (std::size_t i = 3; i < flipped.size(); i += 4)
        flipped[i] = 255; // opaque image
    const std::string tmp = path + ".tmp-" + std::to_string(::getpid()) + ".png";
    if (!stbi_write_png(tmp.c_str(), w, h, 4, flipped.data(), static_cast<int>(row)))
        return Error{path + ": cannot write the PNG"};
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec)
        return Error{path + ": cannot move the PNG into place (" + ec.message() + ")"};
    return okStatus();
}

} // namespace sw::gl
