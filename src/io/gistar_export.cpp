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
    auto st = addGridCells(*writer.value(), r.counts, r.in_study, [&r](std::size_t i) {
        return std::vector<FieldValue>{r.counts.values[i], std::round(r.z[i] * 1e4) / 1e4, r.p[i],
                                       std::int64_t(r.bin[i])};
    });
    return st ? writer.value()->commit() : st;
}

} // namespace sw::io
