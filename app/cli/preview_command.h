#pragma once
// `lightbox-cli preview`: synthetic tasks on the user's own image, written as montages and statistics.

#include <CLI/CLI.hpp>

namespace lightbox::cli {

/// Adds the subcommand to `app`; its callback runs the preview and sets `exitCode`.
void addPreviewCommand(CLI::App& app, int& exitCode);

}  // namespace lightbox::cli
