// Writes a table (optionally with polygons) to CSV, GeoPackage, Shapefile or GeoJSON through
// GDAL. Output goes to a temporary name first and replaces the target only when complete, so
// an existing file is never left half-written.
#pragma once

#include "core/geometry.hpp"
#include "core/kde.hpp"
#include "core/result.hpp"

#include <cstdint>
#include <memory>
#include <string>
#include <variant>
#include <vector>

namespace sw::io {

struct FieldSpec {
    enum class Type { Integer, Real, Text, Date }; // Integer: 32-bit (counts)
    std::string name;                              // <= 10 characters for Shapefile
    Type type = Type::Text;
};

// A calendar date (a Date field).
struct DateValue {
    int year = 0, month = 0, day = 0;
};
// A value withheld by disclosure control: null in typed formats; in CSV and XLSX "<N" for a
// small count, "[c]" for a value withheld with one (a complement, a rate).
struct Suppressed {
    bool small = true;
};

using FieldValue =
    std::variant<std::monostate, std::int64_t, double, std::string, DateValue, Suppressed>;

// How files are written where formats offer a choice.
struct VectorWriteOptions {
    // GeoJSON is RFC 7946 by default (WGS84 longitude/latitude, no `crs` member,
    // counter-clockwise outer rings), as every web map and QGIS expect; true keeps the working
    // CRS (British National Grid) with a `crs` member.
    bool geojson_working_crs = false;
};

class VectorWriter {
  public:
    // Driver from the extension: .csv, .gpkg, .shp, .geojson/.json. `crs` is used for the
    // geometry (and the .prj); CSV output carries no geometry.
    // CSV numbers are written unquoted, with a .csvt beside the file naming each column's type
    // (so QGIS and GDAL read counts as integers, not text).
    static Result<std::unique_ptr<VectorWriter>> create(const std::string& path,
                                                        const std::string& layer_name,
                                                        const std::vector<FieldSpec>& fields,
                                                        bool polygons, const std::string& crs,
                                                        const VectorWriteOptions& options = {});
    ~VectorWriter();

    Status add(const std::vector<FieldValue>& values, const MultiPolygon* shape);
    // Layer metadata (GeoPackage description); ignored by formats without it.
    void setDescription(const std::string& text);
    // Closes the file and moves it (and a shapefile's sidecars) into place.
    Status commit();

    bool hasGeometry() const { return polygons_; }

  private:
    VectorWriter() = default;
    struct Impl;
    std::unique_ptr<Impl> impl_;
    bool polygons_ = false;
};

// One square polygon per study-area cell of a grid (every cell when in_study is empty), with
// the field values `values(cell_index)` gives, in row-major order.
template <typename ValuesOf>
Status addGridCells(VectorWriter& writer, const Grid& grid,
                    const std::vector<std::uint8_t>& in_study, ValuesOf values) {
    for (std::size_t row = 0; row < grid.rows; ++row)
        for (std::size_t col = 0; col < grid.cols; ++col) {
            const std::size_t i = row * grid.cols + col;
            if (!in_study.empty() && !in_study[i])
                continue;
            const MultiPolygon square = grid.cellSquare(row, col);
            if (auto st = writer.add(values(i), &square); !st)
                return st;
        }
    return okStatus();
}

// True when the extension is one VectorWriter can write.
bool isWritableVectorPath(const std::string& path);

} // namespace sw::io
