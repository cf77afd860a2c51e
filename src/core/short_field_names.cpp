// The fixed long-to-short field-name table and collision-free shortening.
#include "core/short_field_names.hpp"

#include <algorithm>
#include <cctype>
#include <set>

namespace sw {
namespace {

std::string lowered(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

} // namespace

const std::vector<std::pair<std::string, std::string>>& shortFieldTable() {
    static const std::vector<std::pair<std::string, std::string>> table = {
        {"week_start", "week"},
        {"lead_agency", "lead"},
        {"shape_kind", "shape"},
        {"prev_incidents", "prev_inc"},
        {"top_streets", "streets"},
        {"suppressed_fields", "supp_flds"},
        {"peak_density", "peak"},
        {"rate_per_1000", "rate_1000"},
        {"change_pct", "chg_pct"},
        {"last_year_incidents", "ly_inc"},
        {"last_year_change", "ly_change"},
        {"centroid_easting", "cent_e"},
        {"centroid_northing", "cent_n"},
        {"confidence", "confidence"},
    };
    return table;
}

std::vector<std::string> shortFieldNames(const std::vector<std::string>& names) {
    std::vector<std::string> out;
    std::set<std::string> taken;
    for (const auto& name : names) {
        std::string base = name;
        for (const auto& [long_name, short_name] : shortFieldTable())
            if (long_name == name)
                base = short_name;
        if (base.size() > 10)
            base.resize(10);
        std::string pick = base;
        for (int k = 2; taken.count(lowered(pick)); ++k) {
            const std::string suffix = "_" + std::to_string(k);
            pick = base.substr(0, std::min(base.size(), 10 - suffix.size())) + suffix;
        }
        taken.insert(lowered(pick));
        out.push_back(pick);
    }
    return out;
}

} // namespace sw
