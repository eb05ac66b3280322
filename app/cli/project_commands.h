#pragma once
// `lightbox-cli new | import | info | list`: project files from the command line.

#include <CLI/CLI.hpp>

namespace lightbox::cli {

void addProjectCommands(CLI::App& app, int& exitCode);

}  // namespace lightbox::cli
