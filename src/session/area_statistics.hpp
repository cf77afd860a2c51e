// The statistics of a target area for the chosen period and layers: incidents per layer,
// share of the study area's incidents, PAI, area, the wards it touches, residents, the same
// figures for the previous period of the same length, and the streets with the most
// incidents inside (police.uk's "On or near <street>"), which is what the team will walk.
// Prepared once per selection, so an area being drawn or dragged is counted every frame.
#pragma once

#include "core/month_coverage.hpp"
#include "core/result.hpp"
#include "session/incident_selection.hpp"
#include "session/session.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace sw {

struct WardShare {
    std::string code, name;
    double km2 = 0;           // of the area inside the ward
    double share_of_area = 0; // of the area's part in the study area
};

struct StreetCount {
    std::string street; // "High Street" (police.uk's "On or near " left off)
    std::int64_t incidents = 0;
};

struct PeriodCounts {
    MonthSpan period;
    bool has_data = false;               // every month of the period has data
    std::int64_t incidents = 0;          // inside the area (and the study area)
    double weighted = 0;                 // with the layer weights
    std::vector<std::int64_t> per_layer; // by the request's layers
    std::int64_t study_incidents = 0;    // in the whole study area
    double share = 0;                    // incidents / study_incidents
    std::optional<double> pai;           // share / (area in study / study area)
};

struct AreaStats {
    double area_km2 = 0, area_in_study_km2 = 0;
    bool partly_outside = false; // part of the area lies outside the study area
    double study_area_km2 = 0;
    PeriodCounts current, previous;
    std::vector<WardShare> wards;     // by share of the area, largest first
    std::optional<double> residents;  // estimated by area from ward populations
    bool residents_partial = false;   // a touched ward has no population
    std::vector<StreetCount> streets; // most incidents first
    std::vector<std::string> layer_names;
};

struct AreaStatsRequest {
    SelectionParams selection; // period (open ends: the data's months) and layers, weights
    std::size_t top_streets = 10;
};

class AreaStatistics {
  public:
    // Selects the incidents of the period and of the previous period of the same length.
    static Result<AreaStatistics> prepare(const Session& session, const AreaStatsRequest& request);
    AreaStatistics(AreaStatistics&&) noexcept;
    AreaStatistics& operator=(AreaStatistics&&) noexcept;
    ~AreaStatistics();

    AreaStats of(const MultiPolygon& shape) const;
    // Rows of the current period inside the shape (in the study area), table order.
    std::vector<std::uint32_t> rowsInside(const MultiPolygon& shape) const;
    const std::vector<std::string>& notes() const;
    MonthSpan period() const;
    // Incidents of the period in the whole study area.
    std::int64_t studyIncidents() const;

  private:
    AreaStatistics();
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// The working-CRS study area's km2 (the wards' total; 0 without wards).
double studyAreaKm2(const Session& session);

struct WardPart {
    std::size_t ward = 0; // index into the session's wards
    double km2 = 0;       // of the shape inside it
};
// The shape's parts in each ward it overlaps (a ward Boost.Geometry cannot overlay with it is
// left out).
std::vector<WardPart> wardParts(const WardSet& wards, const MultiPolygon& shape);

// "On or near High Street" -> "High Street"; "" for police.uk's "No Location".
std::string_view streetOf(std::string_view location);
// police.uk capitalises after an apostrophe ("St George'S Road"): "St George's Road".
std::string possessiveFixed(std::string_view street);

// police.uk's anonymised place types ("Parking Area", "Supermarket", "Petrol Station", ...):
// where an incident was, but not a street a team can be sent to by name.
bool isPlaceType(std::string_view street);

// A name for an area: its busiest street that is a street ("Near High Street"), else its
// busiest place, else "Area <id>".
std::string areaNameFrom(const AreaStats& stats, const std::string& id);

} // namespace sw
