#version 330 core
// A classed grid (e.g. Gi* hot and cold spots): each cell holds a class index, looked up in a
// palette texture (nearest); classes whose palette alpha is 0 are not drawn.
uniform sampler2D u_classes;
uniform sampler2D u_palette;
uniform float u_count;
uniform float u_opacity;
in vec2 v_uv;
out vec4 frag_colour;
void main() {
    float k = texture(u_classes, v_uv).r;
    vec4 c = texture(u_palette, vec2((k + 0.5) / u_count, 0.5));
    if (c.a < 0.01) discard;
    frag_colour = vec4(c.rgb, u_opacity);
}
