// Header-based column detection for incident CSV files.
#include "core/incident_schema.hpp"

#include "core/incident_table.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace sw {
namespace {

std::string normalise(std::string_view s) {
    std::string out;
    for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u))
            out.push_back(static_cast<char>(std::tolower(u)));
    }
    return out;
}

int findColumn(const std::vector<std::string>& norm, std::initializer_list<const char*> names) {
    for (const char* name : names) {
        auto it = std::find(norm.begin(), norm.end(), name);
        if (it != norm.end())
            return static_cast<int>(it - norm.begin());
    }
    return -1;
}

int findNamed(const std::vector<std::string>& norm, const std::string& user) {
    const std::string n = normalise(user);
    auto it = std::find(norm.begin(), norm.end(), n);
    return it == norm.end() ? -1 : static_cast<int>(it - norm.begin());
}

constexpr std::array<const char*, 12> kPoliceUkHeader = {"Crime ID",
                                                         "Month",
                                                         "Reported by",
                                                         "Falls within",
                                                         "Longitude",
                                                         "Latitude",
                                                         "Location",
                                                         "LSOA code",
                                                         "LSOA name",
                                                         "Crime type",
                                                         "Last outcome category",
                                                         "Context"};

} // namespace

PoliceUkFile policeUkFileKind(const std::vector<std::string_view>& header) {
    auto has = [&header](const char* name) {
        return std::any_of(header.begin(), header.end(),
                           [name](std::string_view h) { return equalsIgnoreCase(trim(h), name); });
    };
    if (header.size() == kPoliceUkHeader.size() &&
        std::equal(header.begin(), header.end(), kPoliceUkHeader.begin(),
                   [](std::string_view a, const char* b) { return equalsIgnoreCase(trim(a), b); }))
        return PoliceUkFile::Street;
    if (has("Crime ID") && has("Outcome type") && !has("Crime type"))
        return PoliceUkFile::Outcomes;
    if (has("Type") && has("Date") && has("Object of search") && has("Outcome"))
        return PoliceUkFile::StopAndSearch;
    return PoliceUkFile::None;
}

Result<IncidentSchema> detectIncidentSchema(const std::vector<std::string_view>& header,
                                            const CsvColumnOptions& opt,
                                            const PostcodeIndex* postcodes) {
    IncidentSchema s;
    s.field_count = header.size();
    for (auto h : header)
        s.header.emplace_back(h);
    if (header.empty() || (header.size() == 1 && header[0].empty()))
        return Error{"the header line is empty"};

    std::vector<std::string> norm;
    for (auto h : header)
        norm.push_back(normalise(h));
    for (std::size_t i = 0; i < norm.size(); ++i)
        for (std::size_t j = 0; j < i; ++j)
            if (!norm[i].empty() && norm[i] == norm[j]) {
                s.warnings.push_back("line 1: column " + std::to_string(i + 1) + " '" +
                                     std::string(header[i]) + "' repeats column " +
                                     std::to_string(j + 1) + " '" + std::string(header[j]) +
                                     "'; the first is used for coordinates, month and type");
                break;
            }

    s.police_uk =
        header.size() == kPoliceUkHeader.size() &&
        std::equal(header.begin(), header.end(), kPoliceUkHeader.begin(),
                   [](std::string_view a, const char* b) { return equalsIgnoreCase(a, b); });

    // Coordinates: user-named first, then lon/lat, then easting/northing.
    if (!opt.x.empty() || !opt.y.empty()) {
        if (opt.x.empty() || opt.y.empty())
            return Error{"name both coordinate columns (--x-field and --y-field)"};
        s.x_col = findNamed(norm, opt.x);
        s.y_col = findNamed(norm, opt.y);
        if (s.x_col < 0)
            return Error{"no column named '" + opt.x + "' in the header"};
        if (s.y_col < 0)
            return Error{"no column named '" + opt.y + "' in the header"};
        const std::string nx = normalise(opt.x);
        const bool looks_lonlat = nx == "lon" || nx == "long" || nx == "lng" || nx == "longitude";
        s.coords = (opt.lonlat_hint || looks_lonlat) ? CoordKind::LonLat : CoordKind::Projected;
    } else {
        s.x_col = findColumn(norm, {"longitude", "lon", "lng", "long"});
        s.y_col = findColumn(norm, {"latitude", "lat"});
        s.coords = CoordKind::LonLat;
        if (s.x_col < 0 || s.y_col < 0) {
            s.x_col = findColumn(norm, {"easting", "eastings", "x", "xcoord", "xcoordinate", "east",
                                        "gridx", "bngx"});
            s.y_col = findColumn(norm, {"northing", "northings", "y", "ycoord", "ycoordinate",
                                        "north", "gridy", "bngy"});
            s.coords = CoordKind::Projected;
        }
        const int pc = opt.postcode.empty()
                           ? findColumn(norm, {"postcode", "postcodes", "pcds", "pcd", "pcd2",
                                               "postalcode", "addresspostcode"})
                           : findNamed(norm, opt.postcode);
        if ((s.x_col < 0 || s.y_col < 0) && pc >= 0) {
            if (!postcodes)
                return Error{"no coordinates, but a postcode column '" +
                             std::string(header[static_cast<std::size_t>(pc)]) +
                             "': give a postcode file to place the rows (--postcodes FILE: the "
                             "ONS Postcode Directory, NSPL or OS Code-Point Open)"};
            s.x_col = s.y_col = -1;
            s.postcode_col = pc;
            s.postcodes = postcodes;
            s.coords = CoordKind::Projected;
        } else if (s.x_col < 0 || s.y_col < 0) {
            return Error{"no usable coordinate columns (looked for Longitude/Latitude, lon/lat, "
                         "Easting/Northing, x/y, or a postcode with --postcodes; name them with "
                         "--x-field and --y-field)"};
        }
    }

    s.month_first = opt.month_first;
    if (!opt.month.empty()) {
        s.month_col = findNamed(norm, opt.month);
        if (s.month_col < 0)
            return Error{"no column named '" + opt.month + "' in the header"};
    } else {
        s.month_col = findColumn(norm, {"month", "date", "occurred", "dateoccurred", "offencedate",
                                        "incidentdate", "reporteddate", "datetime", "committedon",
                                        "startdate"});
    }
    if (!opt.type.empty()) {
        s.type_col = findNamed(norm, opt.type);
        if (s.type_col < 0)
            return Error{"no column named '" + opt.type + "' in the header"};
    } else {
        s.type_col = findColumn(norm, {"crimetype", "type", "category", "offence", "offencetype",
                                       "offencegroup", "incidenttype", "classification"});
    }

    for (int i = 0; i < static_cast<int>(header.size()); ++i) {
        if (i == s.x_col || i == s.y_col || i == s.month_col || i == s.type_col ||
            i == s.postcode_col)
            continue;
        std::string name(header[static_cast<std::size_t>(i)]);
        if (name.empty())
            name = "field_" + std::to_string(i + 1);
        s.text_cols.push_back(i);
        const std::string& n = norm[static_cast<std::size_t>(i)];
        s.text_plain.push_back(n == "crimeid" || n == "id" || n == "reference" || n == "ref" ||
                               n == "urn" || n == "crimereference" || n == "incidentid" ||
                               n == "fid");
        s.text_names.push_back(std::move(name));
    }
    return s;
}

} // namespace sw
