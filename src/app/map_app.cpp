// One frame of the map application.
#include "app/map_app.hpp"

#include "app/gui_options.hpp"
#include "cli/cli_args.hpp"
#include "core/calendar_date.hpp"
#include "render/framebuffer_png.hpp"
#include "render/gl_api.hpp"
#include "ui/map_panels.hpp"
#include "ui/map_presentation.hpp"
#include "ui/menu_bar.hpp"
#include "ui/settings_file.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <thread>

namespace sw::app {
namespace {

ui::ShortcutKeys glfwShortcutKeys() {
    ui::ShortcutKeys k;
    k.d = GLFW_KEY_D;
    k.h = GLFW_KEY_H;
    k.i = GLFW_KEY_I;
    k.c = GLFW_KEY_C;
    k.g = GLFW_KEY_G;
    k.p = GLFW_KEY_P;
    k.f = GLFW_KEY_F;
    k.o = GLFW_KEY_O;
    k.s = GLFW_KEY_S;
    k.r = GLFW_KEY_R;
    k.k = GLFW_KEY_K;
    k.f1 = GLFW_KEY_F1;
    k.equal = GLFW_KEY_EQUAL;
    k.minus = GLFW_KEY_MINUS;
    k.keypad_add = GLFW_KEY_KP_ADD;
    k.keypad_subtract = GLFW_KEY_KP_SUBTRACT;
    return k;
}

} // namespace

MapApp::MapApp(const cli::GuiOptions& options, GLFWwindow* window, std::string settings_path)
    : opts_(options), offscreen_(!options.screenshot.empty()), window_(window),
      settings_path_(std::move(settings_path)),
      jobs_(
          [this](const LoadedData& d, const std::vector<LayerRule>& rules) {
              scene_.prepare(d.wards, d.incidents, rules);
          },
          [this] {
              scene_.stop();
              plan_.stopJobs();
          }) {
    view_.keys = glfwShortcutKeys();
}

MapApp::~MapApp() {
    basemap_.stop();
    jobs_.stop();
    scene_.stop();
    plan_.close(session_.data().working_crs);
    if (!settings_path_.empty())
        ui::saveSettings(settings_path_, ui_, session_, &data_panel_.recent);
}

void MapApp::fail(const std::string& message) {
    std::cerr << "streetweek gui: " << message << "\n";
    exit_code_ = cli::kExitFailure;
    done_ = true;
}

bool MapApp::start() {
    if (auto st = renderer_.init(); !st) {
        fail(st.error());
        return false;
    }
    if (!settings_path_.empty())
        ui::loadSettings(settings_path_, ui_, session_, styles_, &data_panel_.recent);
    if (auto st = plan_.open(opts_.plan_path); !st) {
        fail(st.error());
        return false;
    }
    applyOptions(opts_, ui_, session_);
    basemap_.choose(opts_.basemap.source); // on the command line: the user's consent
    plan_.report().followBasemap(basemap_.source(), ui_.basemap);
    if (opts_.basemap_look)
        ui_.basemap = opts_.basemap.look; // else the saved look
    initial_view_ = opts_.view;
    if (opts_.startup_error.empty())
        jobs_.load(session_, opts_.request);
    else
        load_error_ = status_line_ = opts_.startup_error;
    for (const auto& path : opts_.context_paths)
        jobs_.addContext(path);
    data_panel_.open = opts_.show_data;
    ui::setFromRequest(data_panel_, opts_.request);
    save_.path = opts_.save_image;
    save_.open = opts_.show_save;
    plan_.pack().state().open = opts_.show_export;
    plan_.report().state().open = opts_.show_report;
    save_.width = opts_.image_width;
    save_.height = opts_.image_height;
    if (offscreen_) {
        int fw = 0, fh = 0;
        glfwGetFramebufferSize(window_, &fw, &fh);
        auto t = gl::makeRenderTarget(fw, fh);
        if (!t) {
            fail(t.error());
            return false;
        }
        screenshot_target_ = std::move(t.value());
    }
    return true;
}

void MapApp::onDataInstalled() {
    scene_.installPrepared();
    renderer_.upload(scene_.geometry());
    uploaded_context_.reset(); // a new origin: upload the context layers again
    scene_.releaseUploaded();
    auto t = geo::CrsTransform::create(session_.data().working_crs, "EPSG:4326");
    if (t)
        to_lonlat_.emplace(std::move(t.value()));
    view_.fit_requested = true;
    ui::clampPeriod(ui_, session_, data_installs_++ > 0);
    coloured_state_.reset();
    glfwSetWindowTitle(window_, ui::windowTitle(session_).c_str());
}

void MapApp::installResults(double now_s) {
    for (const auto& path : data_panel_.context_requests)
        jobs_.addContext(path);
    data_panel_.context_requests.clear();
    const SessionJobs::Events ev = jobs_.poll(session_);
    if (ev.data_installed)
        onDataInstalled();
    if (!ev.load_error.empty()) {
        load_error_ = ev.load_error; // the session keeps what it had; the Load report says why
        if (offscreen_)
            return fail(load_error_);
    }
    if (!ev.context_message.empty())
        data_panel_.context_message = ev.context_message;
    if (ev.context_failed) {
        status_line_ = ev.context_message;
        if (offscreen_)
            return fail(ev.context_message);
    }
    if (uploaded_context_ != session_.contextGeneration()) {
        renderer_.uploadContext(session_.contextLayers());
        uploaded_context_ = session_.contextGeneration();
    }
    // Layer rules edited since the points were built: rebuilt off the UI thread.
    if (scene_.pollPoints(session_.incidents(), session_.layers(), !session_.wards().empty(),
                          !session_.loaded() || jobs_.loading())) {
        renderer_.uploadLayerPoints(scene_.geometry());
        scene_.releaseUploaded();
    }
    // The analysis follows the period, layers and settings.
    if (session_.loaded()) {
        ui::advancePlay(ui_, session_, now_s);
        const MapAnalysisParams params = ui::analysisParams(ui_, session_);
        selection_ = params.hotspots.density.selection;
        plan_.setAnalysis(ui_.kde, ui_.threshold);
        if (!jobs_.loading())
            plan_.poll(session_, selection_, now_s, session_.data().working_crs);
        if (jobs_.analyse(session_, params, now_s)) {
            const MapAnalysis& a = *jobs_.live().result();
            renderer_.uploadAnalysis(a);
            if (ui_.auto_range)
                ui::autoDensityRange(ui_, a.hotspots.density.grid);
        }
    }
    renderer_.setRamp(ui_.density.ramp);
    pollBasemap(now_s);
    const LiveAnalysis& live = jobs_.live();
    if (session_.loaded() &&
        (coloured_state_ != ui_.choropleth || live.generation() != coloured_generation_)) {
        ui::applyChoropleth(session_, ui_, live.result() ? &*live.result() : nullptr,
                            scene_.geometry(), overlay_);
        renderer_.updateWardFills(scene_.geometry());
        coloured_state_ = ui_.choropleth;
        coloured_generation_ = live.generation();
    }
}

// The basemap follows the window's view; its failures go on the status line once each.
void MapApp::pollBasemap(double now_s) {
    if (auto img = basemap_.poll(session_, view_.camera, now_s))
        renderer_.uploadBasemap(*img);
    if (basemap_.message() != basemap_message_) {
        basemap_message_ = basemap_.message();
        if (!basemap_message_.empty()) {
            status_line_ = basemap_message_ + " (the map works without it)";
            if (offscreen_)
                std::cerr << "streetweek gui: " << status_line_ << "\n";
        }
    }
}

bool MapApp::allReady() const {
    const LiveAnalysis& live = jobs_.live();
    return session_.loaded() && !jobs_.busy() && basemap_.settled() &&
           scene_.geometry().layer_signature == layerSignatures(session_.layers()) &&
           (session_.incidents().empty() || (!live.running() && live.result().has_value()) ||
            !live.error().empty());
}

void MapApp::beginImage(int fw, int fh) {
    image_target_.reset();
    if (!save_.requested || offscreen_)
        return;
    const int iw = save_.width > 0 ? save_.width : fw;
    const int ih = save_.height > 0 ? save_.height : fh;
    // The image shows at least the window's view in its own shape: its basemap is fetched for
    // that view and size first (the request waits, frames go on).
    MapCamera image_camera = view_.camera;
    image_camera.setViewport(iw, ih);
    image_camera.fit(view_.camera.visibleWorld(), 0.0);
    if (ui::checkImageSize(iw, ih) && !basemap_.readyFor(session_, image_camera)) {
        status_line_ = "Fetching the basemap for the image...";
        return;
    }
    save_.requested = false;
    if (auto st = ui::checkImageSize(iw, ih); !st) {
        save_.message = st.error();
    } else if (auto t = gl::makeRenderTarget(iw, ih); !t) {
        save_.message = t.error();
    } else {
        image_target_ = std::move(t.value());
        window_camera_ = view_.camera;
        image_camera_ = image_camera;
        hide_panels_before_image_ = ui_.hide_panels;
        ui_.hide_panels = true;
    }
}

void MapApp::layout(double now_s, int fw, int fh) {
    ImGuiIO& io = ImGui::GetIO();
    Box fit_box = ui::dataBounds(session_);
    if (view_.fit_requested && initial_view_ && session_.loaded()) {
        fit_box = *initial_view_; // later fits (F, Home) show the study area
        initial_view_.reset();
    }
    if (image_target_) {
        view_.camera = image_camera_; // at least what the window shows, in the image's shape
    } else {
        const bool tools_mouse = session_.loaded() && plan_.handleTools(view_);
        ui::handleMapInput(view_, fit_box,
                           !tools_mouse && plan_.tools().tool == ui::AreaTool::Select);
    }
    const ui::ShortcutRequests keys = ui::handleShortcuts(view_.keys, ui_, session_, now_s);
    if (keys.save_image)
        save_.requested = true;
    if (keys.save_plan)
        plan_.save(jobs_.request(), selection_, session_.data().working_crs, &session_.report());
    if (!io.WantCaptureKeyboard && io.KeyCtrl && ui::keyPressed(view_.keys.o))
        data_panel_.open = true;
    overlay_.point_stride = ui::updatePointStyles(styles_, overlay_.layer_counts, session_,
                                                  scene_.geometry(), ui_, view_.camera);
    std::optional<Box> zoom;
    if (!ui_.hide_panels) {
        ui::PanelState panels{ui_, view_, data_panel_, save_, load_error_, overlay_.layer_counts};
        auto requests = ui::drawPanels(panels, session_, jobs_, scene_.geometry(), fw, fh, now_s);
        zoom = requests.zoom;
        if (session_.loaded())
            if (auto z = plan_.drawPanel(session_, jobs_.request(), selection_, ui_.kde))
                zoom = z;
        if (requests.load) {
            requests.load->threads = opts_.request.threads;
            load_error_.clear();
            jobs_.load(session_, *requests.load);
        }
        const ui::WorkStatus status{jobs_.loading(),         jobs_.live().running(),
                                    basemap_.fetching(),     jobs_.loadFraction(),
                                    jobs_.live().fraction(), status_line_};
        ui::PlanMenu plan_menu{plan_.panel().open, plan_.tools().tool, plan_.pack().state().open,
                               plan_.report().state().open};
        ui::drawBasemapPanel(basemap_panel_, basemap_);
        if (ui::drawMenuBar(ui_, view_, data_panel_, save_, plan_menu, {basemap_panel_, basemap_},
                            status))
            glfwSetWindowShouldClose(window_, GLFW_TRUE);
        if (plan_menu.save_requested)
            plan_.save(jobs_.request(), selection_, session_.data().working_crs,
                       &session_.report());
    }
    if (zoom)
        view_.camera.fit(*zoom, 0.15);
    const LiveAnalysis& live = jobs_.live();
    overlay_.ui = &ui_;
    overlay_.drawing = plan_.tools().tool != ui::AreaTool::Select ||
                       plan_.tools().drag != ui::AreaToolState::Drag::None;
    overlay_.analysis = live.result() ? &*live.result() : nullptr;
    overlay_.styles = &styles_;
    overlay_.title = !session_.loaded() ? ""
                     : image_target_    ? ui::imageTitle(session_, ui_, utcNowText())
                                        : ui::mapTitle(session_, ui_);
    overlay_.basemap_attribution = basemap_.attribution();
    overlay_.top_margin = ui_.hide_panels ? 0.0f : ImGui::GetFrameHeight();
    // A map image larger than the window: text, legend and scale bar grow with it (a 300 dpi
    // page keeps legible labels); no cursor readout in the image.
    overlay_.scale = 1;
    if (image_target_) {
        overlay_.scale =
            std::clamp(std::min(static_cast<float>(image_target_->width) / static_cast<float>(fw),
                                static_cast<float>(image_target_->height) / static_cast<float>(fh)),
                       1.0f, 3.0f);
        view_.hover_world.reset();
    }
    if (session_.loaded())
        plan_.drawOverlay(view_.camera);
    if (session_.loaded())
        ui::drawMapOverlays(view_, session_, scene_.geometry(), to_lonlat_ ? &*to_lonlat_ : nullptr,
                            overlay_);
}

void MapApp::drawMap(int fw, int fh) const {
    const gl::RenderTarget* target = image_target_        ? &*image_target_
                                     : screenshot_target_ ? &*screenshot_target_
                                                          : nullptr;
    if (target)
        glBindFramebuffer(GL_FRAMEBUFFER, target->fbo.get());
    glViewport(0, 0, fw, fh);
    glClearColor(0.90f, 0.93f, 0.96f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    if (renderer_.hasData()) {
        MapDrawOptions opts;
        opts.ward_fill_opacity =
            ui_.choropleth.on ? std::max(view_.ward_fill_opacity, 0.8f) : view_.ward_fill_opacity;
        opts.basemap_visible = basemap_.source().has_value();
        opts.basemap = ui_.basemap;
        if (opts.basemap_visible && !ui_.choropleth.on) // the streets show through the wards
            opts.ward_fill_opacity = std::min(opts.ward_fill_opacity, 0.2f);
        opts.density = ui_.density;
        opts.hotspots_visible = ui_.hotspots_visible;
        const auto& result = jobs_.live().result();
        opts.classes_visible = ui_.gistar_visible && result && result->gistar;
        opts.classes_opacity = ui_.gistar_opacity;
        for (const auto& c : session_.contextLayers())
            opts.context.push_back({c.colour, c.size_px * overlay_.scale, c.visible});
        std::vector<LayerDrawStyle> styles = styles_;
        for (auto& st : styles)
            st.size_px *= overlay_.scale; // points keep their look in a large image
        renderer_.draw(view_.camera, styles, opts);
    }
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

void MapApp::finishImage(int fw, int fh) {
    const std::string name =
        save_.path.empty() ? ui::defaultImageName(ui_.from, ui_.to) : save_.path;
    const auto st = gl::writePng(name, fw, fh);
    save_.message =
        st ? "Saved " + name + " (" + std::to_string(fw) + " x " + std::to_string(fh) + ")"
           : st.error();
    status_line_ = save_.message;
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    view_.camera = *window_camera_;
    ui_.hide_panels = hide_panels_before_image_;
    image_target_.reset();
    if (!opts_.save_image.empty()) {
        std::cout << save_.message << "\n";
        if (!st)
            exit_code_ = cli::kExitFailure;
        done_ = true;
    }
}

// --screenshot: once the data and the first analysis are in, count frames, then save.
void MapApp::finishScripted(int fw, int fh, double frame_ms) {
    const bool ready = allReady();
    if (ready && opts_.frame_stats)
        frame_ms_.push_back(frame_ms);
    if (ready && ++frames_after_load_ >= opts_.frames) {
        if (opts_.frame_stats && !frame_ms_.empty()) {
            std::size_t points = 0;
            for (const auto& st : styles_)
                if (st.visible)
                    points += (st.range.count + st.stride - 1) / st.stride;
            std::vector<double> sorted = frame_ms_;
            std::sort(sorted.begin(), sorted.end());
            std::printf("Frame time at %dx%d: median %.1f ms, min %.1f, max %.1f over %zu frames "
                        "(%zu points drawn, density %s, %zu wards)\n",
                        fw, fh, sorted[sorted.size() / 2], sorted.front(), sorted.back(),
                        sorted.size(), points, ui_.density.visible ? "on" : "off",
                        session_.wards().size());
        }
        if (auto st = gl::writePng(opts_.screenshot, fw, fh); !st) {
            fail(st.error());
        } else {
            std::cout << "Screenshot written to " << opts_.screenshot << "\n";
            done_ = true;
        }
        return;
    }
    if (!ready)
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

void MapApp::frame(double now_s) {
    const auto frame_start = std::chrono::steady_clock::now();
    installResults(now_s);
    if (done_)
        return;
    int fw = 0, fh = 0;
    glfwGetFramebufferSize(window_, &fw, &fh);
    const int window_w = fw, window_h = fh;
    beginImage(fw, fh);
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    if (image_target_) {
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(static_cast<float>(image_target_->width),
                                static_cast<float>(image_target_->height));
        io.DisplayFramebufferScale = ImVec2(1, 1);
        fw = image_target_->width;
        fh = image_target_->height;
    }
    ImGui::NewFrame();
    layout(now_s, window_w, window_h);
    ImGui::Render();
    drawMap(fw, fh);
    if (image_target_)
        return finishImage(fw, fh); // the window shows the next frame as before
    if (!opts_.save_image.empty() && !scripted_save_done_ && allReady() && !view_.fit_requested) {
        save_.requested = true; // the next frame is the image
        scripted_save_done_ = true;
    }
    if (offscreen_) {
        if (allReady() && opts_.frame_stats)
            glFinish(); // the whole frame, CPU and (software) GPU work
        finishScripted(fw, fh,
                       std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() -
                                                                 frame_start)
                           .count());
    } else {
        glfwSwapBuffers(window_);
    }
}

} // namespace sw::app
