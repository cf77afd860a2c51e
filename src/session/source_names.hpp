// The data sources of a load as the person named them: each given file's name (the zip or
// folder they chose, not the files GDAL reads inside it, nor the folders above it), for the
// report and the pack, which go to people who should see neither /vsizip/ paths nor a
// colleague's home folder.
#pragma once

#include "session/data_loader.hpp"

#include <string>
#include <utility>
#include <vector>

namespace sw {

// (role, file name) per given input: "ward boundaries", "incidents", "population", "lookup".
std::vector<std::pair<std::string, std::string>> sourceNames(const LoadRequest& request);

} // namespace sw
