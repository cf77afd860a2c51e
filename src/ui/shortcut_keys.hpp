// The keys the map's shortcuts use, as indices into ImGui's key state. ImGui 1.86 names only a
// few keys (arrows, Home, Space, Escape, Enter, Delete, Tab and A/C/V/X/Y/Z, through
// io.KeyMap); letters, F1 and +/- are the platform backend's own codes, which the app fills in
// once at start-up. So ui/ asks ImGui about keys and never includes the windowing library.
#pragma once

namespace sw::ui {

struct ShortcutKeys {
    int d = -1, h = -1, i = -1, c = -1, g = -1, p = -1, f = -1, o = -1, s = -1, r = -1, k = -1;
    int f1 = -1, equal = -1, minus = -1, keypad_add = -1, keypad_subtract = -1;
};

// Pressed this frame (false for an unset key, -1).
bool keyPressed(int key);

} // namespace sw::ui
