#pragma once
// `lightbox-cli demo`: builds (or reuses) the demo project headless and prints its summary (issue #8).

#include <CLI/CLI.hpp>

namespace lightbox::cli {

void addDemoCommand(CLI::App& app, int& exitCode);

}  // namespace lightbox::cli
