// Session state and actions.
#include "session/session.hpp"

#include "geo/ward_locator.hpp"
#include "session/context_layers.hpp"

#include <algorithm>

namespace sw {

Session::Session() : layers_(defaultLayers()) {}
Session::~Session() = default;

Status Session::load(const LoadRequest& request, Progress* progress) {
    auto loaded = loadData(request, progress);
    if (!loaded)
        return loaded.failure();
    install(std::move(loaded.value()), request);
    return okStatus();
}

void Session::install(LoadedData data, LoadRequest request) {
    locator_.reset();
    const bool crs_changed = data.working_crs != data_.working_crs;
    data_ = std::move(data);
    request_ = std::move(request);
    // Stop and search records, when loaded, get their own layer (never part of a crime layer).
    const auto search_rows = data_.incidents.rowsOfKind(kStopAndSearchKind);
    const bool searches = std::find(search_rows.begin(), search_rows.end(), 1) != search_rows.end();
    if (searches && std::none_of(layers_.begin(), layers_.end(),
                                 [](const LayerRule& l) { return l.kind == kStopAndSearchKind; }))
        layers_.push_back(stopAndSearchLayer());
    ++generation_;
    if (crs_changed && !context_.empty())
        ++context_generation_;
    if (crs_changed)
        for (auto& c : context_) {
            // Context layers follow the new working CRS (a layer that no longer projects keeps
            // its style, shows nothing and says why).
            auto again = loadContextLayer(c.path, data_.working_crs);
            ContextLayer fresh = again ? std::move(again.value()) : ContextLayer{};
            if (!again) {
                fresh.name = c.name;
                fresh.path = c.path;
                fresh.report.error = again.error();
            }
            fresh.colour = c.colour;
            fresh.size_px = c.size_px;
            fresh.visible = c.visible;
            c = std::move(fresh);
        }
    if (!data_.wards.empty())
        locator_ = std::make_unique<geo::WardLocator>(data_.wards);
}

Status Session::addContextLayer(const std::string& path) {
    auto layer = loadContextLayer(path, data_.working_crs);
    if (!layer)
        return layer.failure();
    installContextLayer(std::move(layer.value()));
    return okStatus();
}

void Session::installContextLayer(ContextLayer layer) {
    layer.colour = contextColour(context_.size());
    context_.push_back(std::move(layer));
    ++context_generation_;
}

void Session::removeContextLayer(std::size_t index) {
    if (index >= context_.size())
        return;
    context_.erase(context_.begin() + static_cast<std::ptrdiff_t>(index));
    ++context_generation_;
}

std::int32_t Session::wardAt(const Point& p) const {
    return locator_ ? locator_->locate(p.x(), p.y()) : kOutsideWards;
}

const LayerRule* Session::findLayer(std::string_view name) const {
    for (const auto& l : layers_)
        if (equalsIgnoreCase(l.name, name) || equalsIgnoreCase(l.key, name))
            return &l;
    return nullptr;
}

MonthCoverage Session::monthsOf(const std::vector<LayerRule>& layers) const {
    if (layers.empty())
        return coverageOf(data_.incidents, {}).full;
    const auto masks = layerMasks(layers, data_.incidents);
    std::vector<std::uint8_t> rows(masks.size());
    for (std::size_t i = 0; i < masks.size(); ++i)
        rows[i] = masks[i] != 0;
    return coverageOf(data_.incidents, rows).full;
}

Result<WardProfile> Session::wardProfile(const ProfileParams& params) const {
    if (data_.wards.empty())
        return Error{"no wards are loaded"};
    auto period = checkPeriod(data_.months, params.from, params.to);
    if (!period)
        return period.failure();
    auto profile =
        computeWardProfile(data_.incidents, data_.wards, params, data_.population, &data_.months);
    if (profile)
        profile.value().notes.insert(profile.value().notes.begin(), period.value().begin(),
                                     period.value().end());
    return profile;
}

bool Session::synthetic() const {
    auto has = [](const std::string& p) { return p.find("synthetic") != std::string::npos; };
    if (has(data_.wards.source_path))
        return true;
    for (const auto& f : data_.incidents.files)
        if (has(f))
            return true;
    return false;
}

} // namespace sw
