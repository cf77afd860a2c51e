// OpenGL object creation and shader compilation.
#include "render/gl_objects.hpp"

#include <vector>

namespace sw::gl {

void deleteBuffer(GLuint id) {
    glDeleteBuffers(1, &id);
}
void deleteVertexArray(GLuint id) {
    glDeleteVertexArrays(1, &id);
}
void deleteProgram(GLuint id) {
    glDeleteProgram(id);
}
void deleteFramebuffer(GLuint id) {
    glDeleteFramebuffers(1, &id);
}
void deleteTexture(GLuint id) {
    glDeleteTextures(1, &id);
}

Buffer makeBuffer() {
    GLuint id = 0;
    glGenBuffers(1, &id);
    return Buffer(id);
}

VertexArray makeVertexArray() {
    GLuint id = 0;
    glGenVertexArrays(1, &id);
    return VertexArray(id);
}

namespace {

Result<GLuint> compile(const char* name, GLenum type, const char* src) {
    GLuint s = glCreateShader(type);
    glShaderSource(s, 1, &src, nullptr);
    glCompileShader(s);
    GLint ok = 0;
    glGetShaderiv(s, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        GLint len = 0;
        glGetShaderiv(s, GL_INFO_LOG_LENGTH, &len);
        std::vector<char> log(static_cast<std::size_t>(len) + 1);
        glGetShaderInfoLog(s, len, nullptr, log.data());
        glDeleteShader(s);
        return Error{std::string("shader '") + name + "' (" +
                     (type == GL_VERTEX_SHADER ? "vertex" : "fragment") +
                     ") does not compile: " + log.data()};
    }
    return s;
}

} // namespace

Result<Program> buildProgram(const char* name, const char* vs, const char* fs) {
    auto v = compile(name, GL_VERTEX_SHADER, vs);
    if (!v)
        return v.failure();
    auto f = compile(name, GL_FRAGMENT_SHADER, fs);
    if (!f) {
        glDeleteShader(v.value());
        return f.failure();
    }
    Program p(glCreateProgram());
    glAttachShader(p.get(), v.value());
    glAttachShader(p.get(), f.value());
    glLinkProgram(p.get());
    glDeleteShader(v.value());
    glDeleteShader(f.value());
    GLint ok = 0;
    glGetProgramiv(p.get(), GL_LINK_STATUS, &ok);
    if (!ok) {
        char log[1024] = {0};
        glGetProgramInfoLog(p.get(), sizeof log, nullptr, log);
        return Error{std::string("shader program '") + name + "' does not link: " + log};
    }
    return p;
}

Result<RenderTarget> makeRenderTarget(int width, int height) {
    RenderTarget t;
    t.width = width;
    t.height = height;
    GLuint tex = 0, fbo = 0;
    glGenTextures(1, &tex);
    t.colour = Texture(tex);
    glBindTexture(GL_TEXTURE_2D, tex);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glGenFramebuffers(1, &fbo);
    t.fbo = Framebuffer(fbo);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, tex, 0);
    const GLenum status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    if (status != GL_FRAMEBUFFER_COMPLETE)
        return Error{"the offscreen framebuffer is incomplete"};
    return t;
}

} // namespace sw::gl
