// Data panel: choose ward boundaries, incident files or folders, and a population table with a
// small file browser (ImGui has none) and recent files, then load them in the background. A
// load that fails leaves the session as it was; the message shows in the Load report. Context
// layers (any vector file: CCTV sites, schools, roads) are added over the map.
#pragma once

#include "session/data_loader.hpp"
#include "session/session.hpp"

#include <optional>
#include <string>
#include <vector>

namespace sw::ui {

struct DataPanelState {
    std::string dir;                           // the folder the browser shows
    std::string wards, population, lookup;     // chosen files
    bool stop_and_search = false;              // load police.uk stop and search files
    bool assign_by_area = false;               // place incidents by LSOA code (the lookup)
    std::vector<std::string> incidents;        // chosen files or folders
    std::vector<std::string> recent;           // most recent first (persisted with the settings)
    std::vector<std::string> context_requests; // context layers to add (the app loads them)
    std::string context_message;               // the last context layer's load result
    bool open = false;
};

// Files the browser offers: data formats streetweek reads (and folders).
bool isDataFile(const std::string& name);

// Adds a path to the front of the recent list (no duplicates, at most 10).
void rememberRecent(DataPanelState& s, const std::string& path);

// Returns a request when the user pressed Load.
std::optional<LoadRequest> drawDataPanel(DataPanelState& state, const Session& session,
                                         bool loading);

} // namespace sw::ui
