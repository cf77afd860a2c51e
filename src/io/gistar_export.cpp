// Gi* cell export.
#include "io/gistar_export.hpp"

#include "io/vector_writer.hpp"

#include <cmath>

namespace sw::io {

Status exportGiStar(const std::string& path, const GiStarResult& r, const std::string& crs,
                    const std::string& description, const VectorWriteOptions& options) {
    using T = FieldSpec::Type;
    // Counts are whole unless layer weights or a weight column made them otherwise.
    bool whole = true;
    for (double v : r.counts.values)
        whole = whole && std::floor(v) == v && std::abs(v) < 2e9;
    auto writer = VectorWriter::create(path, "gistar",
                                       {{"count", whole ? T::Integer : T::Real},
                                        {"gi_z", T::Real},
                                        {"gi_p", T::Real},
                                        {"gi_bin", T::Integer}},
                                       true, crs, options);
    if (!writer)
        return writer.failure();
    writer.value()->setDescription(description);
    auto st = addGridCells(*writer.value(), r.counts, r.in_study, [&r, whole](std::size_t i) {
        const FieldValue count = whole ? FieldValue(static_cast<std::int64_t>(r.counts.values[i]))
                                       : FieldValue(r.counts.values[i]);
        return std::vector<FieldValue>{count, std::round(r.z[i] * 1e4) / 1e4, r.p[i],
                                       std::int64_t(r.bin[i])};
    });
    return st ? writer.value()->commit() : st;
}

} // namespace sw::io
