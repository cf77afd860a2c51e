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
    const Grid& g = r.shape;
    for (std::size_t row = 0; row < g.rows; ++row)
        for (std::size_t col = 0; col < g.cols; ++col) {
            const std::size_t i = row * g.cols + col;
            if (!r.in_study.empty() && !r.in_study[i])
                continue;
            const MultiPolygon mp = g.cellSquare(row, col);
            if (auto st = writer.value()->add(
                    {std::string(patternName(r.pattern[i])), std::int64_t(r.hot_months[i]),
                     std::int64_t(r.months), std::round(r.trend_z[i] * 1e4) / 1e4, r.trend_p[i],
                     g.values[i]},
                    &mp);
                !st)
                return st;
        }
    return writer.value()->commit();
}

} // namespace sw::io
