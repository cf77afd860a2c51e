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

// What the user says about one incidents path (the command line's options after its path, or
// its block of a sources file), as the panel edits it.
struct SourceDraft {
    std::string name, covers;                // covers: "2025-01..2025-06" or empty
    std::string x, y, month, type, postcode; // column names (empty: detected)
    std::string xy_crs;                      // CRS of easting/northing columns (empty: detected)
    bool lonlat = false;                     // x/y columns are longitude/latitude
    bool month_first = false;                // slash dates are month/day/year
    bool is_public = false;                  // published as it is (police.uk files always are)
};

struct DataPanelState {
    std::string dir;                           // the folder the browser shows
    std::string wards, population, lookup;     // chosen files
    std::string postcodes;                     // places partner rows that have only a postcode
    std::string sources_message;               // the last sources file's result
    bool stop_and_search = false;              // load police.uk stop and search files
    bool assign_by_area = false;               // place incidents by LSOA code (the lookup)
    bool exact_locations = false;              // keep partner rows' exact places (an agreement)
    double mask_m = 250;                       // partner rows moved mask_m..2 x mask_m
    std::size_t mask_min_rows = 5;             // density cells fewer moved rows reach: public only
    std::vector<std::string> incidents;        // chosen files or folders
    std::vector<SourceDraft> drafts;           // per incidents path, the same order
    std::vector<std::string> recent;           // most recent first (persisted with the settings)
    std::vector<std::string> context_requests; // context layers to add (the app loads them)
    std::string context_message;               // the last context layer's load result
    bool open = false;
    bool was_open = false;   // drawn last frame (a panel just opened comes to the front)
    int focus_frames = 0;    // frames left to keep it in front of windows appearing with it
    bool saw_loaded = false; // the map's panels appear once data is loaded: stay in front
};

// Files the browser offers: data formats streetweek reads (and folders).
bool isDataFile(const std::string& name);

// Adds a path to the front of the recent list (no duplicates, at most 10).
void rememberRecent(DataPanelState& s, const std::string& path);

// The panel showing a request (the command line's, at start).
void setFromRequest(DataPanelState& s, const LoadRequest& r);
// The request the panel's choices make, or the first thing wrong with them (a source's months).
Result<LoadRequest> requestFromPanel(const DataPanelState& s);
// Adds a sources file's paths and settings (an error message in sources_message otherwise).
void addSourcesFile(DataPanelState& s, const std::string& path);

// Returns a request when the user pressed Load.
std::optional<LoadRequest> drawDataPanel(DataPanelState& state, const Session& session,
                                         bool loading);

} // namespace sw::ui
