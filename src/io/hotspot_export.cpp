// Hotspot area export.
#include "io/hotspot_export.hpp"

#include "io/vector_writer.hpp"

#include <cmath>

namespace sw::io {

Status exportHotspots(const std::string& path, const std::vector<HotspotArea>& hotspots,
                      const std::vector<std::string>& layer_keys, const std::string& crs,
                      const std::string& description, const VectorWriteOptions& options) {
    using T = FieldSpec::Type;
    std::vector<FieldSpec> fields = {
        {"rank", T::Integer}, {"area_km2", T::Real}, {"incidents", T::Integer}};
    for (const auto& k : layer_keys)
        fields.push_back({k, T::Integer});
    for (auto f : {FieldSpec{"share_pct", T::Real}, FieldSpec{"pai", T::Real},
                   FieldSpec{"peak", T::Real}, FieldSpec{"wards", T::Text}})
        fields.push_back(f);
    auto writer = VectorWriter::create(path, "hotspots", fields, true, crs, options);
    if (!writer)
        return writer.failure();
    writer.value()->setDescription(description);
    auto round = [](double v, double f) { return std::round(v * f) / f; };
    for (const auto& h : hotspots) {
        std::string wards;
        for (const auto& w : h.wards)
            wards += (wards.empty() ? "" : "; ") + w;
        std::vector<FieldValue> v = {std::int64_t(h.stats.rank), round(h.stats.area_km2, 1e4),
                                     h.stats.incidents};
        for (auto c : h.stats.per_layer)
            v.emplace_back(c);
        v.emplace_back(round(h.stats.share * 100, 1e3));
        v.emplace_back(round(h.stats.pai, 1e3));
        v.emplace_back(round(h.stats.peak, 1e3));
        v.emplace_back(wards);
        if (auto st = writer.value()->add(v, &h.shape); !st)
            return st;
    }
    return writer.value()->commit();
}

} // namespace sw::io
