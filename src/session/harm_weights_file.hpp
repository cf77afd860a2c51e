// Reading a harm weights file (core/harm_weights), for the CLI's --weights and the map.
#pragma once

#include "core/harm_weights.hpp"
#include "core/result.hpp"

#include <string>

namespace sw {

// The table in the CSV at `path`; errors name the file and the line.
Result<HarmWeights> readHarmWeights(const std::string& path);

} // namespace sw
