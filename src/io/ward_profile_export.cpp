// Ward profile export.
#include "io/ward_profile_export.hpp"

#include "core/atomic_file.hpp"
#include "core/text.hpp"
#include "io/vector_writer.hpp"

#include <algorithm>

#include <cmath>
#include <filesystem>

namespace sw::io {

Status exportWardProfile(const WardProfile& prof, const WardSet& wards, const std::string& path,
                         const std::string& crs, const std::string& about,
                         const VectorWriteOptions& options) {
    using T = FieldSpec::Type;
    std::vector<FieldSpec> fields = {
        {"ward_code", T::Text}, {"ward_name", T::Text}, {"count", T::Integer}};
    // One field per layer, never two of one name (SQLite and dBASE refuse a second): a key that
    // is taken, by another layer or a fixed field, ends in _2, _3, ... (within 10 characters)
    const auto taken = [&](const std::string& name) {
        for (const char* fixed : {"population", "rate_1000", "rank", "prev_count", "change",
                                  "change_pct", "ly_count", "ly_change"})
            if (equalsIgnoreCase(name, fixed))
                return true;
        return std::any_of(fields.begin(), fields.end(),
                           [&](const FieldSpec& f) { return equalsIgnoreCase(f.name, name); });
    };
    for (const auto& k : prof.layer_keys) {
        std::string name = k;
        for (int n = 2; taken(name); ++n) { // at most 10 characters, a shapefile's limit
            const std::string suffix = "_" + std::to_string(n);
            name = k.substr(0, 10 - std::min<std::size_t>(suffix.size(), 10)) + suffix;
        }
        fields.push_back({name, T::Integer});
    }
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
        // No data (no source of it covers the period) is NULL, never 0.
        const bool counted = prof.count_data != PeriodData::None;
        std::vector<FieldValue> v = {r.code, r.name,
                                     counted ? FieldValue(r.count) : FieldValue(std::monostate{})};
        for (std::size_t l = 0; l < r.layer_counts.size(); ++l)
            if (l < prof.layer_data.size() && prof.layer_data[l] == PeriodData::None)
                v.emplace_back(std::monostate{});
            else
                v.emplace_back(r.layer_counts[l]);
        if (whole && r.population)
            v.emplace_back(static_cast<std::int64_t>(*r.population));
        else
            v.push_back(opt(r.population));
        v.push_back(counted ? opt(r.rate_per_1000) : FieldValue(std::monostate{}));
        if (counted)
            v.emplace_back(static_cast<std::int64_t>(r.rank));
        else
            v.emplace_back(std::monostate{});
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
