// Draws the map with OpenGL: ward fills (triangles) and outlines, the density surface as a
// float texture coloured in a shader, hotspot outlines, and incident points from one GPU
// buffer per layer (sorted by month, so a period is one draw range). No per-frame CPU work
// per point.
#pragma once

#include "core/colour_ramps.hpp"
#include "core/geometry.hpp"
#include "core/kde.hpp"
#include "core/layer_rules.hpp"
#include "core/result.hpp"
#include "render/draw_styles.hpp"
#include "render/gl_objects.hpp"
#include "render/map_camera.hpp"
#include "render/map_geometry.hpp"
#include "session/live_analysis.hpp"

#include <vector>

namespace sw {

class MapRenderer {
  public:
    Status init();
    void upload(const MapGeometry& geometry);
    // Replaces the context layers' buffers (lines and point markers).
    void uploadContext(const std::vector<ContextLayer>& layers);
    // Replaces the incident points (after a layer rule changed).
    void uploadLayerPoints(const MapGeometry& geometry);
    // Replaces the ward fill colours (same triangles) after recolourWardFills.
    void updateWardFills(const MapGeometry& geometry);
    // The density surface (values as float texture) and the hotspot outline segments
    // (x, y, r, g, b, a per vertex, relative to the geometry's origin).
    void uploadDensity(const Grid& grid);
    void uploadHotspotOutlines(const std::vector<float>& vertices);
    // A classed grid (e.g. Gi_Bin -3..3 with first_class -3): palette[k] colours class
    // first_class + k; a palette alpha of 0 leaves that class undrawn.
    void uploadClassGrid(const Grid& shape, const std::vector<std::int8_t>& classes,
                         int first_class, const std::vector<Rgba>& palette);
    // A live analysis' layers: the density surface, the hotspot outlines and, when computed,
    // the Gi* classes.
    void uploadAnalysis(const MapAnalysis& analysis);
    // The basemap picture (RGBA over a box of the working CRS), drawn first; an empty image
    // removes it.
    void uploadBasemap(const BasemapImage& image);
    void setRamp(Ramp ramp);
    void draw(const MapCamera& camera, const std::vector<LayerDrawStyle>& layers,
              const MapDrawOptions& options) const;
    bool hasData() const { return fill_count_ > 0 || !layers_.empty(); }
    const Point& origin() const { return origin_; }

  private:
    struct LayerBuffer {
        gl::VertexArray vao;
        gl::Buffer vbo;
        GLsizei count = 0;
    };
    void drawDensity(const std::array<float, 16>& m, const DensityStyle& s) const;
    void drawClasses(const std::array<float, 16>& m, float opacity) const;
    void drawBasemap(const std::array<float, 16>& m, const BasemapLook& look) const;
    void uploadGridTexture(const Grid& g, const std::vector<float>& values, gl::Texture& tex,
                           gl::VertexArray& vao, gl::Buffer& vbo, bool smooth);
    void uploadQuad(double x0, double y0, double x1, double y1, gl::VertexArray& vao,
                    gl::Buffer& vbo) const;
    gl::Program fill_program_, point_program_, density_program_, class_program_, basemap_program_;
    gl::VertexArray fill_vao_, outline_vao_, hotspot_vao_, density_vao_, class_vao_, basemap_vao_;
    gl::Buffer fill_vbo_, outline_vbo_, hotspot_vbo_, density_vbo_, class_vbo_, basemap_vbo_;
    gl::Texture density_tex_, ramp_tex_, class_tex_, palette_tex_, basemap_tex_;
    bool have_basemap_ = false;
    bool have_classes_ = false;
    int class_count_ = 0;
    GLsizei fill_count_ = 0, outline_count_ = 0, hotspot_count_ = 0;
    bool have_density_ = false;
    Ramp ramp_ = Ramp::YlOrRd;
    bool ramp_uploaded_ = false;
    std::vector<LayerBuffer> layers_;
    struct ContextBuffer {
        gl::VertexArray line_vao, point_vao;
        gl::Buffer line_vbo, point_vbo;
        GLsizei line_count = 0, point_count = 0;
    };
    std::vector<ContextBuffer> context_;
    void drawContext(const MapDrawOptions& options, bool markers) const;
    Point origin_{0, 0};
};

} // namespace sw
