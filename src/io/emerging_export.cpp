// Emerging hot spot cell export.
#include "io/emerging_export.hpp"

#include "io/vector_writer.hpp"

#include <cmath>

namespace sw::io {

Status exportEmerging(const std::string& path, const EmergingResult& r, const std::string& crs,
                      const std::string& description) {
    using T = FieldSpec::Type;
    auto writer = VectorWriter::create(path, "emerging",
                                       {{"pattern", T::Text},
                                        {"hot_months", T::Integer},
                                        {"months", T::Integer},
                                        {"trend_z", T::Real},
                                        {"trend_p", T::Real},
                                        {"count", T::Real}},
                                       true, crs);
    if (!writer)
        return writer.failure();
    writer.value()->setDescription(description);
    auto st = addGridCells(*writer.value(), r.shape, r.in_study, [&r](std::size_t i) {
        return std::vector<FieldValue>{std::string(patternName(r.pattern[i])),
                                       std::int64_t(r.hot_months[i]), std::int64_t(r.months),
                                       std::round(r.trend_z[i] * 1e4) / 1e4, r.trend_p[i],
                                       r.shape.values[i]};
    });
    return st ? writer.value()->commit() : st;
}

} // namespace sw::io
