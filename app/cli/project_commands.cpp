#include "project_commands.h"

#include <iostream>
#include <memory>

#include "lightbox/workflows/import.h"
#include "lightbox/workflows/project_overview.h"
#include "command_errors.h"
#include "terminal_progress.h"

namespace lightbox::cli {

namespace {

std::string humanBytes(int64_t bytes) {
  const char* units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
  double v = double(bytes);
  int u = 0;
  while (v >= 1024 && u < 4) {
    v /= 1024;
    ++u;
  }
  char text[32];
  std::snprintf(text, sizeof text, u ? "%.1f %s" : "%.0f %s", v, units[u]);
  return text;
}

int runImport(const workflows::ImportParams& params) {
  TerminalProgress progress;
  const workflows::ImportResult r = workflows::runImport(params, progress);
  progress.finish();
  for (const auto& w : r.warnings) std::cerr << "warning: " << w << '\n';
  std::cout << "imported " << r.imported << " image(s)";
  if (r.arrays != r.imported) std::cout << " (" << r.arrays << " working-space arrays)";
  std::cout << ", skipped " << r.duplicates << " duplicate(s), " << r.failed.size() << " failed\n";
  if (!params.masksPath.empty() || !params.boxesCsvPath.empty())
    std::cout << "ground truth: " << r.groundTruthMasks << " mask(s), " << r.groundTruthBoxes
              << " image(s) with boxes, " << r.groundTruthNormal << " annotated as normal\n";
  for (const auto& f : r.failed) std::cout << "  failed: " << f.path << ": " << f.reason << '\n';
  if (!r.fatal.empty()) {
    std::cerr << "lightbox-cli import: stopped: " << r.fatal << '\n';
    return 1;
  }
  if (r.cancelled) {
    std::cerr << "cancelled: everything imported before Ctrl-C is in the project\n";
    return 130;
  }
  return r.failed.empty() ? 0 : 3;
}

int runInfo(const std::string& path) {
  const workflows::ProjectOverview o = workflows::describeProject(path);
  std::cout << o.path << " (schema " << o.schemaVersion << ", " << humanBytes(o.fileBytes + o.walBytes) << " on disk; "
            << humanBytes(o.arrayBytes) << " arrays, " << humanBytes(o.thumbnailBytes) << " thumbnails)\n";
  if (o.datasets.empty()) std::cout << "no datasets yet: add images with `lightbox-cli import`\n";
  for (const auto& d : o.datasets) {
    std::cout << "  " << d.name << " [" << d.role << (d.preset.empty() ? "" : ", " + d.preset) << "]: " << d.imported
              << " imported";
    if (d.failed) std::cout << ", " << d.failed << " failed";
    if (d.excluded) std::cout << ", " << d.excluded << " excluded";
    std::cout << '\n';
  }
  if (!o.failures.empty()) std::cout << "failed imports:\n";
  for (const auto& f : o.failures) std::cout << "  " << f.dataset << ": " << f.path << ": " << f.error << '\n';
  return 0;
}

int runList(const std::string& path, const std::string& dataset) {
  const auto images = workflows::listImages(path, dataset);
  std::cout << "id\tdataset\tstatus\tformat\tmodality\tshape\tspacing_mm\tpath\tnote\n";
  for (const auto& i : images)
    std::cout << i.id << '\t' << i.dataset << '\t' << (i.excluded ? "excluded" : i.status) << '\t' << i.format << '\t'
              << i.modality << '\t' << i.shape << '\t' << i.spacing << '\t' << i.sourcePath << '\t'
              << (i.error.empty() ? i.seriesDescription : i.error) << '\n';
  return 0;
}

}  // namespace

void addProjectCommands(CLI::App& app, int& exitCode) {
  auto newPath = std::make_shared<std::string>();
  auto* create = app.add_subcommand("new", "Create an empty project file (.lightbox)");
  create->add_option("project", *newPath, "Path of the new project file")->required();
  create->callback([newPath, &exitCode] {
    exitCode = guarded("new", [&] {
      workflows::createProject(*newPath);
      std::cout << "created " << *newPath << '\n';
      return 0;
    });
  });

  auto params = std::make_shared<workflows::ImportParams>();
  auto* import = app.add_subcommand("import", "Import images (files, folders, DICOMDIRs) into a dataset");
  import->add_option("project", params->projectPath, "Project file")->required()->check(CLI::ExistingFile);
  import->add_option("paths", params->paths, "Files or folders to import")->required();
  import->add_option("--role", params->role, "Dataset role")->check(CLI::IsMember({"healthy", "test", "blend"}));
  import->add_option("--dataset", params->datasetName, "Dataset name (default: the role)");
  import->add_option("--preset", params->preset, "Preprocessing preset")
      ->check(CLI::IsMember(workflows::importPresetNames()));
  import->add_option("--masks", params->masksPath,
                     "Folder of ground-truth masks paired with the images by name (BraTS _seg, ISLES OT, <name>_mask)")
      ->check(CLI::ExistingDirectory);
  import->add_option("--boxes", params->boxesCsvPath, "VinDr-style CSV of ground-truth boxes (image_id = file name)")
      ->check(CLI::ExistingFile);
  import->add_option("--threads", params->threads, "Decoding threads (default: all cores)")->check(CLI::NonNegativeNumber);
  import->callback([params, &exitCode] { exitCode = guarded("import", [&] { return runImport(*params); }); });

  auto infoPath = std::make_shared<std::string>();
  auto* info = app.add_subcommand("info", "Datasets, image counts, failed imports and sizes of a project");
  info->add_option("project", *infoPath, "Project file")->required();
  info->callback([infoPath, &exitCode] { exitCode = guarded("info", [&] { return runInfo(*infoPath); }); });

  auto listPath = std::make_shared<std::string>();
  auto listDataset = std::make_shared<std::string>();
  auto* list = app.add_subcommand("list", "One line per image (tab-separated)");
  list->add_option("project", *listPath, "Project file")->required();
  list->add_option("--dataset", *listDataset, "Only this dataset");
  list->callback(
      [listPath, listDataset, &exitCode] { exitCode = guarded("list", [&] { return runList(*listPath, *listDataset); }); });
}

}  // namespace lightbox::cli
