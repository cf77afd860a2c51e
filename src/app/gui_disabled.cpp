// Stand-in for builds without the graphics stack (STREETWEEK_GUI=OFF).
#include "cli/cli_args.hpp"
#include "cli/commands.hpp"

#include <iostream>

namespace sw::cli {

int runGui(const GuiOptions&) {
    std::cerr << "streetweek gui: this build has no GUI (configured with STREETWEEK_GUI=OFF)\n";
    return kExitFailure;
}

} // namespace sw::cli
