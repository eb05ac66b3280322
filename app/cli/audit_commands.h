#pragma once
// `lightbox-cli audit | exclude | include`: the healthy-set audit (issue #7) and marking images that are not healthy
// after all, as whole images or (`--slice K`) one slice of a volume.

#include <CLI/CLI.hpp>

namespace lightbox::cli {

void addAuditCommands(CLI::App& app, int& exitCode);

}  // namespace lightbox::cli
