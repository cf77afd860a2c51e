// Shapefile (dBASE) field names are at most 10 characters and case-insensitive. streetweek's
// long field names map to short ones by a fixed table (documented in every pack's README);
// any other name longer than 10 characters is cut to 10, and a name that would collide with
// one already taken (case-insensitively) ends in _2, _3, ... instead, so that two fields never
// silently become one.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace sw {

// The fixed table: long name -> short name.
const std::vector<std::pair<std::string, std::string>>& shortFieldTable();

// Short names for the fields, in order, each unique and at most 10 characters.
std::vector<std::string> shortFieldNames(const std::vector<std::string>& names);

} // namespace sw
