// The map window's basemap: follows the view, fetching in the background.
#include "ui/basemap_layer.hpp"

#include "session/basemap_view.hpp"

namespace sw::ui {

void BasemapLayer::choose(std::optional<BasemapSource> source) {
    job_.cancel(); // a fetch for the old source stops at its next chunk; its result is dropped
    source_ = std::move(source);
    ++source_serial_;
    message_.clear();
    failed_.reset();
}

BasemapLayer::View BasemapLayer::viewOf(const MapCamera& camera) {
    const Box b = camera.visibleWorld();
    return {b.min_corner().x(),
            b.min_corner().y(),
            b.max_corner().x(),
            b.max_corner().y(),
            static_cast<int>(camera.width() + 0.5),
            static_cast<int>(camera.height() + 0.5)};
}

std::optional<BasemapImage> BasemapLayer::poll(const Session& session, const MapCamera& camera,
                                               double now_s) {
    std::optional<BasemapImage> out;
    if (auto done = job_.take()) {
        if (job_serial_ == source_serial_ && job_generation_ == session.generation()) {
            if (done->ok()) {
                out = std::move(done->value());
                shown_ = requested_;
                shown_serial_ = job_serial_;
                message_.clear();
                failed_.reset();
            } else {
                message_ = done->error();
                failed_ = requested_; // not asked again until the view moves
            }
        }
        requested_.reset();
    }
    // A picture that no longer belongs (basemap off, another source, new data): it goes.
    const bool stale = shown_ && (shown_serial_ != source_serial_ || !source_ ||
                                  session.generation() != data_generation_);
    if (stale) {
        shown_.reset();
        if (!out)
            out = BasemapImage{};
    }
    if (session.generation() != data_generation_) {
        data_generation_ = session.generation();
        failed_.reset();
    }
    if (!source_ || !session.loaded())
        return out;
    const View v = viewOf(camera);
    if (!seen_ || !(*seen_ == v)) {
        seen_ = v;
        seen_at_ = now_s;
    }
    if (!done(v) && !job_.running() && now_s - seen_at_ >= kSettleSeconds)
        fetch(session, v);
    return out;
}

bool BasemapLayer::done(const View& v) const {
    return (shown_ && *shown_ == v && shown_serial_ == source_serial_) ||
           (failed_ && *failed_ == v);
}

void BasemapLayer::fetch(const Session& session, const View& v) {
    if (v.w <= 0 || v.h <= 0 || !source_)
        return;
    const Box box(Point(v.x0, v.y0), Point(v.x1, v.y1));
    job_serial_ = source_serial_;
    job_generation_ = session.generation();
    requested_ = v;
    job_.start([crs = session.data().working_crs, source = *source_, box, v](Progress& p) {
        return basemapImage(crs, source, box, v.w, v.h, &p);
    });
}

bool BasemapLayer::readyFor(const Session& session, const MapCamera& camera) {
    if (!source_ || !session.loaded())
        return true;
    const View v = viewOf(camera);
    if (done(v))
        return true;
    if (!job_.running() && !requested_) // a finished job is collected by poll() first
        fetch(session, v);
    return false;
}

bool BasemapLayer::settled() const {
    if (!source_)
        return true;
    return !job_.running() && seen_ && done(*seen_);
}

std::string BasemapLayer::attribution() const {
    if (!shown_ || !source_ || source_->attribution.empty())
        return {};
    return "Basemap " + source_->attribution + ".";
}

} // namespace sw::ui
