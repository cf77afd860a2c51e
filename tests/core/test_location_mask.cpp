// Protected locations: every non-public row moves into the ring around its place, public rows
// stay, one place moves as one, and the move depends on the key.
#include "core/incident_table.hpp"
#include "core/location_mask.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <set>

using namespace sw;

namespace {
void addRow(IncidentTable& t, double x, double y, std::uint16_t file, std::uint32_t line) {
    t.x.push_back(x);
    t.y.push_back(y);
    t.month.push_back(makeMonth(2025, 1));
    t.ward.push_back(0);
    t.line.push_back(line);
    t.file.push_back(file);
    t.crime_type.push("Noise nuisance");
}

// File 0: police.uk's (public) snap points on a 100 m lattice; file 1: a partner's rows.
IncidentTable mixed() {
    IncidentTable t;
    t.files = {"police.csv", "partner.csv"};
    t.source_of_file = {0, 1};
    IncidentSource police, partner;
    police.name = "police.uk street-level crime";
    police.is_public = true;
    partner.name = "partner.csv";
    t.sources = {police, partner};
    std::uint32_t line = 1;
    for (int i = 0; i <= 40; ++i)
        for (int j = 0; j <= 40; ++j)
            addRow(t, 500000 + 100.0 * i, 160000 + 100.0 * j, 0, ++line);
    for (int k = 0; k < 200; ++k) // 200 places across the middle, and one address three times
        addRow(t, 501000 + 11.0 * k, 161000 + 7.0 * k, 1, ++line);
    for (int k = 0; k < 3; ++k)
        addRow(t, 502000, 162000, 1, ++line);
    return t;
}
} // namespace

TEST_CASE("masking moves each non-public row 250 to 500 m, onto a public point where it can") {
    const IncidentTable before = mixed();
    IncidentTable t = before;
    LocationMaskParams p;
    p.key = 12345;
    const auto rep = maskNonPublicLocations(t, p);
    CHECK(rep.moved == 203);
    CHECK(rep.snapped > 150); // a 100 m lattice of snap points: most moves end on one
    std::set<std::pair<double, double>> snaps;
    for (std::size_t i = 0; i < before.size(); ++i)
        if (before.rowIsPublic(i))
            snaps.insert({before.x[i], before.y[i]});
    std::size_t on_snap = 0;
    for (std::size_t i = 0; i < t.size(); ++i) {
        const double d = std::hypot(t.x[i] - before.x[i], t.y[i] - before.y[i]);
        if (before.rowIsPublic(i)) {
            CHECK(d == 0.0); // police.uk's rows are as published
            continue;
        }
        CHECK(d >= 250.0 - 1e-9);
        CHECK(d <= 500.0 + 1e-9);
        on_snap += snaps.count({t.x[i], t.y[i]});
    }
    CHECK(on_snap == rep.snapped);
    // One address, three rows: one point (not three around the home).
    const std::size_t n = t.size();
    CHECK(t.x[n - 1] == t.x[n - 2]);
    CHECK(t.y[n - 1] == t.y[n - 3]);
    // The same key: the same moves; another key: other moves.
    IncidentTable same = before, other = before;
    maskNonPublicLocations(same, p);
    p.key = 999;
    maskNonPublicLocations(other, p);
    CHECK(same.x == t.x);
    std::size_t differ = 0;
    for (std::size_t i = 0; i < t.size(); ++i)
        differ += t.x[i] != other.x[i] ? 1 : 0;
    CHECK(differ > 150);
}

TEST_CASE("a table without sources is left alone; the method is stated") {
    IncidentTable t;
    addRow(t, 1, 2, 0, 1);
    CHECK(maskNonPublicLocations(t, {}).moved == 0);
    CHECK(t.x[0] == 1);
    CHECK(describeMasking({}).find("moved 250 to 500 m") == 0);
}
