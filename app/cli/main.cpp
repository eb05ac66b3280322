// lightbox-cli: the Lightbox engine without a window, for scripts, servers and clusters.
#include <CLI/CLI.hpp>

#include "interrupt.h"
#include "preview_command.h"
#include "project_commands.h"
#include "findings_commands.h"
#include "demo_command.h"
#include "audit_commands.h"
#include "train_commands.h"

int main(int argc, char** argv) {
  CLI::App app{"Lightbox: localise anomalies with a model of healthy anatomy (Baugh et al., MICCAI 2023)",
               "lightbox-cli"};
  app.set_version_flag("--version", std::string("lightbox-cli ") + LIGHTBOX_VERSION);
  app.require_subcommand(1);
  int exitCode = 0;
  lightbox::cli::addProjectCommands(app, exitCode);
  lightbox::cli::addPreviewCommand(app, exitCode);
  lightbox::cli::addTrainCommands(app, exitCode);
  lightbox::cli::addFindingsCommands(app, exitCode);
  lightbox::cli::addDemoCommand(app, exitCode);
  lightbox::cli::addAuditCommands(app, exitCode);
  lightbox::cli::installInterruptHandler();
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  return exitCode;
}
