#version 330 core
// Ward fills and outlines: per-vertex colour, positions in metres relative to an origin.
layout(location = 0) in vec2 a_pos;
layout(location = 1) in vec4 a_colour;
uniform mat4 u_clip_from_world;
out vec4 v_colour;
void main() {
    gl_Position = u_clip_from_world * vec4(a_pos, 0.0, 1.0);
    v_colour = a_colour;
}
