// Map drawing.
#include "render/map_renderer.hpp"

#include "render/embedded_shaders.hpp"

#include <algorithm>

namespace sw {
namespace {

void colourVertexLayout() {
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 6 * sizeof(float), nullptr);
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 4, GL_FLOAT, GL_FALSE, 6 * sizeof(float),
                          reinterpret_cast<const void*>(2 * sizeof(float)));
}

void uploadColoured(gl::VertexArray& vao, gl::Buffer& vbo, const std::vector<float>& data) {
    if (!vao)
        vao = gl::makeVertexArray();
    if (!vbo)
        vbo = gl::makeBuffer();
    glBindVertexArray(vao.get());
    glBindBuffer(GL_ARRAY_BUFFER, vbo.get());
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(data.size() * sizeof(float)), data.data(),
                 GL_STATIC_DRAW);
    colourVertexLayout();
    glBindVertexArray(0);
}

} // namespace

Status MapRenderer::init() {
    auto fill = gl::buildProgram("fill", shaders::kFillVert, shaders::kFillFrag);
    if (!fill)
        return Error{fill.error()};
    fill_program_ = std::move(fill.value());
    auto pts = gl::buildProgram("points", shaders::kPointsVert, shaders::kPointsFrag);
    if (!pts)
        return Error{pts.error()};
    point_program_ = std::move(pts.value());
    return okStatus();
}

void MapRenderer::upload(const MapGeometry& g) {
    origin_ = g.origin;
    uploadColoured(fill_vao_, fill_vbo_, g.fill_vertices);
    fill_count_ = static_cast<GLsizei>(g.fill_vertices.size() / 6);
    uploadColoured(outline_vao_, outline_vbo_, g.outline_vertices);
    outline_count_ = static_cast<GLsizei>(g.outline_vertices.size() / 6);
    layers_.clear();
    for (const auto& pts : g.layer_points) {
        LayerBuffer lb;
        lb.vao = gl::makeVertexArray();
        lb.vbo = gl::makeBuffer();
        glBindVertexArray(lb.vao.get());
        glBindBuffer(GL_ARRAY_BUFFER, lb.vbo.get());
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(pts.size() * sizeof(float)),
                     pts.data(), GL_STATIC_DRAW);
        glEnableVertexAttribArray(0);
        glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 2 * sizeof(float), nullptr);
        glBindVertexArray(0);
        lb.count = static_cast<GLsizei>(pts.size() / 2);
        layers_.push_back(std::move(lb));
    }
}

void MapRenderer::draw(const MapCamera& camera, const std::vector<LayerDrawStyle>& styles,
                       float ward_fill_opacity) const {
    const auto m = camera.clipFromWorld(origin_);
    glEnable(GL_BLEND);
    glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
    glUseProgram(fill_program_.get());
    glUniformMatrix4fv(glGetUniformLocation(fill_program_.get(), "u_clip_from_world"), 1, GL_FALSE,
                       m.data());
    if (fill_count_ > 0 && ward_fill_opacity > 0) {
        glBlendColor(0, 0, 0, ward_fill_opacity);
        glBlendFunc(GL_CONSTANT_ALPHA, GL_ONE_MINUS_CONSTANT_ALPHA);
        glBindVertexArray(fill_vao_.get());
        glDrawArrays(GL_TRIANGLES, 0, fill_count_);
        glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
    }
    glUseProgram(point_program_.get());
    glEnable(GL_PROGRAM_POINT_SIZE);
    glUniformMatrix4fv(glGetUniformLocation(point_program_.get(), "u_clip_from_world"), 1, GL_FALSE,
                       m.data());
    const GLint size_loc = glGetUniformLocation(point_program_.get(), "u_size_px");
    const GLint colour_loc = glGetUniformLocation(point_program_.get(), "u_colour");
    // Largest layers first, so rare ones (weapons) stay visible on top.
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < layers_.size() && i < styles.size(); ++i)
        order.push_back(i);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return layers_[a].count > layers_[b].count;
    });
    for (std::size_t i : order) {
        const auto& s = styles[i];
        if (!s.visible || layers_[i].count == 0)
            continue;
        glUniform1f(size_loc, s.size_px);
        glUniform4f(colour_loc, s.colour.r / 255.0f, s.colour.g / 255.0f, s.colour.b / 255.0f,
                    s.opacity);
        glBindVertexArray(layers_[i].vao.get());
        glDrawArrays(GL_POINTS, 0, layers_[i].count);
    }
    // Outlines over the points, so ward edges stay visible in dense areas.
    glUseProgram(fill_program_.get());
    if (outline_count_ > 0) {
        glBindVertexArray(outline_vao_.get());
        glDrawArrays(GL_LINES, 0, outline_count_);
    }
    glBindVertexArray(0);
    glUseProgram(0);
}

} // namespace sw
