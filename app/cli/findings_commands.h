#pragma once
// `lightbox-cli simulate-lesions | predict | threshold | evaluate | export`: from a trained run to findings, metrics
// and a CSV (issue #5).

#include <CLI/CLI.hpp>

namespace lightbox::cli {

void addFindingsCommands(CLI::App& app, int& exitCode);

}  // namespace lightbox::cli
