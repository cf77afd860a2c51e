// Density surface export.
#include "io/density_export.hpp"

#include "io/raster_writer.hpp"

#include <cstdio>

namespace sw::io {

Status exportDensity(const std::string& path, const Grid& grid, const std::string& crs,
                     const DensityExportInfo& info) {
    const KdeParams& k = info.kde;
    auto number = [](double v) {
        char b[64];
        std::snprintf(b, sizeof b, "%g", v);
        return std::string(b);
    };
    std::vector<std::pair<std::string, std::string>> md = {
        {"STREETWEEK_KERNEL", kernelName(k.kernel)},
        {"STREETWEEK_UNITS",
         k.units == DensityUnits::Raw ? "raw (kernels peak at each weight)" : "incidents per km^2"},
        {"STREETWEEK_PERIOD", info.period},
        {"STREETWEEK_LAYERS", info.layers.empty() ? "all incidents" : info.layers},
        {"STREETWEEK_INCIDENTS", std::to_string(info.incidents)},
        {"STREETWEEK_RADIUS_M", number(k.radius_m)},
        {"STREETWEEK_CELL_SIZE_M", number(k.cell_size_m)},
    };
    if (info.synthetic)
        md.emplace_back("STREETWEEK_SYNTHETIC", "synthetic sample data, not real crime data");
    md.emplace_back("STREETWEEK_ATTRIBUTION",
                    "Contains police.uk data, Open Government Licence v3.0");
    return writeGeoTiff(path, grid, crs, md, std::string(kernelName(k.kernel)) + " density",
                        /*zero_is_value=*/info.dual);
}

} // namespace sw::io
