#include "session/selection_density.hpp"

#include "core/protected_density.hpp"

namespace sw {

std::vector<std::uint8_t> maskedPoints(const Session& session, const Selection& selection) {
    std::vector<std::uint8_t> out;
    if (session.request().exact_locations)
        return out;
    const IncidentTable& t = session.incidents();
    out.reserve(selection.rows.size());
    bool any = false;
    for (const auto row : selection.rows) {
        const bool masked = !t.rowIsPublic(row);
        any = any || masked;
        out.push_back(masked ? 1 : 0);
    }
    if (!any)
        out.clear();
    return out;
}

Result<KdeResult> selectionDensity(const Session& session, const Selection& selection,
                                   const KdeParams& params, const Box& extent,
                                   std::vector<std::string>& notes, Progress* progress) {
    const std::size_t min_rows = session.request().mask_min_rows;
    auto res = computeProtectedKde(selection.points, maskedPoints(session, selection), min_rows,
                                   params, extent, progress);
    if (!res)
        return res.failure();
    if (res.value().suppressed_cells)
        notes.push_back("protected locations: " + std::to_string(res.value().suppressed_cells) +
                        " cells reached by fewer than " + std::to_string(min_rows) +
                        " rows of sources that are not public show the public rows' density only");
    return std::move(res.value().kde);
}

} // namespace sw
