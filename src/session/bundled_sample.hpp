// Finds the bundled sample (geodata/: real Medway 2025 data) and builds the request that
// loads it.
#pragma once

#include "core/result.hpp"
#include "session/data_loader.hpp"

namespace sw {

// Searches $STREETWEEK_GEODATA, <exe>/../geodata, <exe>/../share/streetweek/geodata and the
// source tree's geodata/. Error says where it looked.
Result<std::string> findBundledSampleDir();
Result<LoadRequest> bundledSampleRequest();

} // namespace sw
