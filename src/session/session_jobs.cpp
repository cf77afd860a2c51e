// Background loading, context layers and the live analysis, installed in one place.
#include "session/session_jobs.hpp"

#include "session/context_layers.hpp"

namespace sw {

SessionJobs::SessionJobs(PrepareView prepare, BeforeInstall before_install)
    : prepare_(std::move(prepare)), before_install_(std::move(before_install)) {}

SessionJobs::~SessionJobs() {
    stop();
}

void SessionJobs::load(const Session& session, const LoadRequest& request) {
    loading_request_ = request;
    const std::vector<LayerRule> rules = session.layers();
    const PrepareView prepare = prepare_;
    load_.start([request, rules, prepare](Progress& progress) -> Result<LoadedData> {
        auto data = loadData(request, &progress);
        if (data && prepare)
            prepare(data.value(), rules);
        return data;
    });
}

void SessionJobs::addContext(const std::string& path) {
    queue_.push_back(path);
}

SessionJobs::Events SessionJobs::poll(Session& session) {
    Events ev;
    if (auto r = load_.take()) {
        if (r->ok()) {
            live_.stop(); // the analysis reads the session: stop it before replacing the data
            if (before_install_)
                before_install_();
            installed_request_ = loading_request_;
            session.install(std::move(r->value()), installed_request_);
            ev.data_installed = true;
        } else {
            ev.load_error = r->error();
        }
    }
    if (auto r = context_.take()) {
        if (session.data().working_crs != context_crs_) {
            // Data in another CRS was installed while the layer was read: read it again.
            queue_.insert(queue_.begin(), context_path_);
        } else if (r->ok()) {
            const ContextLayer& c = r->value();
            ev.context_message =
                "Added " + c.name + ": " + std::to_string(c.report.rows_kept) + " features" +
                (c.report.rows_kept < c.report.rows_read
                     ? " (" + std::to_string(c.report.rows_read - c.report.rows_kept) +
                           " skipped: hover its name in Layers)"
                     : "");
            session.installContextLayer(std::move(r->value()));
            ev.context_added = true;
        } else {
            ev.context_message = r->error();
            ev.context_failed = true;
        }
    }
    if (session.loaded() && !load_.running() && !context_.running() && !queue_.empty()) {
        const std::string path = queue_.front();
        queue_.erase(queue_.begin());
        const std::string crs = session.data().working_crs;
        context_path_ = path;
        context_crs_ = crs; // checked when it is installed
        context_.start([path, crs](Progress&) { return loadContextLayer(path, crs); });
    }
    return ev;
}

bool SessionJobs::analyse(const Session& session, const MapAnalysisParams& params, double now_s) {
    live_.request(params, now_s);
    return live_.poll(session, now_s);
}

void SessionJobs::stop() {
    live_.stop();
    load_.stop();
    context_.stop();
}

} // namespace sw
