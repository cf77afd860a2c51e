// `streetweek sample`: writes the synthetic Medway-like sample (wards, population, monthly
// police.uk-format incident files, and a README saying it is synthetic).
#pragma once

#include "core/progress.hpp"
#include "core/result.hpp"
#include "core/synthetic_medway.hpp"

#include <string>

namespace sw {

struct SampleOutput {
    std::string wards_path, population_path, incidents_path, readme_path;
    std::uint64_t rows = 0;
};

// zip: put the monthly CSVs into one .zip archive instead of an incidents/ folder.
Result<SampleOutput> writeSyntheticSample(const SampleParams& params, const std::string& dir,
                                          bool zip, Progress* progress = nullptr);

// The ward polygons of the sample (EPSG:27700), in syntheticWardSeeds() order.
WardSet syntheticWards();

} // namespace sw
