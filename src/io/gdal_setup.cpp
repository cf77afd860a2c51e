// GDAL initialisation.
#include "io/gdal_setup.hpp"

#include <cpl_error.h>
#include <gdal.h>
#include <ogr_api.h>

#include <mutex>

namespace sw::io {

void ensureGdal() {
    static std::once_flag once;
    std::call_once(once, [] {
        GDALAllRegister();
        CPLSetErrorHandler(CPLQuietErrorHandler); // messages are reported through our reports
    });
}

std::string lastGdalError() {
    std::string s = CPLGetLastErrorMsg();
    for (auto& c : s)
        if (c == '\n' || c == '\r')
            c = ' ';
    return s;
}

} // namespace sw::io
