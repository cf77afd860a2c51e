// A force-wide police.uk download cut to the district: the incidents inside the study area
// (the loaded wards) as their source files' own lines, under the first file's header, in one
// CSV (or a zip holding it). What the bundled sample is made with, and a smaller file to hand
// on. Only CSV sources can be cut; all must share one header.
#pragma once

#include "session/session.hpp"

#include <string>

namespace sw {

struct CutResult {
    std::size_t rows = 0, files = 0;
    std::string header;
    std::string csv; // the cut file's text
};

Result<CutResult> cutToStudyArea(const Session& session);

} // namespace sw
