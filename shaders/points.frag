#version 330 core
// A disc with a darker rim so overlapping layers stay readable.
uniform vec4 u_colour;
out vec4 frag_colour;
void main() {
    vec2 p = gl_PointCoord * 2.0 - 1.0;
    float r = length(p);
    if (r > 1.0) discard;
    float rim = smoothstep(0.65, 0.85, r);
    vec3 rgb = mix(u_colour.rgb, u_colour.rgb * 0.45, rim);
    float alpha = u_colour.a * (1.0 - smoothstep(0.9, 1.0, r));
    frag_colour = vec4(rgb, alpha);
}
