// Coordinate transforms with PROJ, always in x=easting/longitude, y=northing/latitude order.
#pragma once

#include "core/progress.hpp"
#include "core/result.hpp"

#include <memory>
#include <string>

namespace sw::geo {

class CrsTransform {
  public:
    // source/target: anything PROJ accepts ("EPSG:4326", WKT, PROJJSON, "+proj=...").
    static Result<CrsTransform> create(const std::string& source, const std::string& target);
    ~CrsTransform();
    CrsTransform(CrsTransform&&) noexcept;
    CrsTransform& operator=(CrsTransform&&) noexcept;

    // In place. Points PROJ cannot transform become non-finite (HUGE_VAL).
    void transform(double* x, double* y, std::size_t n) const;
    // The same on `threads` threads (one PROJ context each); deterministic.
    void transformParallel(double* x, double* y, std::size_t n, unsigned threads,
                           Progress* progress = nullptr) const;
    const std::string& source() const { return source_; }
    const std::string& target() const { return target_; }

    struct Impl; // PROJ context and operation (public so helpers can build them)

  private:
    CrsTransform() = default;
    std::unique_ptr<Impl> impl_;
    std::string source_, target_;
};

// The working CRS for data centred at (lon, lat) in WGS84 degrees: EPSG:27700 (British
// National Grid) in Great Britain, otherwise the local UTM zone (EPSG:326zz / 327zz).
std::string chooseWorkingCrs(double lon, double lat);

// True when PROJ understands the CRS definition and it is projected (metres).
Status checkProjectedCrs(const std::string& crs);

// A short human name for a CRS ("OSGB36 / British National Grid (EPSG:27700)").
std::string describeCrs(const std::string& crs);

} // namespace sw::geo
