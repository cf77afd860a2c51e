// Printed files are written beside their target under a temporary name and renamed into
// place when complete: a failure never leaves half a report or damages the one there.
#pragma once

#include "core/result.hpp"

#include <string>

namespace sw::print {

std::string temporaryPathFor(const std::string& path); // "<path>.tmp-<pid>"
// Renames tmp to path; on failure removes tmp and names `path` and the reason.
Status moveIntoPlace(const std::string& tmp, const std::string& path);
Status writeWholeFile(const std::string& path, const std::string& bytes);

} // namespace sw::print
