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

// The credit every map, pack and report gives data that police.uk did not publish, so that no
// label calls a partner's rows police.uk's: "Partner data, not published: Medway Council ASB
// log (locations moved 250 to 500 m)." Empty when every source is public.
std::string partnerDataCredit(const std::vector<IncidentSource>& sources,
                              const LoadRequest& request);

} // namespace sw
