#version 330 core
// Incident points of one layer, drawn as round sprites of a fixed pixel size.
layout(location = 0) in vec2 a_pos;
uniform mat4 u_clip_from_world;
uniform float u_size_px;
void main() {
    gl_Position = u_clip_from_world * vec4(a_pos, 0.0, 1.0);
    gl_PointSize = u_size_px;
}
