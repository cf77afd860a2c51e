// Emerging hot spot cell export.
#include "io/emerging_export.hpp"

#include "io/vector_writer.hpp"

#include <cmath>

namespace sw::io {

Status exportEmerging(const std::string& path, const EmergingResult& r, const std::string& crs,
                      const std::string& description, const VectorWriteOptions& options) {
    using T = FieldSpec::Type;
    bool whole = true; // counts are whole unless weights made them otherwise
    for (double v : r.shape.values)
        whole = whole && std::floor(v) == v && std::abs(v) < 2e9;
    auto writer = VectorWriter::create(path, "emerging",
                                       {{"pattern", T::Text},
                                        {"hot_months", T::Integer},
                                        {"months", T::Integer},
                                        {"trend_z", T::Real},
                                        {"trend_p", T::Real},
                                        {"count", whole ? T::Integer : T::Real}},
                                       true, crs, options);
    if (!writer)
        return writer.failure();
    writer.value()->setDescription(description);
    auto st = addGridCells(*writer.value(), r.shape, r.in_study, [&r, whole](std::size_t i) {
        const FieldValue count = whole ? FieldValue(static_cast<std::int64_t>(r.shape.values[i]))
                                       : FieldValue(r.shape.values[i]);
        return std::vector<FieldValue>{std::string(patternName(r.pattern[i])),
                                       std::int64_t(r.hot_months[i]),
                                       static_cast<std::int64_t>(r.months),
                                       std::round(r.trend_z[i] * 1e4) / 1e4,
                                       r.trend_p[i],
                                       count};
    });
    return st ? writer.value()->commit() : st;
}

} // namespace sw::io
