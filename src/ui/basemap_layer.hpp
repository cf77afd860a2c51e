// The basemap under the map window: the chosen source and its picture of the view,
// fetched and warped in the background once the view has been still for a moment (a frame
// never waits for a tile). Between fetches the last picture stays where it belongs on the
// ground, so panning and zooming show it moved and scaled until the new one comes.
#pragma once

#include "core/background_job.hpp"
#include "core/basemap_source.hpp"
#include "render/map_camera.hpp"
#include "session/session.hpp"

#include <optional>
#include <string>

namespace sw::ui {

class BasemapLayer {
  public:
    // Chooses a source (nullopt: none); the old picture goes at the next poll.
    void choose(std::optional<BasemapSource> source);
    const std::optional<BasemapSource>& source() const { return source_; }

    // Once a frame: a picture to upload (once), or an empty image when the basemap was turned
    // off or the data changed (the old picture must go), or nothing new.
    std::optional<BasemapImage> poll(const Session& session, const MapCamera& camera, double now_s);
    // Nothing left to fetch for the view (scripted screenshots wait for this).
    bool settled() const;
    // A map image's view (File > Save map image, at its own size): true once the picture for
    // it is in (or failed); until then it is fetched, without waiting for the view to settle.
    bool readyFor(const Session& session, const MapCamera& camera);
    bool fetching() const { return job_.running(); }
    // The last failure ("basemap ...: could not reach ..."), empty while it works.
    const std::string& message() const { return message_; }
    // What the map's attribution adds ("Basemap (c) OpenStreetMap contributors"); empty
    // without a picture.
    std::string attribution() const;
    void stop() { job_.stop(); }

    // How long the view must be still before it is fetched.
    static constexpr double kSettleSeconds = 0.3;

  private:
    struct View {
        double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
        int w = 0, h = 0;
        bool operator==(const View&) const = default;
    };
    static View viewOf(const MapCamera& camera);
    bool done(const View& v) const; // its picture is shown, or fetching it failed
    void fetch(const Session& session, const View& v);

    std::optional<BasemapSource> source_;
    std::uint64_t source_serial_ = 0, shown_serial_ = 0, job_serial_ = 0;
    BackgroundJob<BasemapImage> job_;
    // seen_: the view now; shown_: the uploaded picture's (none: no picture); requested_: the
    // running fetch's; failed_: the last failed fetch's.
    std::optional<View> seen_, shown_, requested_, failed_;
    double seen_at_ = 0;
    std::uint64_t data_generation_ = 0, job_generation_ = 0;
    std::string message_;
};

} // namespace sw::ui
