// OpenGL 3.3 core declarations (linked directly against libGL; no loader library needed
// on Linux, where libglvnd exports every core entry point).
#pragma once

#ifndef GL_GLEXT_PROTOTYPES
#define GL_GLEXT_PROTOTYPES 1
#endif
#include <GL/gl.h>
#include <GL/glext.h>
