// The GUI: GLFW window, OpenGL 3.3 core context, ImGui set-up and the frame loop; the map
// application (app/map_app.hpp) does one frame at a time. With --screenshot the window is
// hidden and frames render offscreen.
#include "app/gui_app.hpp"

#include "app/key_latch.hpp"
#include "app/map_app.hpp"
#include "cli/cli_args.hpp"
#include "render/gl_api.hpp"
#include "ui/settings_file.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <iostream>
#include <string>

namespace sw::app {
namespace {

std::string g_glfw_error;

void onGlfwError(int code, const char* message) {
    g_glfw_error = std::string(message) + " (GLFW error " + std::to_string(code) + ")";
}

GLFWwindow* openWindow(const cli::GuiOptions& o, bool offscreen) {
    glfwSetErrorCallback(onGlfwError);
    if (!glfwInit()) {
        std::cerr << "streetweek gui: cannot open a display: " << g_glfw_error
                  << ". Set DISPLAY, or run under Xvfb: xvfb-run -a streetweek gui ...\n";
        return nullptr;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    if (offscreen)
        glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);
    GLFWwindow* window = glfwCreateWindow(o.width, o.height, "streetweek", nullptr, nullptr);
    if (!window) {
        std::cerr
            << "streetweek gui: could not create an OpenGL 3.3 core context (" << g_glfw_error
            << "). Without a suitable GPU driver, use Mesa's software renderer "
               "(LIBGL_ALWAYS_SOFTWARE=1) or run under Xvfb: xvfb-run -a streetweek gui ...\n";
        glfwTerminate();
        return nullptr;
    }
    glfwMakeContextCurrent(window);
    glfwSwapInterval(offscreen ? 0 : 1);
    return window;
}

} // namespace

int runGui(const cli::GuiOptions& o) {
    const bool offscreen = !o.screenshot.empty();
    GLFWwindow* window = openWindow(o, offscreen);
    if (!window)
        return cli::kExitFailure;

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    // Window layout and settings persist in the user's config folder (not for screenshots).
    const std::string settings_dir = offscreen ? std::string() : ui::settingsDir();
    const std::string ini_path = settings_dir.empty() ? "" : settings_dir + "/layout.ini";
    io.IniFilename = ini_path.empty() ? nullptr : ini_path.c_str();
    ImGui::StyleColorsLight();
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init("#version 330 core");

    int exit_code = cli::kExitOk;
    {
        KeyLatch keys(window);
        MapApp app(o, window, settings_dir.empty() ? "" : settings_dir + "/settings.ini");
        if (app.start())
            while (!app.done() && !glfwWindowShouldClose(window)) {
                keys.releaseLatched();
                glfwPollEvents();
                app.frame(glfwGetTime());
            }
        exit_code = app.exitCode();
    }
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window);
    glfwTerminate();
    return exit_code;
}

} // namespace sw::app
