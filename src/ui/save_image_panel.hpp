// The Save map image panel: the current view as a PNG at a chosen size (the window's, or a
// preset or custom size for a board report), with the title, period, legend, scale bar and
// attribution drawn on it and the panels left out.
#pragma once

#include "core/month.hpp"
#include "core/result.hpp"

#include <string>

namespace sw::ui {

struct SaveImageState {
    bool open = false;
    int width = 0, height = 0; // 0: the window's size
    std::string path;          // empty: the default name in the current folder
    bool requested = false;    // the app saves on the next frame and clears this
    std::string message;       // the last save's result
};

// Largest side accepted (GL renderbuffer limits and memory).
constexpr int kMaxImageSide = 8192;

// A clear message when the size cannot be rendered (non-positive or too large).
Status checkImageSize(int width, int height);

// "streetweek_map_2023-01_2023-12.png" (the period shown).
std::string defaultImageName(MonthIndex from, MonthIndex to);

// Draws the panel (while open); Save sets `requested`.
void drawSaveImagePanel(SaveImageState& state, int window_width, int window_height, MonthIndex from,
                        MonthIndex to);

} // namespace sw::ui
