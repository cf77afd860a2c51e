#version 330 core
// The basemap picture (RGBA, warped to the working CRS) under the wards: grey by Rec. 709 luma
// when asked, its alpha times the opacity, so the crime layers over it stay readable.
uniform sampler2D u_image;
uniform float u_opacity;
uniform int u_grey;
in vec2 v_uv;
out vec4 frag_colour;
void main() {
    vec4 c = texture(u_image, v_uv);
    if (c.a < 0.004) discard;
    vec3 rgb = c.rgb;
    if (u_grey != 0) rgb = vec3(dot(rgb, vec3(0.2126, 0.7152, 0.0722)));
    frag_colour = vec4(rgb, c.a * u_opacity);
}
