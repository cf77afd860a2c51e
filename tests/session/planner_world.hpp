// The planner tests' world: two square wards with populations and police.uk rows placed by
// BNG coordinates.
#pragma once

#include "police_rows.hpp"
#include "session/session.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

namespace sw::test {

// West [570000,571000] and East [571000,572000] x [160000,161000]; populations 2000 and 4000.
struct World {
    TempDir dir;
    LoadRequest request;
    std::string csv = kPoliceHeader;
    void add(double e, double n, const char* month, const char* type, const char* street,
             int times = 1) {
        for (int i = 0; i < times; ++i)
            csv += policeRowAt(e, n, month, type, street);
    }
    void load(Session& s) {
        request.wards_path = writeFile(dir.file("wards.geojson"), twoSquareWardsGeoJson());
        request.incident_paths = {writeFile(dir.file("inc.csv"), csv)};
        request.population_path = writeFile(
            dir.file("pop.csv"), "ward_code,population\r\nE05000001,2000\r\nE05000002,4000\r\n");
        REQUIRE(s.load(request));
    }
};

} // namespace sw::test
