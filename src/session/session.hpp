// The one owner of loaded data and results. CLI and UI act through it; views only read it.
#pragma once

#include "core/context_layer.hpp"
#include "core/layer_rules.hpp"
#include "core/ward_profile.hpp"
#include "session/data_loader.hpp"

#include <memory>

namespace sw {
namespace geo {
class WardLocator;
}

class Session {
  public:
    Session();
    ~Session();
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    // Loads new data; on failure the session keeps what it had and the error is returned.
    Status load(const LoadRequest& request, Progress* progress = nullptr);
    // Installs data loaded elsewhere (a background job), replacing the current data.
    void install(LoadedData data, LoadRequest request);

    const LoadedData& data() const { return data_; }
    const WardSet& wards() const { return data_.wards; }
    const IncidentTable& incidents() const { return data_.incidents; }
    const LoadReport& report() const { return data_.report; }
    // Months with rows in any incident file (a month without is "no data", not zero).
    const MonthCoverage& months() const { return data_.months; }
    // The months with data for the rows of these layers (every crime when none): those every
    // source of them covers (a partner's extract for January to June has no July).
    MonthCoverage monthsOf(const std::vector<LayerRule>& layers) const;
    const LoadRequest& request() const { return request_; }
    // Counts installed loads, so views can tell new data from the data they last read.
    std::uint64_t generation() const { return generation_; }
    bool loaded() const { return !data_.wards.empty() || !data_.incidents.empty(); }

    std::vector<LayerRule>& layers() { return layers_; }
    const std::vector<LayerRule>& layers() const { return layers_; }
    // Layer by name or key (case-insensitive).
    const LayerRule* findLayer(std::string_view name_or_key) const;

    // Context layers over the map (CCTV sites, schools, roads), in the working CRS.
    const std::vector<ContextLayer>& contextLayers() const { return context_; }
    std::vector<ContextLayer>& contextLayers() { return context_; }
    // Reads and projects a vector file; on failure nothing changes and the message is returned.
    Status addContextLayer(const std::string& path);
    // Adds a layer loaded elsewhere (a background job) with the next context colour.
    void installContextLayer(ContextLayer layer);
    void removeContextLayer(std::size_t index);
    // Counts changes to the context layers' geometry (added, removed, re-projected).
    std::uint64_t contextGeneration() const { return context_generation_; }

    Result<WardProfile> wardProfile(const ProfileParams& params) const;
    // The index of the ward holding a working-CRS point, or kOutsideWards.
    std::int32_t wardAt(const Point& p) const;

    // True when any loaded source is the bundled synthetic sample.
    bool synthetic() const;

  private:
    LoadedData data_;
    LoadRequest request_;
    std::vector<LayerRule> layers_;
    std::vector<ContextLayer> context_;
    std::unique_ptr<geo::WardLocator> locator_;
    std::uint64_t generation_ = 0, context_generation_ = 0;
};

} // namespace sw
