// Opening a vector file with GDAL for reading, the one way every reader does it: the message
// for a file that cannot be opened always says what is wrong (missing, a folder, a shapefile
// without its .shx or .dbf, a format GDAL does not know, no layers), never empty brackets.
#pragma once

#include "core/result.hpp"

#include <memory>
#include <string>

class GDALDataset;
class OGRLayer;

namespace sw::io {

struct GdalDatasetCloser {
    void operator()(GDALDataset* ds) const;
};
using GdalDatasetPtr = std::unique_ptr<GDALDataset, GdalDatasetCloser>;

struct VectorSource {
    GdalDatasetPtr dataset;
    std::string format; // the GDAL driver's name, e.g. "GeoJSON", "ESRI Shapefile"
    int layerCount() const;
    OGRLayer* layer(int index) const;
};

// Opens `path` (a plain path or a GDAL /vsi path) read-only as a vector dataset with at least
// one layer. Errors read "<path>: <problem>".
Result<VectorSource> openVectorSource(const std::string& path);

// Why a plain path cannot be read as a data file: missing, a folder, a device or pipe, a
// shapefile without its .shx or .dbf. Empty when it can; /vsi paths are not checked.
std::string fileProblem(const std::string& path);

} // namespace sw::io
