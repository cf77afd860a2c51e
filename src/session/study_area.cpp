// Study-area cell mask via the ward locator.
#include "session/study_area.hpp"

#include "geo/ward_locator.hpp"

#include <filesystem>

namespace sw {

std::vector<std::uint8_t> studyCells(const WardSet& wards, const Grid& g, unsigned threads) {
    if (wards.empty())
        return {};
    const std::size_t n = g.rows * g.cols;
    std::vector<double> cx(n), cy(n);
    for (std::size_t r = 0; r < g.rows; ++r)
        for (std::size_t c = 0; c < g.cols; ++c) {
            cx[r * g.cols + c] = g.cellCentreX(c);
            cy[r * g.cols + c] = g.cellCentreY(r);
        }
    std::vector<std::int32_t> ward(n);
    geo::WardLocator(wards).assign(cx.data(), cy.data(), ward.data(), n, threads);
    std::vector<std::uint8_t> in(n);
    for (std::size_t i = 0; i < n; ++i)
        in[i] = ward[i] >= 0 ? 1 : 0;
    return in;
}

Box studyExtent(const Session& session, double cell) {
    Box b = session.wards().bounds();
    if (boxIsEmpty(b))
        b = session.incidents().bounds();
    if (boxIsEmpty(b))
        return b;
    return alignToCells(b, cell);
}

std::string districtName(const Session& s) {
    if (!s.wards().district.empty())
        return s.wards().district;
    return std::filesystem::path(s.wards().source_path).stem().string();
}

} // namespace sw
