// Draws the map with OpenGL: ward fills (triangles) and outlines, and incident points from
// one GPU buffer per layer. No per-frame CPU work per point.
#pragma once

#include "core/geometry.hpp"
#include "core/layer_rules.hpp"
#include "core/result.hpp"
#include "render/gl_objects.hpp"
#include "render/map_camera.hpp"
#include "render/map_geometry.hpp"

#include <vector>

namespace sw {

struct LayerDrawStyle {
    Rgba colour;
    float size_px = 4.0f;
    float opacity = 0.85f;
    bool visible = true;
};

class MapRenderer {
  public:
    Status init();
    void upload(const MapGeometry& geometry);
    void draw(const MapCamera& camera, const std::vector<LayerDrawStyle>& layers,
              float ward_fill_opacity) const;
    bool hasData() const { return fill_count_ > 0 || !layers_.empty(); }

  private:
    struct LayerBuffer {
        gl::VertexArray vao;
        gl::Buffer vbo;
        GLsizei count = 0;
    };
    gl::Program fill_program_, point_program_;
    gl::VertexArray fill_vao_, outline_vao_;
    gl::Buffer fill_vbo_, outline_vbo_;
    GLsizei fill_count_ = 0, outline_count_ = 0;
    std::vector<LayerBuffer> layers_;
    Point origin_{0, 0};
};

} // namespace sw
