#pragma once
// `lightbox-cli train | runs`: training runs from the command line (issue #4).

#include <CLI/CLI.hpp>

namespace lightbox::cli {

void addTrainCommands(CLI::App& app, int& exitCode);

}  // namespace lightbox::cli
