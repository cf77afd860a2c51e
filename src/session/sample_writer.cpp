// Synthetic sample files.
#include "session/sample_writer.hpp"

#include "core/atomic_file.hpp"
#include "geo/crs_transform.hpp"
#include "geo/polygon_repair.hpp"
#include "geo/voronoi_cells.hpp"
#include "io/vector_writer.hpp"
#include "io/zip_writer.hpp"

#include <cstdio>
#include <filesystem>
#include <optional>

namespace sw {
namespace fs = std::filesystem;

namespace {

const char* kOutcomes[] = {"Investigation complete; no suspect identified",
                           "Unable to prosecute suspect",
                           "Under investigation",
                           "Status update unavailable",
                           "Awaiting court outcome",
                           "Local resolution",
                           "Offender given a caution",
                           "Action to be taken by another organisation",
                           "Further investigation is not in the public interest",
                           "Court result unavailable"};

const char* kHeader =
    "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,"
    "LSOA name,Crime type,Last outcome category,Context\r\n";

std::string readmeText(const SampleParams& p, std::uint64_t rows) {
    char buf[2048];
    std::snprintf(
        buf, sizeof buf,
        "SYNTHETIC SAMPLE DATA - NOT REAL CRIME DATA\r\n"
        "==========================================\r\n\r\n"
        "Written by `streetweek sample --months %d --scale %g --seed %llu`.\r\n\r\n"
        "- synthetic_medway_wards.geojson: 22 synthetic ward polygons (EPSG:27700) carrying\r\n"
        "  the names of Medway's 2003-2023 wards and made-up codes (E059999nn). The shapes are\r\n"
        "  a Voronoi tessellation, not the real boundaries.\r\n"
        "- synthetic_medway_ward_population.csv: made-up ward populations (about 280,000 in "
        "all).\r\n"
        "- incidents: %llu rows in police.uk street-level CSV format, one file per month from\r\n"
        "  %s, about 4,000 a month across all 14 crime types, concentrated in invented\r\n"
        "  town-centre and estate hotspots (one emerging, one diminishing). About 1%% of rows "
        "have\r\n"
        "  no location, as in real files; ASB rows have no Crime ID. A few Context values\r\n"
        "  mention a knife, to exercise text-matching layer rules.\r\n\r\n"
        "Nothing here describes real people, places or events.\r\n",
        p.months, p.scale, static_cast<unsigned long long>(p.seed),
        static_cast<unsigned long long>(rows), formatMonth(p.first_month).c_str());
    return buf;
}

} // namespace

WardSet syntheticWards() {
    const auto seeds = syntheticWardSeeds();
    std::vector<Point> pts;
    for (const auto& s : seeds)
        pts.push_back(s.seed);
    auto cells = geo::voronoiCells(pts, syntheticDistrict());
    WardSet wards;
    wards.source_path = "synthetic";
    for (std::size_t i = 0; i < seeds.size(); ++i) {
        Ward w;
        w.code = seeds[i].code;
        w.name = seeds[i].name;
        w.shape = cells[i];
        if (w.name == "Peninsula")
            w.shape = geo::unionOf(w.shape, syntheticIsland());
        bg::envelope(w.shape, w.bounds);
        w.area_km2 = geo::polygonArea(w.shape) / 1e6;
        w.feature = i + 1;
        wards.wards.push_back(std::move(w));
    }
    return wards;
}

Result<SampleOutput> writeSyntheticSample(const SampleParams& params, const std::string& dir,
                                          bool zip, Progress* progress) {
    if (auto st = params.validate(); !st)
        return st.failure();
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec)
        return Error{dir + ": cannot create the folder (" + ec.message() + ")"};
    SampleOutput out;
    const WardSet wards = syntheticWards();
    const auto seeds = syntheticWardSeeds();

    // Wards.
    out.wards_path = (fs::path(dir) / "synthetic_medway_wards.geojson").string();
    {
        using T = io::FieldSpec::Type;
        auto w = io::VectorWriter::create(out.wards_path, "synthetic_medway_wards",
                                          {{"WD13CD", T::Text}, {"WD13NM", T::Text}}, true,
                                          "EPSG:27700");
        if (!w)
            return w.failure();
        for (const auto& ward : wards.wards)
            if (auto st = w.value()->add({ward.code, ward.name}, &ward.shape); !st)
                return st.failure();
        if (auto st = w.value()->commit(); !st)
            return st.failure();
    }
    // Population.
    out.population_path = (fs::path(dir) / "synthetic_medway_ward_population.csv").string();
    {
        std::string csv = "ward_code,ward_name,population\r\n";
        for (const auto& s : seeds)
            csv += s.code + "," + s.name + "," + std::to_string(static_cast<long>(s.population)) +
                   "\r\n";
        if (auto st = writeFileAtomically(out.population_path, csv); !st)
            return st.failure();
    }
    // Incidents, month by month.
    SyntheticIncidentGenerator gen(wards, params);
    const auto& mps = gen.mapPoints();
    std::vector<double> lon(mps.size()), lat(mps.size());
    for (std::size_t i = 0; i < mps.size(); ++i) {
        lon[i] = mps[i].x;
        lat[i] = mps[i].y;
    }
    auto to_wgs84 = geo::CrsTransform::create("EPSG:27700", "EPSG:4326");
    if (!to_wgs84)
        return Error{to_wgs84.error()};
    to_wgs84.value().transform(lon.data(), lat.data(), lon.size());

    std::optional<io::ZipWriter> archive;
    const std::string last = formatMonth(params.first_month + params.months - 1);
    if (zip) {
        out.incidents_path =
            (fs::path(dir) /
             ("synthetic_medway_street_" + formatMonth(params.first_month) + "_" + last + ".zip"))
                .string();
        auto z = io::ZipWriter::create(out.incidents_path);
        if (!z)
            return z.failure();
        archive.emplace(std::move(z.value()));
    } else {
        out.incidents_path = (fs::path(dir) / "incidents").string();
        fs::create_directories(out.incidents_path, ec);
        if (ec)
            return Error{out.incidents_path + ": cannot create the folder (" + ec.message() + ")"};
    }
    if (progress)
        progress->reset(params.expectedTotal());
    const auto& types = syntheticCrimeTypes();
    for (int k = 0; k < params.months; ++k) {
        const MonthIndex m = params.first_month + k;
        const std::string month = formatMonth(m);
        const auto incidents = gen.month(k);
        std::string csv = kHeader;
        csv.reserve(incidents.size() * 220);
        char num[64];
        for (std::size_t r = 0; r < incidents.size(); ++r) {
            const auto& inc = incidents[r];
            const bool asb = inc.type == 0;
            if (!asb)
                csv += SyntheticIncidentGenerator::crimeId(params.seed, m, r);
            csv += "," + month + ",Kent Police,Kent Police,";
            if (inc.map_point >= 0) {
                const auto& mp = mps[static_cast<std::size_t>(inc.map_point)];
                std::snprintf(num, sizeof num, "%.6f,%.6f,",
                              lon[static_cast<std::size_t>(inc.map_point)],
                              lat[static_cast<std::size_t>(inc.map_point)]);
                csv += num;
                csv += mp.street + "," + mp.lsoa_code + "," + mp.lsoa_name + ",";
            } else {
                csv += ",,No Location,,,";
            }
            csv += types[inc.type];
            csv += ",";
            if (!asb)
                csv += kOutcomes[(r * 2654435761u + static_cast<std::size_t>(k)) %
                                 std::size(kOutcomes)];
            csv += ",";
            if (inc.knife_context)
                csv += "Suspect reported carrying a knife";
            csv += "\r\n";
        }
        const std::string name = month + "-synthetic-medway-street.csv";
        const Status st =
            archive ? archive->add(name, csv)
                    : writeFileAtomically((fs::path(out.incidents_path) / name).string(), csv);
        if (!st)
            return st.failure();
        out.rows += incidents.size();
        if (progress)
            progress->add(incidents.size());
    }
    if (archive)
        if (auto st = archive->close(); !st)
            return st.failure();
    out.readme_path = (fs::path(dir) / "SYNTHETIC_README.txt").string();
    if (auto st = writeFileAtomically(out.readme_path, readmeText(params, out.rows)); !st)
        return st.failure();
    return out;
}

} // namespace sw
