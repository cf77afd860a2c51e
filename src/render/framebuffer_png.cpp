// PNG capture of the bound framebuffer.
#include "render/framebuffer_png.hpp"

#include "core/atomic_file.hpp"
#include "render/gl_api.hpp"

#include <stb/stb_image_write.h>

#include <algorithm>
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
    TemporaryFile tmp(path);
    if (!stbi_write_png(tmp.path().c_str(), w, h, 4, flipped.data(), static_cast<int>(row)))
        return Error{path + ": cannot write the PNG"};
    return tmp.commit();
}

} // namespace sw::gl
