#version 330 core
// A disc with a darker rim so overlapping layers stay readable; context markers (u_square) are
// squares with a white rim, so they do not read as incidents.
uniform vec4 u_colour;
uniform int u_square;
out vec4 frag_colour;
void main() {
    vec2 p = gl_PointCoord * 2.0 - 1.0;
    if (u_square == 1) {
        float d = max(abs(p.x), abs(p.y));
        frag_colour = vec4(d > 0.6 ? vec3(1.0) : u_colour.rgb, u_colour.a);
        return;
    }
    float r = length(p);
    if (r > 1.0) discard;
    float rim = smoothstep(0.65, 0.85, r);
    vec3 rgb = mix(u_colour.rgb, u_colour.rgb * 0.45, rim);
    float alpha = u_colour.a * (1.0 - smoothstep(0.9, 1.0, r));
    frag_colour = vec4(rgb, alpha);
}
