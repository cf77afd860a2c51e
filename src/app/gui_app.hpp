// The map application: opens the window and runs the frame loop with the options `streetweek
// gui` parsed; returns the exit code.
#pragma once

#include "cli/commands.hpp"

namespace sw::app {

int runGui(const cli::GuiOptions& options);

} // namespace sw::app
