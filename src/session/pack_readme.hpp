// The partner pack's README, as text and as HTML from one document: what the pack is, the
// period and layers, each layer's fields (with a shapefile's short names), the hotspot, Gi*
// and suggestion parameters, the disclosure control applied, the data sources and the
// attributions their licences require.
#pragma once

#include "core/target_area.hpp"
#include "io/pack_layer_writer.hpp"
#include "session/pack_tables.hpp"

#include <string>
#include <vector>

namespace sw {

struct PackReadmeInput {
    std::string title, made_on, plan_path;
    io::PackFormat format = io::PackFormat::GeoPackage;
    std::int64_t suppress = 5;
    bool include_points = false, synthetic = false, map_image = true;
    const PackContent* content = nullptr;
    const Plan* plan = nullptr;
    const LoadRequest* sources = nullptr;
    // The load's sources (public or not) and what was done to the places of those that are not.
    const std::vector<IncidentSource>* incident_sources = nullptr;
    std::string masking;
    std::size_t mask_min_rows = 5; // density cells fewer masked rows reach: public rows only
    const io::WrittenLayers* written = nullptr;
    std::vector<std::string> files; // every file of the pack, for the list
};

struct PackReadme {
    std::string text, html;
};

PackReadme packReadme(const PackReadmeInput& in);

// The attribution lines the licences require (police.uk data, ONS and OS boundaries), also
// printed on the pack's map.
// partners: partnerDataCredit's sentence (empty: police.uk's data only).
std::string packAttribution(bool synthetic, int year, const std::string& partners = "");

} // namespace sw
