// Entry point: every subcommand, and the GUI when there are no arguments.
#include "cli/commands.hpp"

int main(int argc, char** argv) {
    return sw::cli::runCli(argc, argv);
}
