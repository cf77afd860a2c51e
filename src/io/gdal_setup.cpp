// GDAL initialisation.
#include "io/gdal_setup.hpp"

#include <cpl_error.h>
#include <gdal.h>
#include <ogr_api.h>
#include <ogrsf_frmts.h>

#include <mutex>

namespace sw::io {

void ensureGdal() {
    static std::once_flag once;
    std::call_once(once, [] {
        GDALAllRegister();
        CPLSetErrorHandler(CPLQuietErrorHandler); // messages are reported through our reports
    });
}

std::string lastGdalError(const std::string& fallback) {
    std::string s = CPLGetLastErrorMsg();
    for (auto& c : s)
        if (c == '\n' || c == '\r')
            c = ' ';
    const auto first = s.find_first_not_of(' ');
    if (first == std::string::npos)
        return fallback;
    return s.substr(first, s.find_last_not_of(' ') - first + 1);
}

LayerCrs layerCrs(OGRLayer& layer) {
    LayerCrs out;
    const OGRSpatialReference* srs = layer.GetSpatialRef();
    if (!srs) {
        out.crs = "EPSG:4326";
        out.missing = true;
        return out;
    }
    char* wkt = nullptr;
    const char* wkt_opts[] = {"FORMAT=WKT2_2018", nullptr};
    srs->exportToWkt(&wkt, wkt_opts);
    out.crs = wkt ? wkt : "";
    CPLFree(wkt);
    out.geographic = srs->IsGeographic();
    const char* auth = srs->GetAuthorityName(nullptr);
    const char* code = srs->GetAuthorityCode(nullptr);
    if (auth && code)
        out.crs = std::string(auth) + ":" + code;
    // OGC:CRS84 (GeoJSON) has lon/lat order; EPSG:4326 after normalisation is the same.
    if (out.geographic && out.crs.find("CRS84") != std::string::npos)
        out.crs = "EPSG:4326";
    return out;
}

} // namespace sw::io
