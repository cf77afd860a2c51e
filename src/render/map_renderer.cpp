// Map drawing.
#include "render/map_renderer.hpp"

#include "render/embedded_shaders.hpp"

#include <algorithm>
#include <cmath>

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

// A buffer of x, y float pairs with attribute 0 only (colour comes from a uniform or from
// glVertexAttrib4f on attribute 1).
GLsizei uploadXy(gl::VertexArray& vao, gl::Buffer& vbo, const std::vector<float>& xy) {
    vao = gl::makeVertexArray();
    vbo = gl::makeBuffer();
    glBindVertexArray(vao.get());
    glBindBuffer(GL_ARRAY_BUFFER, vbo.get());
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(xy.size() * sizeof(float)), xy.data(),
                 GL_STATIC_DRAW);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 2 * sizeof(float), nullptr);
    glBindVertexArray(0);
    return static_cast<GLsizei>(xy.size() / 2);
}

// A grid's quad with its values texture on unit 0 and its lookup (ramp or palette) on unit 1.
void drawGridQuad(GLuint program, const gl::VertexArray& vao, const gl::Texture& values,
                  const char* values_name, const gl::Texture& lookup, const char* lookup_name) {
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, values.get());
    glUniform1i(glGetUniformLocation(program, values_name), 0);
    glActiveTexture(GL_TEXTURE1);
    glBindTexture(GL_TEXTURE_2D, lookup.get());
    glUniform1i(glGetUniformLocation(program, lookup_name), 1);
    glBindVertexArray(vao.get());
    glDrawArrays(GL_TRIANGLES, 0, 6);
    glActiveTexture(GL_TEXTURE0);
}

} // namespace

Status MapRenderer::init() {
    const struct {
        gl::Program* program;
        const char *name, *vert, *frag;
    } programs[] = {
        {&fill_program_, "fill", shaders::kFillVert, shaders::kFillFrag},
        {&point_program_, "points", shaders::kPointsVert, shaders::kPointsFrag},
        {&density_program_, "density", shaders::kDensityVert, shaders::kDensityFrag},
        {&class_program_, "classes", shaders::kDensityVert, shaders::kClassesFrag},
        {&basemap_program_, "basemap", shaders::kDensityVert, shaders::kBasemapFrag},
    };
    for (const auto& p : programs) {
        auto built = gl::buildProgram(p.name, p.vert, p.frag);
        if (!built)
            return built.failure();
        *p.program = std::move(built.value());
    }
    return okStatus();
}

void MapRenderer::updateWardFills(const MapGeometry& g) {
    if (!fill_vbo_ || g.fill_vertices.size() / 6 != static_cast<std::size_t>(fill_count_))
        return;
    glBindBuffer(GL_ARRAY_BUFFER, fill_vbo_.get());
    glBufferSubData(GL_ARRAY_BUFFER, 0,
                    static_cast<GLsizeiptr>(g.fill_vertices.size() * sizeof(float)),
                    g.fill_vertices.data());
    glBindBuffer(GL_ARRAY_BUFFER, 0);
}

void MapRenderer::uploadHotspotOutlines(const std::vector<float>& v) {
    uploadColoured(hotspot_vao_, hotspot_vbo_, v);
    hotspot_count_ = static_cast<GLsizei>(v.size() / 6);
}

void MapRenderer::uploadAnalysis(const MapAnalysis& a) {
    uploadDensity(a.hotspots.density.grid);
    std::vector<MultiPolygon> shapes;
    for (const auto& h : a.hotspots.hotspots)
        shapes.push_back(h.outline.empty() ? h.shape : h.outline);
    uploadHotspotOutlines(outlineVertices(shapes, origin(), {150, 0, 40, 255}));
    if (a.gistar) {
        std::vector<Rgba> palette;
        for (int bin = -3; bin <= 3; ++bin)
            palette.push_back(giBinColour(bin));
        uploadClassGrid(a.gistar->counts, a.gistar->bin, -3, palette);
    }
}

void MapRenderer::setRamp(Ramp ramp) {
    if (ramp_uploaded_ && ramp == ramp_)
        return;
    ramp_ = ramp;
    ramp_uploaded_ = true;
    if (!ramp_tex_) {
        GLuint t = 0;
        glGenTextures(1, &t);
        ramp_tex_ = gl::Texture(t);
    }
    const auto texels = rampTexels(ramp, 256);
    glBindTexture(GL_TEXTURE_2D, ramp_tex_.get());
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, 256, 1, 0, GL_RGBA, GL_UNSIGNED_BYTE, texels.data());
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glBindTexture(GL_TEXTURE_2D, 0);
}

// A float texture of the grid's cells (row 0 at the top), and the quad it covers, relative to
// the origin: x, y, u, v per vertex.
void MapRenderer::uploadGridTexture(const Grid& g, const std::vector<float>& values,
                                    gl::Texture& tex, gl::VertexArray& vao, gl::Buffer& vbo,
                                    bool smooth) {
    if (!tex) {
        GLuint t = 0;
        glGenTextures(1, &t);
        tex = gl::Texture(t);
    }
    const GLint filter = smooth ? GL_LINEAR : GL_NEAREST;
    glBindTexture(GL_TEXTURE_2D, tex.get());
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R32F, static_cast<GLsizei>(g.cols),
                 static_cast<GLsizei>(g.rows), 0, GL_RED, GL_FLOAT, values.data());
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, filter);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, filter);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glBindTexture(GL_TEXTURE_2D, 0);
    const double x1 = g.xmin + static_cast<double>(g.cols) * g.cell;
    const double y0 = g.ymax - static_cast<double>(g.rows) * g.cell;
    uploadQuad(g.xmin, y0, x1, g.ymax, vao, vbo);
}

// A textured quad over a box of the working CRS, relative to the origin: x, y, u, v per vertex
// (texture row 0 at the top).
void MapRenderer::uploadQuad(double wx0, double wy0, double wx1, double wy1, gl::VertexArray& vao,
                             gl::Buffer& vbo) const {
    const float x0 = static_cast<float>(wx0 - origin_.x());
    const float y0 = static_cast<float>(wy0 - origin_.y());
    const float x1 = static_cast<float>(wx1 - origin_.x());
    const float y1 = static_cast<float>(wy1 - origin_.y());
    const float quad[] = {x0, y0, 0, 1, x1, y0, 1, 1, x1, y1, 1, 0,
                          x0, y0, 0, 1, x1, y1, 1, 0, x0, y1, 0, 0};
    if (!vao)
        vao = gl::makeVertexArray();
    if (!vbo)
        vbo = gl::makeBuffer();
    glBindVertexArray(vao.get());
    glBindBuffer(GL_ARRAY_BUFFER, vbo.get());
    glBufferData(GL_ARRAY_BUFFER, sizeof quad, quad, GL_STATIC_DRAW);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 4 * sizeof(float), nullptr);
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, 4 * sizeof(float),
                          reinterpret_cast<const void*>(2 * sizeof(float)));
    glBindVertexArray(0);
}

void MapRenderer::uploadBasemap(const BasemapImage& img) {
    have_basemap_ = !img.empty() && img.rgba.size() == static_cast<std::size_t>(img.width) *
                                                           static_cast<std::size_t>(img.height) * 4;
    if (!have_basemap_)
        return;
    if (!basemap_tex_) {
        GLuint t = 0;
        glGenTextures(1, &t);
        basemap_tex_ = gl::Texture(t);
    }
    glBindTexture(GL_TEXTURE_2D, basemap_tex_.get());
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, img.width, img.height, 0, GL_RGBA, GL_UNSIGNED_BYTE,
                 img.rgba.data());
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glBindTexture(GL_TEXTURE_2D, 0);
    uploadQuad(img.xmin, img.ymin, img.xmax, img.ymax, basemap_vao_, basemap_vbo_);
}

void MapRenderer::drawBasemap(const std::array<float, 16>& m, const BasemapLook& look) const {
    if (!have_basemap_)
        return;
    const GLuint p = basemap_program_.get();
    glUseProgram(p);
    glUniformMatrix4fv(glGetUniformLocation(p, "u_clip_from_world"), 1, GL_FALSE, m.data());
    glUniform1f(glGetUniformLocation(p, "u_opacity"), look.opacity);
    glUniform1i(glGetUniformLocation(p, "u_grey"), look.greyscale ? 1 : 0);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, basemap_tex_.get());
    glUniform1i(glGetUniformLocation(p, "u_image"), 0);
    glBindVertexArray(basemap_vao_.get());
    glDrawArrays(GL_TRIANGLES, 0, 6);
}

void MapRenderer::uploadDensity(const Grid& g) {
    have_density_ = g.rows > 0 && g.cols > 0 && g.values.size() == g.rows * g.cols;
    if (!have_density_)
        return;
    std::vector<float> values(g.values.size());
    for (std::size_t i = 0; i < values.size(); ++i)
        values[i] = std::isnan(g.values[i]) ? 0.0f : static_cast<float>(g.values[i]);
    uploadGridTexture(g, values, density_tex_, density_vao_, density_vbo_, true);
}

void MapRenderer::uploadClassGrid(const Grid& g, const std::vector<std::int8_t>& classes,
                                  int first_class, const std::vector<Rgba>& palette) {
    class_count_ = static_cast<int>(palette.size());
    have_classes_ =
        g.rows > 0 && g.cols > 0 && classes.size() == g.rows * g.cols && !palette.empty();
    if (!have_classes_)
        return;
    std::vector<float> values(classes.size());
    for (std::size_t i = 0; i < values.size(); ++i)
        values[i] = static_cast<float>(classes[i] - first_class);
    uploadGridTexture(g, values, class_tex_, class_vao_, class_vbo_, false);
    if (!palette_tex_) {
        GLuint t = 0;
        glGenTextures(1, &t);
        palette_tex_ = gl::Texture(t);
    }
    std::vector<std::uint8_t> texels;
    for (const auto& c : palette)
        texels.insert(texels.end(), {c.r, c.g, c.b, c.a});
    glBindTexture(GL_TEXTURE_2D, palette_tex_.get());
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, class_count_, 1, 0, GL_RGBA, GL_UNSIGNED_BYTE,
                 texels.data());
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glBindTexture(GL_TEXTURE_2D, 0);
}

void MapRenderer::drawClasses(const std::array<float, 16>& m, float opacity) const {
    if (!have_classes_)
        return;
    const GLuint p = class_program_.get();
    glUseProgram(p);
    glUniformMatrix4fv(glGetUniformLocation(p, "u_clip_from_world"), 1, GL_FALSE, m.data());
    glUniform1f(glGetUniformLocation(p, "u_count"), static_cast<float>(class_count_));
    glUniform1f(glGetUniformLocation(p, "u_opacity"), opacity);
    drawGridQuad(p, class_vao_, class_tex_, "u_classes", palette_tex_, "u_palette");
}

void MapRenderer::drawDensity(const std::array<float, 16>& m, const DensityStyle& s) const {
    if (!have_density_ || !s.visible || !ramp_tex_)
        return;
    const GLuint p = density_program_.get();
    glUseProgram(p);
    glUniformMatrix4fv(glGetUniformLocation(p, "u_clip_from_world"), 1, GL_FALSE, m.data());
    glUniform1f(glGetUniformLocation(p, "u_min"), s.min);
    glUniform1f(glGetUniformLocation(p, "u_max"), s.max);
    glUniform1f(glGetUniformLocation(p, "u_floor"), s.floor);
    glUniform1f(glGetUniformLocation(p, "u_opacity"), s.opacity);
    drawGridQuad(p, density_vao_, density_tex_, "u_values", ramp_tex_, "u_ramp");
}

void MapRenderer::upload(const MapGeometry& g) {
    origin_ = g.origin;
    uploadColoured(fill_vao_, fill_vbo_, g.fill_vertices);
    fill_count_ = static_cast<GLsizei>(g.fill_vertices.size() / 6);
    uploadColoured(outline_vao_, outline_vbo_, g.outline_vertices);
    outline_count_ = static_cast<GLsizei>(g.outline_vertices.size() / 6);
    uploadLayerPoints(g);
}

void MapRenderer::uploadLayerPoints(const MapGeometry& g) {
    layers_.clear();
    for (const auto& pts : g.layer_points) {
        LayerBuffer lb;
        lb.count = uploadXy(lb.vao, lb.vbo, pts);
        layers_.push_back(std::move(lb));
    }
}

void MapRenderer::uploadContext(const std::vector<ContextLayer>& layers) {
    context_.clear();
    for (const auto& l : layers) {
        const ContextVertices v = contextVertices(l, origin_);
        ContextBuffer b;
        b.line_count = uploadXy(b.line_vao, b.line_vbo, v.segments);
        b.point_count = uploadXy(b.point_vao, b.point_vbo, v.points);
        context_.push_back(std::move(b));
    }
}

// Context lines (fill program, colour from the constant attribute 1) or point markers (point
// program, square sprites).
void MapRenderer::drawContext(const MapDrawOptions& options, bool markers) const {
    for (std::size_t i = 0; i < context_.size() && i < options.context.size(); ++i) {
        const ContextDrawStyle& s = options.context[i];
        const ContextBuffer& b = context_[i];
        if (!s.visible)
            continue;
        const float r = s.colour.r / 255.0f, g = s.colour.g / 255.0f, bl = s.colour.b / 255.0f;
        if (!markers && b.line_count > 0) {
            glVertexAttrib4f(1, r, g, bl, 0.9f);
            glBindVertexArray(b.line_vao.get());
            glDrawArrays(GL_LINES, 0, b.line_count);
        } else if (markers && b.point_count > 0) {
            const GLuint p = point_program_.get();
            glUniform1f(glGetUniformLocation(p, "u_size_px"), s.size_px);
            glUniform4f(glGetUniformLocation(p, "u_colour"), r, g, bl, 1.0f);
            glBindVertexArray(b.point_vao.get());
            glDrawArrays(GL_POINTS, 0, b.point_count);
        }
    }
}

void MapRenderer::draw(const MapCamera& camera, const std::vector<LayerDrawStyle>& styles,
                       const MapDrawOptions& options) const {
    const float ward_fill_opacity = options.ward_fill_opacity;
    const auto m = camera.clipFromWorld(origin_);
    glEnable(GL_BLEND);
    glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
    if (options.basemap_visible)
        drawBasemap(m, options.basemap);
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
    drawDensity(m, options.density);
    if (options.classes_visible)
        drawClasses(m, options.classes_opacity);
    glUseProgram(fill_program_.get());
    drawContext(options, false);
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
        glBindVertexArray(layers_[i].vao.get());
        glBindBuffer(GL_ARRAY_BUFFER, layers_[i].vbo.get());
        // Outside the study area first and dimmed, so points inside are drawn over them.
        const float alpha[] = {s.opacity * s.outside_opacity, s.opacity};
        const PointRange ranges[] = {s.outside, s.range};
        for (int part = 0; part < 2; ++part) {
            const auto total = static_cast<std::size_t>(layers_[i].count);
            const std::size_t first = std::min(ranges[part].first, total);
            const std::size_t count = std::min(ranges[part].count, total - first);
            if (count == 0 || alpha[part] <= 0)
                continue;
            glUniform4f(colour_loc, s.colour.r / 255.0f, s.colour.g / 255.0f, s.colour.b / 255.0f,
                        alpha[part]);
            // Every stride-th point from `first`: the attribute's stride and offset pick them,
            // so there is still no CPU work per point.
            const std::size_t stride = std::max<std::size_t>(1, s.stride);
            glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE,
                                  static_cast<GLsizei>(stride * 2 * sizeof(float)),
                                  reinterpret_cast<const void*>(first * 2 * sizeof(float)));
            glDrawArrays(GL_POINTS, 0, static_cast<GLsizei>((count + stride - 1) / stride));
        }
    }
    glUniform1i(glGetUniformLocation(point_program_.get(), "u_square"), 1);
    drawContext(options, true);
    glUniform1i(glGetUniformLocation(point_program_.get(), "u_square"), 0);
    // Outlines over the points, so ward edges and hotspots stay visible in dense areas.
    glUseProgram(fill_program_.get());
    if (options.hotspots_visible && hotspot_count_ > 0) {
        glBindVertexArray(hotspot_vao_.get());
        glDrawArrays(GL_LINES, 0, hotspot_count_);
    }
    if (outline_count_ > 0) {
        glBindVertexArray(outline_vao_.get());
        glDrawArrays(GL_LINES, 0, outline_count_);
    }
    glBindVertexArray(0);
    glUseProgram(0);
}

} // namespace sw
