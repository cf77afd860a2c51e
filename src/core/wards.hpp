// Ward boundaries in the working CRS: code, name, polygons (holes and parts kept), area.
#pragma once

#include "core/geometry.hpp"

#include <string>
#include <vector>

namespace sw {

struct Ward {
    std::string code;   // ONS code, e.g. E05002249
    std::string name;   // e.g. Chatham Central
    MultiPolygon shape; // working CRS metres
    Box bounds = emptyBox();
    double area_km2 = 0.0;
    std::uint64_t feature = 0; // feature number in the source file (1-based)
};

struct WardSet {
    std::vector<Ward> wards;
    std::string source_path;
    std::string code_field, name_field; // the attribute fields used
    std::string district; // from a LADnnNM field ("Medway"); empty when the file has none

    std::size_t size() const { return wards.size(); }
    bool empty() const { return wards.empty(); }
    Box bounds() const;
    double areaKm2() const;
    // Index of a ward by code or (case-insensitive) name; -1 when absent.
    int find(std::string_view code_or_name) const;
};

} // namespace sw
