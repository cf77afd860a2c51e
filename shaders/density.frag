#version 330 core
// Colours the float density texture through a ramp lookup texture: transparent at or below
// the floor, the ramp stretched over [u_min, u_max].
uniform sampler2D u_values;
uniform sampler2D u_ramp;
uniform float u_min;
uniform float u_max;
uniform float u_floor;
uniform float u_opacity;
in vec2 v_uv;
out vec4 frag_colour;
void main() {
    float v = texture(u_values, v_uv).r;
    if (!(v > u_floor)) discard;
    float t = clamp((v - u_min) / max(u_max - u_min, 1e-30), 0.0, 1.0);
    vec3 c = texture(u_ramp, vec2(t * (255.0 / 256.0) + 0.5 / 256.0, 0.5)).rgb;
    frag_colour = vec4(c, u_opacity);
}
