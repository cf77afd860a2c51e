// Session state and actions.
#include "session/session.hpp"

#include "geo/ward_locator.hpp"

namespace sw {

Session::Session() : layers_(defaultLayers()) {}
Session::~Session() = default;

Status Session::load(const LoadRequest& request, Progress* progress) {
    auto loaded = loadData(request, progress);
    if (!loaded)
        return Error{loaded.error()};
    install(std::move(loaded.value()), request);
    return okStatus();
}

void Session::install(LoadedData data, LoadRequest request) {
    locator_.reset();
    data_ = std::move(data);
    request_ = std::move(request);
    ++generation_;
    if (!data_.wards.empty())
        locator_ = std::make_unique<geo::WardLocator>(data_.wards);
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

Result<WardProfile> Session::wardProfile(const ProfileParams& params) const {
    if (data_.wards.empty())
        return Error{"no wards are loaded"};
    return computeWardProfile(data_.incidents, data_.wards, params, data_.population);
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
