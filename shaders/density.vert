#version 330 core
// The density surface: one quad over the grid, texture coordinates 0..1 (row 0 at the top).
layout(location = 0) in vec2 a_pos;
layout(location = 1) in vec2 a_uv;
uniform mat4 u_clip_from_world;
out vec2 v_uv;
void main() {
    gl_Position = u_clip_from_world * vec4(a_pos, 0.0, 1.0);
    v_uv = a_uv;
}
