// What a plan file records about how it was made, so partners can see it and streetweek can
// reopen it: the period, layers (rules and weights), suggestion parameters, and the data files
// (path, size, checksum). A plan reopened without --wards/--incidents loads its own sources,
// and says which have moved or changed.
#pragma once

#include "core/target_area.hpp"
#include "session/data_loader.hpp"
#include "session/incident_selection.hpp"

#include <string>
#include <vector>

namespace sw {

// Records the load request's files as the plan's sources (size and checksum of each file).
// With the load's report, also the rows loaded from each (an incident folder or zip: the sum of
// its files').
void recordSources(Plan& plan, const LoadRequest& request, const LoadReport* report = nullptr);
// Records the selection (period, layer rules and weights).
void recordSelection(Plan& plan, const SelectionParams& selection);

// The request with its missing inputs taken from the plan's sources; an error naming each
// source that no longer exists ("give --incidents ..."), a note for each that changed.
Result<LoadRequest> requestFromPlan(const Plan& plan, LoadRequest given,
                                    std::vector<std::string>* notes);

// The plan's recorded selection (period, layers, weights); empty parts stay open.
Result<SelectionParams> selectionFromPlan(const Plan& plan);

} // namespace sw
