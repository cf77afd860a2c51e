// police.uk street-crime rows at BNG points, for tests that build incident files.
#pragma once

#include "geo/crs_transform.hpp"

#include <cstdio>
#include <string>

namespace sw::test {

// One row (CRLF-terminated) at easting/northing e, n; `decimals` of longitude and latitude.
inline std::string policeRowAt(double e, double n, const char* month, const char* type,
                               const char* street = "Here", int decimals = 7) {
    auto t = geo::CrsTransform::create("EPSG:27700", "EPSG:4326");
    double lon = e, lat = n;
    t.value().transform(&lon, &lat, 1);
    char buf[400];
    std::snprintf(buf, sizeof buf,
                  "x,%s,Kent Police,Kent Police,%.*f,%.*f,On or near %s,E01,Medway 001A,%s,,\r\n",
                  month, decimals, lon, decimals, lat, street, type);
    return buf;
}

} // namespace sw::test
