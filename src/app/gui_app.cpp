// The GUI: GLFW window, OpenGL 3.3 core context, ImGui set-up, the frame loop, background
// loading, and offscreen screenshots (`streetweek gui --screenshot out.png`).
#include "app/gui_options.hpp"
#include "app/map_presentation.hpp"
#include "app/png_capture.hpp"
#include "cli/cli_args.hpp"
#include "cli/commands.hpp"
#include "geo/crs_transform.hpp"
#include "render/gl_api.hpp"
#include "render/map_geometry.hpp"
#include "render/map_renderer.hpp"
#include "session/background_job.hpp"
#include "session/context_layers.hpp"
#include "session/live_analysis.hpp"
#include "session/session.hpp"
#include "ui/data_panel.hpp"
#include "ui/help_panel.hpp"
#include "ui/hotspots_panel.hpp"
#include "ui/layer_editor_panel.hpp"
#include "ui/layers_panel.hpp"
#include "ui/load_report_panel.hpp"
#include "ui/map_ui_state.hpp"
#include "ui/map_view.hpp"
#include "ui/period_panel.hpp"
#include "ui/save_image_panel.hpp"
#include "ui/settings_file.hpp"
#include "ui/wards_panel.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>
#include <stb/stb_image_write.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <thread>
#include <unistd.h>

namespace sw::cli {
namespace {

using app::applyChoropleth;
using app::autoDensityRange;
using app::mapTitle;
using app::windowTitle;
using app::writePng;

std::string g_glfw_error;

void onGlfwError(int code, const char* message) {
    g_glfw_error = std::string(message) + " (GLFW error " + std::to_string(code) + ")";
}

// Loaded data plus the map geometry built from it, handed to the UI thread in one piece.
struct LoadedScene {
    LoadedData data;
    MapGeometry geometry;
};

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
    // Window layout and settings persist in the user's config folder (not for screenshots).
    const std::string settings_dir = offscreen ? std::string() : ui::settingsDir();
    const std::string ini_path = settings_dir.empty() ? "" : settings_dir + "/layout.ini";
    const std::string settings_path = settings_dir.empty() ? "" : settings_dir + "/settings.ini";
    io.IniFilename = ini_path.empty() ? nullptr : ini_path.c_str();
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
        ui::MapViewState view;
        ui::MapUiState ui;
        std::vector<LayerDrawStyle> styles;
        ui::DataPanelState data_panel;
        if (!settings_path.empty())
            ui::loadSettings(settings_path, ui, session, styles, &data_panel.recent);
        applyOptions(o, ui, session);
        MapGeometry geometry;
        std::optional<geo::CrsTransform> to_lonlat;
        std::string last_error, status_line;
        LiveAnalysis live;
        ui::MapOverlayInfo overlay;
        // What the ward fills were last coloured for (none: recolour on the next frame).
        std::optional<ui::ChoroplethState> coloured_state;
        std::uint64_t coloured_generation = 0;
        std::optional<Box> initial_view = o.view; // --view: the first fit only

        BackgroundJob<LoadedScene> job;
        BackgroundJob<LayerPoints> points_job;   // rebuilds layer points after a rule edit
        BackgroundJob<ContextLayer> context_job; // reads and projects one context layer
        std::vector<std::string> context_queue = o.context_paths;
        std::optional<std::uint64_t> uploaded_context; // context generation on the GPU
        LoadRequest request = o.request;               // what is loaded (or loading)
        LoadRequest pending_request; // a Data panel load, installed only if it succeeds
        auto startLoad = [&job, &session](const LoadRequest& req) {
            const std::vector<LayerRule> layer_rules = session.layers();
            job.start([req, layer_rules](Progress& progress) -> Result<LoadedScene> {
                auto data = loadData(req, &progress);
                if (!data)
                    return Error{data.error()};
                LoadedScene scene;
                scene.geometry =
                    buildMapGeometry(data.value().wards, data.value().incidents, layer_rules);
                scene.data = std::move(data.value());
                return scene;
            });
        };
        pending_request = request;
        startLoad(request);
        data_panel.open = o.show_data;
        data_panel.wards = request.wards_path;
        data_panel.incidents = request.incident_paths;
        data_panel.population = request.population_path;

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
        ui::SaveImageState save; // File > Save map image, Ctrl+S
        save.path = o.save_image;
        save.open = o.show_save;
        save.width = o.image_width;
        save.height = o.image_height;
        bool scripted_save_done = false; // --save-image: saved once ready, then the app exits
        // Data loaded, layers and context built, and the first analysis in.
        auto allReady = [&] {
            return session.loaded() && !points_job.running() && !context_job.running() &&
                   context_queue.empty() &&
                   (session.incidents().empty() || (!live.running() && live.result().has_value()) ||
                    !live.error().empty());
        };
        std::vector<double> frame_ms;
        while (exit_code == kExitOk && !glfwWindowShouldClose(window)) {
            glfwPollEvents();
            const double now = glfwGetTime();
            const auto frame_start = std::chrono::steady_clock::now();
            if (auto r = job.take()) {
                if (r->ok()) {
                    LoadedScene& scene = r->value();
                    live.stop(); // the analysis reads the session: stop it before replacing
                    points_job.stop();
                    geometry = std::move(scene.geometry);
                    request = pending_request;
                    session.install(std::move(scene.data), request);
                    renderer.upload(geometry);
                    uploaded_context.reset(); // a new origin: upload the context layers again
                    geometry.outline_vertices.clear();
                    geometry.layer_points.clear();
                    auto t = geo::CrsTransform::create(session.data().working_crs, "EPSG:4326");
                    if (t)
                        to_lonlat.emplace(std::move(t.value()));
                    view.fit_requested = true;
                    ui::clampPeriod(ui, session);
                    coloured_state.reset();
                    glfwSetWindowTitle(window, windowTitle(session).c_str());
                } else {
                    // The session keeps what it had; the message shows in the Load report.
                    last_error = r->error();
                    if (offscreen) {
                        std::cerr << "streetweek gui: " << last_error << "\n";
                        exit_code = kExitFailure;
                        break;
                    }
                }
            }
            // Context layers: one at a time off the UI thread, then onto the GPU.
            context_queue.insert(context_queue.end(), data_panel.context_requests.begin(),
                                 data_panel.context_requests.end());
            data_panel.context_requests.clear();
            if (auto r = context_job.take()) {
                if (r->ok()) {
                    const ContextLayer& c = r->value();
                    data_panel.context_message =
                        "Added " + c.name + ": " + std::to_string(c.report.rows_kept) +
                        " features" +
                        (c.report.rows_kept < c.report.rows_read
                             ? " (" + std::to_string(c.report.rows_read - c.report.rows_kept) +
                                   " skipped: hover its name in Layers)"
                             : "");
                    session.installContextLayer(std::move(r->value()));
                } else {
                    data_panel.context_message = r->error();
                    status_line = r->error();
                    if (offscreen) {
                        std::cerr << "streetweek gui: " << r->error() << "\n";
                        exit_code = kExitFailure;
                        break;
                    }
                }
            }
            if (session.loaded() && !job.running() && !context_job.running() &&
                !context_queue.empty()) {
                const std::string path = context_queue.front();
                context_queue.erase(context_queue.begin());
                const std::string crs = session.data().working_crs;
                context_job.start([path, crs](Progress&) { return loadContextLayer(path, crs); });
            }
            if (uploaded_context != session.contextGeneration()) {
                renderer.uploadContext(session.contextLayers());
                uploaded_context = session.contextGeneration();
            }
            // Layer rules edited since the points were built: rebuild them off the UI thread.
            const std::vector<std::string> rule_signature = layerSignatures(session.layers());
            if (auto r = points_job.take();
                r && r->ok() && r->value().signature == rule_signature) {
                setLayerPoints(geometry, std::move(r->value()));
                renderer.uploadLayerPoints(geometry);
                geometry.layer_points.clear();
            }
            if (session.loaded() && !job.running() && !points_job.running() &&
                rule_signature != geometry.layer_signature) {
                const std::vector<LayerRule> rules = session.layers();
                const Session* s = &session;
                const Point origin = geometry.origin;
                points_job.start([s, rules, origin](Progress&) -> Result<LayerPoints> {
                    return buildLayerPoints(s->incidents(), rules, origin);
                });
            }
            // The analysis follows the period, layers and settings; results come back here.
            if (session.loaded()) {
                ui::advancePlay(ui, session, now);
                live.request(ui::analysisParams(ui, session), now);
                if (live.poll(session, now)) {
                    const MapAnalysis& a = *live.result();
                    renderer.uploadDensity(a.hotspots.density.grid);
                    std::vector<MultiPolygon> shapes;
                    for (const auto& h : a.hotspots.hotspots)
                        shapes.push_back(h.shape);
                    renderer.uploadHotspotOutlines(
                        outlineVertices(shapes, renderer.origin(), {150, 0, 40, 255}));
                    if (ui.auto_range)
                        autoDensityRange(ui, a.hotspots.density.grid);
                    if (a.gistar) {
                        std::vector<Rgba> palette;
                        for (int bin = -3; bin <= 3; ++bin)
                            palette.push_back(giBinColour(bin));
                        renderer.uploadClassGrid(a.gistar->counts, a.gistar->bin, -3, palette);
                    }
                }
            }
            renderer.setRamp(ui.density.ramp);
            const MapAnalysis* analysis = live.result() ? &*live.result() : nullptr;
            if (session.loaded() &&
                (coloured_state != ui.choropleth || live.generation() != coloured_generation)) {
                applyChoropleth(session, ui, analysis, geometry, overlay);
                renderer.updateWardFills(geometry);
                coloured_state = ui.choropleth;
                coloured_generation = live.generation();
            }

            // A map image at a chosen size: this frame is laid out and drawn at that size into
            // an offscreen target, with the panels left out and the same view, then saved.
            int fw = 0, fh = 0;
            glfwGetFramebufferSize(window, &fw, &fh);
            std::optional<gl::RenderTarget> image_target;
            std::optional<MapCamera> window_camera;
            const bool hide_panels_before = ui.hide_panels;
            if (save.requested && !offscreen) {
                save.requested = false;
                const int iw = save.width > 0 ? save.width : fw;
                const int ih = save.height > 0 ? save.height : fh;
                if (auto st = ui::checkImageSize(iw, ih); !st) {
                    save.message = st.error();
                } else if (auto t = gl::makeRenderTarget(iw, ih); !t) {
                    save.message = t.error();
                } else {
                    image_target = std::move(t.value());
                    window_camera = view.camera;
                    ui.hide_panels = true;
                }
            }
            ImGui_ImplOpenGL3_NewFrame();
            ImGui_ImplGlfw_NewFrame();
            if (image_target) {
                io.DisplaySize = ImVec2(static_cast<float>(image_target->width),
                                        static_cast<float>(image_target->height));
                io.DisplayFramebufferScale = ImVec2(1, 1);
            }
            ImGui::NewFrame();
            Box bounds = session.wards().bounds();
            if (boxIsEmpty(bounds) && !session.incidents().empty())
                bounds = session.incidents().bounds();
            Box fit_box = bounds;
            if (view.fit_requested && initial_view && session.loaded()) {
                fit_box = *initial_view; // later fits (F, Home) show the study area
                initial_view.reset();
            }
            if (image_target) {
                // At least what the window shows, in the image's shape.
                view.camera.setViewport(image_target->width, image_target->height);
                view.camera.fit(window_camera->visibleWorld(), 0.0);
            } else {
                ui::handleMapInput(view, fit_box);
            }
            if (ui::handleShortcuts(ui, session, now))
                save.requested = true;
            if (!io.WantCaptureKeyboard && io.KeyCtrl && ImGui::IsKeyPressed(GLFW_KEY_O))
                data_panel.open = true;

            // Points drawn: each layer's range for the period.
            styles.resize(session.layers().size());
            overlay.layer_counts.assign(styles.size(), 0);
            for (std::size_t l = 0; l < styles.size(); ++l) {
                styles[l].colour = session.layers()[l].colour;
                styles[l].size_px = session.layers()[l].point_size_px;
                styles[l].opacity = session.layers()[l].point_opacity;
                styles[l].visible = session.layers()[l].visible && ui.points_visible;
            }
            std::size_t drawn = 0;
            for (std::size_t l = 0; l < styles.size() && l < geometry.layer_months.size(); ++l) {
                styles[l].range = monthRange(geometry.layer_months[l], ui.from, ui.to);
                overlay.layer_counts[l] = styles[l].range.count;
                if (styles[l].visible)
                    drawn += styles[l].range.count;
            }
            {
                // Level of detail: the share of the data's box in view decides the stride.
                double share = 1;
                const Box vis = view.camera.visibleWorld();
                if (!boxIsEmpty(bounds) && boxWidth(bounds) > 0 && boxHeight(bounds) > 0) {
                    Box both;
                    share = bg::intersection(vis, bounds, both)
                                ? boxWidth(both) * boxHeight(both) /
                                      (boxWidth(bounds) * boxHeight(bounds))
                                : 0;
                }
                const std::size_t k =
                    pointStride(drawn, share, static_cast<std::size_t>(ui.point_budget));
                for (auto& st : styles)
                    st.stride = k;
                overlay.point_stride = k;
            }
            std::optional<Box> zoom;
            if (!ui.hide_panels) {
                ui::drawLayersPanel(session, ui, geometry.layer_counts, view.ward_fill_opacity,
                                    view.show_labels);
                ui::drawLayerEditorPanel(session, ui);
                ui::drawLoadReportPanel(session, last_error, job.running(), job.fraction());
                if (session.loaded()) {
                    ui::drawPeriodPanel(ui, session, now);
                    if (auto z = ui::drawHotspotsPanel(ui, session, live))
                        zoom = z;
                    if (auto z = ui::drawWardsPanel(
                            ui, session,
                            analysis && analysis->profile ? &*analysis->profile : nullptr))
                        zoom = z;
                }
                ui::drawHelpPanel(ui.show_help);
                ui::drawSaveImagePanel(save, fw, fh, ui.from, ui.to);
                if (auto req = ui::drawDataPanel(data_panel, session, job.running())) {
                    req->threads = request.threads;
                    pending_request = *req;
                    last_error.clear();
                    startLoad(*req);
                }
                if (ImGui::BeginMainMenuBar()) {
                    if (ImGui::BeginMenu("File")) {
                        ImGui::MenuItem("Open data...", "Ctrl+O", &data_panel.open);
                        if (ImGui::MenuItem("Save map image (PNG)", "Ctrl+S"))
                            save.requested = true;
                        ImGui::MenuItem("Save map image at a size...", nullptr, &save.open);
                        if (ImGui::MenuItem("Quit"))
                            glfwSetWindowShouldClose(window, GLFW_TRUE);
                        ImGui::EndMenu();
                    }
                    if (ImGui::BeginMenu("View")) {
                        ImGui::MenuItem("Density surface", "D", &ui.density.visible);
                        ImGui::MenuItem("Hotspot outlines", "H", &ui.hotspots_visible);
                        ImGui::MenuItem("Incident points", "I", &ui.points_visible);
                        bool every = ui.point_budget == 0;
                        if (ImGui::MenuItem("Draw every point (slow on software GL)", nullptr,
                                            &every))
                            ui.point_budget = every ? 0 : 100000;
                        ImGui::MenuItem("Ward choropleth", "C", &ui.choropleth.on);
                        ImGui::MenuItem("Ward labels", nullptr, &view.show_labels);
                        if (ImGui::MenuItem("Hide panels", "P"))
                            ui.hide_panels = true;
                        if (ImGui::MenuItem("Fit study area", "F"))
                            view.fit_requested = true;
                        ImGui::EndMenu();
                    }
                    if (ImGui::BeginMenu("Help")) {
                        ImGui::MenuItem("Shortcuts and help", "F1", &ui.show_help);
                        ImGui::EndMenu();
                    }
                    if (job.running())
                        ImGui::Text("   Loading... %.0f%%", job.fraction() * 100);
                    else if (live.running())
                        ImGui::Text("   Computing density... %.0f%%", live.fraction() * 100);
                    if (!status_line.empty())
                        ImGui::Text("   %s", status_line.c_str());
                    ImGui::EndMainMenuBar();
                }
            }
            if (zoom)
                view.camera.fit(*zoom, 0.15);
            overlay.ui = &ui;
            overlay.analysis = analysis;
            overlay.styles = &styles;
            overlay.title = session.loaded() ? mapTitle(session, ui) : "";
            overlay.top_margin = ui.hide_panels ? 0.0f : ImGui::GetFrameHeight();
            // A map image larger than the window: text, legend and scale bar grow with it (a
            // 300 dpi page keeps legible labels); no cursor readout in the image.
            overlay.scale = 1;
            if (image_target) {
                overlay.scale = std::clamp(
                    std::min(static_cast<float>(image_target->width) / static_cast<float>(fw),
                             static_cast<float>(image_target->height) / static_cast<float>(fh)),
                    1.0f, 3.0f);
                view.hover_world.reset();
            }
            if (session.loaded())
                ui::drawMapOverlays(view, session, geometry, to_lonlat ? &*to_lonlat : nullptr,
                                    overlay);
            ImGui::Render();

            if (image_target) {
                fw = image_target->width;
                fh = image_target->height;
            }
            if (target || image_target)
                glBindFramebuffer(GL_FRAMEBUFFER,
                                  image_target ? image_target->fbo.get() : target->fbo.get());
            glViewport(0, 0, fw, fh);
            glClearColor(0.90f, 0.93f, 0.96f, 1.0f);
            glClear(GL_COLOR_BUFFER_BIT);
            if (renderer.hasData()) {
                MapDrawOptions opts;
                opts.ward_fill_opacity = ui.choropleth.on ? std::max(view.ward_fill_opacity, 0.8f)
                                                          : view.ward_fill_opacity;
                opts.density = ui.density;
                opts.hotspots_visible = ui.hotspots_visible;
                opts.classes_visible = ui.gistar_visible && analysis && analysis->gistar;
                opts.classes_opacity = ui.gistar_opacity;
                for (const auto& c : session.contextLayers())
                    opts.context.push_back({c.colour, c.size_px * overlay.scale, c.visible});
                for (auto& st : styles)          // set from the layers each frame
                    st.size_px *= overlay.scale; // points keep their look in a large image
                renderer.draw(view.camera, styles, opts);
            }
            ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());

            if (image_target) {
                const std::string name =
                    save.path.empty() ? ui::defaultImageName(ui.from, ui.to) : save.path;
                const auto st = writePng(name, fw, fh);
                save.message = st ? "Saved " + name + " (" + std::to_string(fw) + " x " +
                                        std::to_string(fh) + ")"
                                  : st.error();
                status_line = save.message;
                glBindFramebuffer(GL_FRAMEBUFFER, 0);
                view.camera = *window_camera;
                ui.hide_panels = hide_panels_before;
                if (!o.save_image.empty()) {
                    std::cout << save.message << "\n";
                    if (!st)
                        exit_code = kExitFailure;
                    break;
                }
                continue; // the window shows the next frame as before
            }
            if (!o.save_image.empty() && !scripted_save_done && allReady() && !view.fit_requested) {
                save.requested = true; // the next frame is the image
                scripted_save_done = true;
            }
            if (offscreen) {
                // Wait for the data and the first analysis before counting frames.
                const bool ready = allReady();
                if (ready && o.frame_stats) {
                    glFinish(); // the whole frame, CPU and (software) GPU work
                    frame_ms.push_back(std::chrono::duration<double, std::milli>(
                                           std::chrono::steady_clock::now() - frame_start)
                                           .count());
                }
                if (ready && ++frames_after_load >= o.frames) {
                    if (o.frame_stats && !frame_ms.empty()) {
                        std::size_t points = 0;
                        for (const auto& st : styles)
                            if (st.visible)
                                points += (st.range.count + st.stride - 1) / st.stride;
                        std::vector<double> sorted = frame_ms;
                        std::sort(sorted.begin(), sorted.end());
                        std::printf("Frame time at %dx%d: median %.1f ms, min %.1f, max %.1f over "
                                    "%zu frames (%zu points drawn, density %s, %zu wards)\n",
                                    fw, fh, sorted[sorted.size() / 2], sorted.front(),
                                    sorted.back(), sorted.size(), points,
                                    ui.density.visible ? "on" : "off", session.wards().size());
                    }
                    if (auto st = writePng(o.screenshot, fw, fh); !st) {
                        std::cerr << "streetweek gui: " << st.error() << "\n";
                        exit_code = kExitFailure;
                    } else {
                        std::cout << "Screenshot written to " << o.screenshot << "\n";
                    }
                    break;
                }
                if (!ready)
                    std::this_thread::sleep_for(std::chrono::milliseconds(5));
                glBindFramebuffer(GL_FRAMEBUFFER, 0);
            } else {
                glfwSwapBuffers(window);
            }
        }
        live.stop();
        job.stop();
        points_job.stop();
        context_job.stop();
        if (!settings_path.empty())
            ui::saveSettings(settings_path, ui, session, &data_panel.recent);
    }
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window);
    glfwTerminate();
    return exit_code;
}

} // namespace sw::cli
