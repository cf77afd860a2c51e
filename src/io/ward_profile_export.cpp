// Ward profile export.
#include "io/ward_profile_export.hpp"
#include "core/atomic_file.hpp"

#include "io/vector_writer.hpp"

#include <cmath>
#include <filesystem>

namespace sw::io {

Status exportWardProfile(const WardProfile& prof, const WardSet& wards, const std::string& path,
                         const std::string& crs, const std::string& about,
                         const VectorWriteOptions& options) {
    using T = FieldSpec::Type;
    std::vector<FieldSpec> fields = {
        {"ward_code", T::Text}, {"ward_name", T::Text}, {"count", T::Integer}};
    for (const auto& k : prof.layer_keys)
        fields.push_back({k, T::Integer});
    // Residents are whole numbers in every published table: an Integer field then.
    bool whole = true;
    for (const auto& r : prof.rows)
        whole = whole && (!r.population || std::floor(*r.population) == *r.population);
    for (FieldSpec f :
         {FieldSpec{"population", whole ? T::Integer : T::Real}, FieldSpec{"rate_1000", T::Real},
          FieldSpec{"rank", T::Integer}, FieldSpec{"prev_count", T::Integer},
          FieldSpec{"change", T::Integer}, FieldSpec{"change_pct", T::Real},
          FieldSpec{"ly_count", T::Integer}, FieldSpec{"ly_change", T::Integer}})
        fields.push_back(f);
    auto writer = VectorWriter::create(path, "ward_profile", fields, true, crs, options);
    if (!writer)
        return writer.failure();
    auto& w = *writer.value();
    w.setDescription(about);
    auto opt = [](const auto& o) -> FieldValue {
        if (!o)
            return std::monostate{};
        using V = std::decay_t<decltype(*o)>;
        if constexpr (std::is_floating_point_v<V>)
            return std::round(static_cast<double>(*o) * 1000.0) / 1000.0; // 3 decimals
        else
            return static_cast<std::int64_t>(*o);
    };
    for (const auto& r : prof.rows) {
        std::vector<FieldValue> v = {r.code, r.name, r.count};
        for (auto c : r.layer_counts)
            v.emplace_back(c);
        if (whole && r.population)
            v.emplace_back(static_cast<std::int64_t>(*r.population));
        else
            v.push_back(opt(r.population));
        v.push_back(opt(r.rate_per_1000));
        v.emplace_back(static_cast<std::int64_t>(r.rank));
        v.push_back(opt(r.prev_count));
        v.push_back(opt(r.change));
        v.push_back(opt(r.change_pct));
        v.push_back(opt(r.last_year_count));
        v.push_back(opt(r.last_year_change));
        if (auto st = w.add(v, &wards.wards[r.ward].shape); !st)
            return st;
    }
    if (auto st = w.commit(); !st)
        return st;
    namespace fs = std::filesystem;
    const fs::path p(path);
    return writeFileAtomically((p.parent_path() / (p.stem().string() + "_about.txt")).string(),
                               about);
}

} // namespace sw::io
