// RAII owners of OpenGL objects (buffers, vertex arrays, programs, framebuffers).
#pragma once

#include "core/result.hpp"
#include "render/gl_api.hpp"

#include <string>
#include <utility>

namespace sw::gl {

template <void (*Delete)(GLuint)> class Handle {
  public:
    Handle() = default;
    explicit Handle(GLuint id) : id_(id) {}
    ~Handle() { reset(); }
    Handle(Handle&& o) noexcept : id_(std::exchange(o.id_, 0)) {}
    Handle& operator=(Handle&& o) noexcept {
        if (this != &o) {
            reset();
            id_ = std::exchange(o.id_, 0);
        }
        return *this;
    }
    Handle(const Handle&) = delete;
    Handle& operator=(const Handle&) = delete;
    GLuint get() const { return id_; }
    explicit operator bool() const { return id_ != 0; }
    void reset() {
        if (id_)
            Delete(id_);
        id_ = 0;
    }

  private:
    GLuint id_ = 0;
};

void deleteBuffer(GLuint id);
void deleteVertexArray(GLuint id);
void deleteProgram(GLuint id);
void deleteFramebuffer(GLuint id);
void deleteTexture(GLuint id);

using Buffer = Handle<deleteBuffer>;
using VertexArray = Handle<deleteVertexArray>;
using Program = Handle<deleteProgram>;
using Framebuffer = Handle<deleteFramebuffer>;
using Texture = Handle<deleteTexture>;

Buffer makeBuffer();
VertexArray makeVertexArray();

// Compiles and links; the error names the shader and quotes the driver's log.
Result<Program> buildProgram(const char* name, const char* vertex_src, const char* fragment_src);

// An offscreen RGBA8 render target (for screenshots).
struct RenderTarget {
    Framebuffer fbo;
    Texture colour;
    int width = 0, height = 0;
};
Result<RenderTarget> makeRenderTarget(int width, int height);

} // namespace sw::gl
