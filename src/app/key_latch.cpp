// Key taps held for one frame.
#include "app/key_latch.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>

#include <algorithm>

namespace sw::app {
namespace {

void updateModifiers(ImGuiIO& io) {
    io.KeyCtrl = io.KeysDown[GLFW_KEY_LEFT_CONTROL] || io.KeysDown[GLFW_KEY_RIGHT_CONTROL];
    io.KeyShift = io.KeysDown[GLFW_KEY_LEFT_SHIFT] || io.KeysDown[GLFW_KEY_RIGHT_SHIFT];
    io.KeyAlt = io.KeysDown[GLFW_KEY_LEFT_ALT] || io.KeysDown[GLFW_KEY_RIGHT_ALT];
    io.KeySuper = io.KeysDown[GLFW_KEY_LEFT_SUPER] || io.KeysDown[GLFW_KEY_RIGHT_SUPER];
}

bool holds(const std::vector<int>& v, int key) {
    return std::find(v.begin(), v.end(), key) != v.end();
}

bool isModifier(int key) {
    return key == GLFW_KEY_LEFT_CONTROL || key == GLFW_KEY_RIGHT_CONTROL ||
           key == GLFW_KEY_LEFT_SHIFT || key == GLFW_KEY_RIGHT_SHIFT || key == GLFW_KEY_LEFT_ALT ||
           key == GLFW_KEY_RIGHT_ALT || key == GLFW_KEY_LEFT_SUPER || key == GLFW_KEY_RIGHT_SUPER;
}

} // namespace

KeyLatch::KeyLatch(GLFWwindow* window) : window_(window) {
    glfwSetWindowUserPointer(window, this);
    glfwSetKeyCallback(window, &KeyLatch::onKey);
}

KeyLatch::~KeyLatch() {
    glfwSetKeyCallback(window_, ImGui_ImplGlfw_KeyCallback);
    glfwSetWindowUserPointer(window_, nullptr);
}

void KeyLatch::onKey(GLFWwindow* window, int key, int scancode, int action, int mods) {
    ImGui_ImplGlfw_KeyCallback(window, key, scancode, action, mods);
    auto* self = static_cast<KeyLatch*>(glfwGetWindowUserPointer(window));
    ImGuiIO& io = ImGui::GetIO();
    if (!self || key < 0 || key >= static_cast<int>(IM_ARRAYSIZE(io.KeysDown)))
        return;
    if (action == GLFW_PRESS && !holds(self->pressed_, key))
        self->pressed_.push_back(key);
    // A tap not yet seen by a frame stays down for the next one, and so do the modifiers
    // released with it (Ctrl+S pressed and let go between two frames is still Ctrl+S).
    const bool tap = holds(self->pressed_, key);
    const bool modifier_of_tap = isModifier(key) && !self->pressed_.empty();
    if (action == GLFW_RELEASE && (tap || modifier_of_tap)) {
        io.KeysDown[key] = true; // not seen by a frame yet: keep it down for the next one
        if (!holds(self->deferred_, key))
            self->deferred_.push_back(key);
        updateModifiers(io);
    }
}

void KeyLatch::releaseLatched() {
    ImGuiIO& io = ImGui::GetIO();
    for (int key : deferred_)
        io.KeysDown[key] = false;
    if (!deferred_.empty())
        updateModifiers(io);
    deferred_.clear();
    pressed_.clear();
}

} // namespace sw::app
