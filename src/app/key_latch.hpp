// Quick key taps for ImGui 1.86, which reads key state (io.KeysDown) once a frame: a key
// pressed and released between two frames (a tap shorter than a frame, common on software GL,
// and what xdotool sends) would never be seen as down. The latch keeps such a key down until
// the next frame has seen it, then releases it.
#pragma once

#include <vector>

struct GLFWwindow;

namespace sw::app {

class KeyLatch {
  public:
    // Installs the key callback (after ImGui's backend installed its own, which it calls).
    explicit KeyLatch(GLFWwindow* window);
    ~KeyLatch();
    KeyLatch(const KeyLatch&) = delete;
    KeyLatch& operator=(const KeyLatch&) = delete;

    // Before polling events for a new frame: releases the keys the last frame saw.
    void releaseLatched();

  private:
    static void onKey(GLFWwindow* window, int key, int scancode, int action, int mods);
    GLFWwindow* window_;
    std::vector<int> pressed_;  // pressed since the last frame
    std::vector<int> deferred_; // released since, kept down for one frame
};

} // namespace sw::app
