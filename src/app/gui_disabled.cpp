// Stand-in for builds without the graphics stack (STREETWEEK_GUI=OFF).
#include "app/gui_app.hpp"
#include "cli/cli_args.hpp"

#include <iostream>

namespace sw::app {

int runGui(const cli::GuiOptions&) {
    std::cerr << "streetweek gui: this build has no GUI (configured with STREETWEEK_GUI=OFF)\n";
    return cli::kExitFailure;
}

} // namespace sw::app
