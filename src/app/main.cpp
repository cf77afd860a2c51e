// Entry point: every subcommand runs in the CLI; `gui` (and no arguments) opens the map.
#include "app/gui_app.hpp"
#include "cli/cli_args.hpp"
#include "cli/commands.hpp"

#include <exception>
#include <iostream>

int main(int argc, char** argv) {
    auto outcome = sw::cli::runCli(argc, argv);
    if (auto* code = std::get_if<int>(&outcome))
        return *code;
    try {
        return sw::app::runGui(std::get<sw::cli::GuiOptions>(outcome));
    } catch (const std::bad_alloc&) {
        std::cerr << "streetweek gui: out of memory\n";
    } catch (const std::exception& e) {
        std::cerr << "streetweek gui: " << e.what() << "\n";
    }
    return sw::cli::kExitFailure;
}
