// Gi* cell export.
#include "io/gistar_export.hpp"

#include "io/vector_writer.hpp"

#include <cmath>

namespace sw::io {

Status exportGiStar(const std::string& path, const GiStarResult& r, const std::string& crs,
                    const std::string& description) {
    using T = FieldSpec::Type;
    auto writer = VectorWriter::create(
        path, "gistar",
        {{"count", T::Real}, {"gi_z", T::Real}, {"gi_p", T::Real}, {"gi_bin", T::Integer}}, true,
        crs);
    if (!writer)
        return writer.failure();
    writer.value()->setDescription(description);
    const Grid& g = r.counts;
    for (std::size_t row = 0; row < g.rows; ++row)
        for (std::size_t col = 0; col < g.cols; ++col) {
            const std::size_t i = row * g.cols + col;
            if (!r.in_study.empty() && !r.in_study[i])
                continue;
            const MultiPolygon mp = g.cellSquare(row, col);
            if (auto st = writer.value()->add(
                    {g.values[i], std::round(r.z[i] * 1e4) / 1e4, r.p[i], std::int64_t(r.bin[i])},
                    &mp);
                !st)
                return st;
        }
    return writer.value()->commit();
}

} // namespace sw::io
