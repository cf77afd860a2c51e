// The partner pack action, shared by `streetweek export` and File > Export partner pack: the
// pack's layers (session/pack_tables.hpp) in one format, the density surface as GeoTIFF, the
// plan's map as PNG, a README in text and HTML, optionally a zip of it all. Written into a
// temporary folder beside the target and renamed into place only when complete: a failure
// leaves no partial pack, and an existing pack is replaced whole or not at all. A folder that
// exists and is not a streetweek pack (it has no .streetweek-pack marker) is refused unless
// it is empty.
#pragma once

#include "session/pack_tables.hpp"

#include <string>
#include <vector>

namespace sw {

struct PartnerPackRequest {
    PackContentRequest content;
    io::PackFormat format = io::PackFormat::GeoPackage;
    std::string out_dir;
    bool zip = false;
    bool map_image = true;
    std::string plan_path; // named in the README
    std::string title;     // empty: "Street-week partner pack: <plan name>"
    std::string made_on;   // "2026-12-02" (empty: today)
};

struct PartnerPackResult {
    std::string folder, zip;
    std::vector<std::string> files;    // in the folder
    std::vector<std::string> warnings; // suppression off, points included
    std::vector<std::string> notes;    // from the selection
    std::vector<PackLayerSummary> layers;
};

Result<PartnerPackResult> exportPartnerPack(const Session& session, const Plan& plan,
                                            const PartnerPackRequest& request,
                                            Progress* progress = nullptr);

// The marker file every pack folder holds.
constexpr const char* kPackMarker = ".streetweek-pack";

} // namespace sw
