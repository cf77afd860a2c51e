// The map application's state and one frame of it: the session and its background jobs, the
// map scene and renderer, the UI state, map images and scripted screenshots. gui_app.cpp owns
// the window and calls frame() until done(). New capabilities add panels and session actions,
// not code here.
#pragma once

#include "cli/commands.hpp"
#include "geo/crs_transform.hpp"
#include "render/gl_objects.hpp"
#include "render/map_renderer.hpp"
#include "render/map_scene.hpp"
#include "session/session.hpp"
#include "session/session_jobs.hpp"
#include "ui/basemap_panel.hpp"
#include "ui/data_panel.hpp"
#include "ui/map_ui_state.hpp"
#include "ui/map_view.hpp"
#include "ui/plan_workspace.hpp"
#include "ui/save_image_panel.hpp"

#include <optional>
#include <string>
#include <vector>

struct GLFWwindow;

namespace sw::app {

class MapApp {
  public:
    // `settings_path` empty: no saved settings (screenshots start from the defaults).
    MapApp(const cli::GuiOptions& options, GLFWwindow* window, std::string settings_path);
    ~MapApp();
    MapApp(const MapApp&) = delete;
    MapApp& operator=(const MapApp&) = delete;

    // Creates the GL objects and starts loading; false (with a message on stderr) on failure.
    bool start();
    // One frame: installs finished work, lays out the panels, draws the map, saves images.
    void frame(double now_s);
    bool done() const { return done_; }
    int exitCode() const { return exit_code_; }

  private:
    void installResults(double now_s);
    void pollBasemap(double now_s);
    void onDataInstalled();
    // Data, layers, context layers and the first analysis are all in.
    bool allReady() const;
    // A map image at a chosen size (File > Save map image): an offscreen target of that size
    // for this frame, with the panels left out and the same view.
    void beginImage(int fw, int fh);
    void layout(double now_s, int fw, int fh);
    void drawMap(int fw, int fh) const;
    void finishImage(int fw, int fh);
    void finishScripted(int fw, int fh, double frame_ms);
    void fail(const std::string& message);

    const cli::GuiOptions& opts_;
    const bool offscreen_;
    GLFWwindow* window_;
    std::string settings_path_;

    MapRenderer renderer_;
    Session session_;
    MapScene scene_;         // before jobs_: the load job writes into it until jobs_ stops
    ui::PlanWorkspace plan_; // the plan open in the map, its tools, panel and jobs
    SessionJobs jobs_;
    ui::MapViewState view_;
    ui::MapUiState ui_;
    std::vector<LayerDrawStyle> styles_;
    ui::DataPanelState data_panel_;
    ui::SaveImageState save_;
    ui::BasemapLayer basemap_; // the picture under the wards, fetched as the view settles
    ui::BasemapPanelState basemap_panel_;
    std::string basemap_message_; // the basemap failure last put on the status line
    ui::MapOverlayInfo overlay_;
    std::optional<geo::CrsTransform> to_lonlat_;
    std::string load_error_, status_line_;
    SelectionParams selection_; // what the map shows: the live analysis' and the plan's

    // What the ward fills were last coloured for (none: recolour on the next frame).
    std::optional<ui::ChoroplethState> coloured_state_;
    std::uint64_t coloured_generation_ = 0;
    std::optional<Box> initial_view_;               // --view: the first fit only
    std::optional<std::uint64_t> uploaded_context_; // context generation on the GPU

    std::optional<gl::RenderTarget> screenshot_target_; // --screenshot: render offscreen
    std::optional<gl::RenderTarget> image_target_;      // this frame's map image, if any
    std::optional<MapCamera> window_camera_;
    MapCamera image_camera_; // the image's view (beginImage), while image_target_ is set
    bool hide_panels_before_image_ = false;
    int frames_after_load_ = 0;
    int data_installs_ = 0; // the first keeps the --from/--to period; later loads start anew
    bool scripted_save_done_ = false; // --save-image: saved once ready, then exit
    std::vector<double> frame_ms_;
    bool done_ = false;
    int exit_code_ = 0;
};

} // namespace sw::app
