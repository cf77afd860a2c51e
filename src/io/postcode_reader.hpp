// Reads a postcode file into a PostcodeIndex: the ONS Postcode Directory or the National
// Statistics Postcode Lookup (pcds/pcd, doterm, oseast1m/osnrth1m, lat/long) or OS Code-Point
// Open (with its header, or as published without one: postcode, quality, eastings, northings),
// told by their columns.
#pragma once

#include "core/load_report.hpp"
#include "core/postcode_index.hpp"

#include <string>

namespace sw::io {

struct PostcodeFile {
    PostcodeIndex index;
    FileReport report;
};

// Never throws; report.error is set when the file cannot be used at all.
PostcodeFile readPostcodeFile(const std::string& path);

} // namespace sw::io
