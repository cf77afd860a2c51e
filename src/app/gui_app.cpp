// The GUI: GLFW window, OpenGL 3.3 core context, ImGui set-up, the frame loop, background
// loading, and offscreen screenshots (`streetweek gui --screenshot out.png`).
#include "cli/cli_args.hpp"
#include "cli/commands.hpp"
#include "geo/crs_transform.hpp"
#include "render/gl_api.hpp"
#include "render/map_geometry.hpp"
#include "render/map_renderer.hpp"
#include "session/background_job.hpp"
#include "session/session.hpp"
#include "ui/layers_panel.hpp"
#include "ui/load_report_panel.hpp"
#include "ui/map_view.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>
#include <stb/stb_image_write.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <thread>
#include <unistd.h>

namespace sw::cli {
namespace {

std::string g_glfw_error;

void onGlfwError(int code, const char* message) {
    g_glfw_error = std::string(message) + " (GLFW error " + std::to_string(code) + ")";
}

// Loaded data plus the map geometry built from it, handed to the UI thread in one piece.
struct LoadedScene {
    LoadedData data;
    MapGeometry geometry;
};

Status writePng(const std::string& path, int w, int h) {
    std::vector<unsigned char> pixels(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) *
                                      4);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    // OpenGL rows run bottom-up; PNG rows top-down.
    std::vector<unsigned char> flipped(pixels.size());
    const std::size_t row = static_cast<std::size_t>(w) * 4;
    for (int y = 0; y < h; ++y)
        std::copy_n(
            pixels.begin() + static_cast<std::ptrdiff_t>(static_cast<std::size_t>(h - 1 - y) * row),
            row, flipped.begin() + static_cast<std::ptrdiff_t>(static_cast<std::size_t>(y) * row));
    for (std::size_t i = 3; i < flipped.size(); i += 4)
        flipped[i] = 255; // opaque image
    const std::string tmp = path + ".tmp-" + std::to_string(::getpid()) + ".png";
    if (!stbi_write_png(tmp.c_str(), w, h, 4, flipped.data(), static_cast<int>(row)))
        return Error{path + ": cannot write the PNG"};
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec)
        return Error{path + ": cannot move the PNG into place (" + ec.message() + ")"};
    return okStatus();
}

std::string windowTitle(const Session& s) {
    if (!s.loaded())
        return "streetweek";
    if (s.synthetic())
        return "streetweek - SYNTHETIC SAMPLE DATA (not real crime data)";
    return "streetweek - " + std::filesystem::path(s.wards().source_path).filename().string();
}

} // namespace

int runGui(const GuiOptions& o) {
    const bool offscreen = !o.screenshot.empty();
    glfwSetErrorCallback(onGlfwError);
    if (!glfwInit()) {
        std::cerr << "streetweek gui: cannot open a display: " << g_glfw_error
                  << ". Set DISPLAY, or run under Xvfb: xvfb-run -a streetweek gui ...\n";
        return kExitFailure;
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
        return kExitFailure;
    }
    glfwMakeContextCurrent(window);
    glfwSwapInterval(offscreen ? 0 : 1);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = offscreen ? nullptr : "streetweek_layout.ini";
    ImGui::StyleColorsLight();
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init("#version 330 core");

    int exit_code = kExitOk;
    {
        MapRenderer renderer;
        if (auto st = renderer.init(); !st) {
            std::cerr << "streetweek gui: " << st.error() << "\n";
            exit_code = kExitFailure;
        }
        Session session;
        if (!o.visible_layers.empty())
            for (auto& l : session.layers()) {
                l.visible = false;
                for (const auto& name : o.visible_layers)
                    if (equalsIgnoreCase(l.name, name) || equalsIgnoreCase(l.key, name))
                        l.visible = true;
            }
        ui::MapViewState view;
        MapGeometry geometry;
        std::vector<LayerDrawStyle> styles;
        std::optional<geo::CrsTransform> to_lonlat;
        std::string last_error;

        BackgroundJob<LoadedScene> job;
        const LoadRequest request = o.request;
        const std::vector<LayerRule> layers = session.layers();
        job.start([request, layers](Progress& progress) -> Result<LoadedScene> {
            auto data = loadData(request, &progress);
            if (!data)
                return Error{data.error()};
            LoadedScene scene;
            scene.geometry = buildMapGeometry(data.value().wards, data.value().incidents, layers);
            scene.data = std::move(data.value());
            return scene;
        });

        std::optional<gl::RenderTarget> target;
        if (offscreen && exit_code == kExitOk) {
            int fw = 0, fh = 0;
            glfwGetFramebufferSize(window, &fw, &fh);
            auto t = gl::makeRenderTarget(fw, fh);
            if (!t) {
                std::cerr << "streetweek gui: " << t.error() << "\n";
                exit_code = kExitFailure;
            } else {
                target = std::move(t.value());
            }
        }
        int frames_after_load = 0;
        while (exit_code == kExitOk && !glfwWindowShouldClose(window)) {
            glfwPollEvents();
            if (auto r = job.take()) {
                if (r->ok()) {
                    LoadedScene& scene = r->value();
                    geometry = std::move(scene.geometry);
                    session.install(std::move(scene.data), request);
                    renderer.upload(geometry);
                    geometry.fill_vertices.clear();
                    geometry.outline_vertices.clear();
                    geometry.layer_points.clear();
                    auto t = geo::CrsTransform::create(session.data().working_crs, "EPSG:4326");
                    if (t)
                        to_lonlat.emplace(std::move(t.value()));
                    view.fit_requested = true;
                    glfwSetWindowTitle(window, windowTitle(session).c_str());
                } else {
                    last_error = r->error();
                    if (offscreen) {
                        std::cerr << "streetweek gui: " << last_error << "\n";
                        exit_code = kExitFailure;
                        break;
                    }
                }
            }
            ImGui_ImplOpenGL3_NewFrame();
            ImGui_ImplGlfw_NewFrame();
            ImGui::NewFrame();
            Box bounds = session.wards().bounds();
            if (boxIsEmpty(bounds) && !session.incidents().empty())
                bounds = session.incidents().bounds();
            ui::handleMapInput(view, bounds);
            ui::drawLayersPanel(session, styles, geometry.layer_counts, view.ward_fill_opacity,
                                view.show_labels);
            ui::drawLoadReportPanel(session, last_error, job.running(), job.fraction());
            if (session.loaded())
                ui::drawMapOverlays(view, session, geometry, to_lonlat ? &*to_lonlat : nullptr);
            ImGui::Render();

            int fw = 0, fh = 0;
            glfwGetFramebufferSize(window, &fw, &fh);
            if (target)
                glBindFramebuffer(GL_FRAMEBUFFER, target->fbo.get());
            glViewport(0, 0, fw, fh);
            glClearColor(0.90f, 0.93f, 0.96f, 1.0f);
            glClear(GL_COLOR_BUFFER_BIT);
            if (renderer.hasData())
                renderer.draw(view.camera, styles, view.ward_fill_opacity);
            ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());

            if (offscreen) {
                if (session.loaded() && ++frames_after_load >= o.frames) {
                    if (auto st = writePng(o.screenshot, fw, fh); !st) {
                        std::cerr << "streetweek gui: " << st.error() << "\n";
                        exit_code = kExitFailure;
                    } else {
                        std::cout << "Screenshot written to " << o.screenshot << "\n";
                    }
                    break;
                }
                if (!session.loaded())
                    std::this_thread::sleep_for(std::chrono::milliseconds(5));
                glBindFramebuffer(GL_FRAMEBUFFER, 0);
            } else {
                glfwSwapBuffers(window);
            }
        }
        job.stop();
    }
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window);
    glfwTerminate();
    return exit_code;
}

} // namespace sw::cli
