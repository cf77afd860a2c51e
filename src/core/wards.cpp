// Ward set helpers.
#include "core/wards.hpp"

#include "core/incident_table.hpp"

namespace sw {

Box WardSet::bounds() const {
    Box b = emptyBox();
    for (const auto& w : wards) {
        if (boxIsEmpty(w.bounds))
            continue;
        bg::expand(b, w.bounds);
    }
    return b;
}

double WardSet::areaKm2() const {
    double a = 0;
    for (const auto& w : wards)
        a += w.area_km2;
    return a;
}

int WardSet::find(std::string_view key) const {
    for (std::size_t i = 0; i < wards.size(); ++i)
        if (wards[i].code == key)
            return static_cast<int>(i);
    for (std::size_t i = 0; i < wards.size(); ++i)
        if (equalsIgnoreCase(wards[i].name, key))
            return static_cast<int>(i);
    return -1;
}

} // namespace sw
