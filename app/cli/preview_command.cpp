#include "preview_command.h"

#include <iostream>
#include <memory>

#include "lightbox/core/memory_tuning.h"
#include "lightbox/workflows/errors.h"
#include "lightbox/workflows/preview.h"
#include "terminal_progress.h"

namespace lightbox::cli {

namespace {

struct PreviewOptions {
  workflows::PreviewParams params;
  std::vector<std::string> taskKeys{"all"};
  std::string preset = "auto";
};

std::vector<TaskId> parseTasks(const std::vector<std::string>& keys) {
  std::vector<TaskId> tasks;
  for (const auto& key : keys) {
    if (key == "all") return paperTasks();
    if (key == "extras") {
      for (TaskId t : allTasks())
        if (int(t) >= kPaperTaskCount) tasks.push_back(t);
      continue;
    }
    const auto id = taskFromKey(key);
    if (!id) {
      std::string known;
      for (TaskId t : allTasks()) known += std::string(known.empty() ? "" : ", ") + std::string(taskKey(t));
      throw CLI::ValidationError("--task", "unknown task '" + key + "' (known: all, extras, " + known + ")");
    }
    tasks.push_back(*id);
  }
  return tasks;
}

workflows::PreviewPreset parsePreset(const std::string& name) {
  if (name == "auto") return workflows::PreviewPreset::Automatic;
  if (name == "brain-3d") return workflows::PreviewPreset::Brain3D;
  if (name == "image-2d") return workflows::PreviewPreset::Image2D;
  return workflows::PreviewPreset::AsIs;
}

int runPreviewCommand(PreviewOptions& options) {
  options.params.tasks = parseTasks(options.taskKeys);
  options.params.preset = parsePreset(options.preset);
  retainFreedMemory();  // sample generation: see memory_tuning.h (not for import, whose memory must stay flat)
  TerminalProgress progress;
  try {
    const workflows::PreviewResult r = workflows::runPreview(options.params, progress);
    progress.finish();
    for (const auto& w : r.warnings) std::cerr << "warning: " << w << '\n';
    std::cout << r.inputDescription << '\n';
    std::cout << "wrote " << r.samples.size() << " montage(s) to " << options.params.outputDirectory << '\n';
    for (const auto& s : r.samples) std::cout << "  " << s.montagePath << '\n';
    std::cout << "statistics: " << r.statisticsPath << '\n';
    if (progress.cancelled()) {
      std::cerr << "cancelled: the montages above were written before Ctrl-C\n";
      return 130;
    }
    return r.samples.empty() ? 1 : 0;
  } catch (const workflows::InputFileError& e) {
    progress.finish();
    std::cerr << "lightbox-cli preview: cannot read " << e.path() << ": " << e.reason() << '\n';
    return 2;
  } catch (const std::invalid_argument& e) {
    progress.finish();
    std::cerr << "lightbox-cli preview: " << e.what() << '\n';
    return 2;
  } catch (const std::exception& e) {
    progress.finish();
    std::cerr << "lightbox-cli preview: " << e.what() << '\n';
    return 1;
  }
}

}  // namespace

void addPreviewCommand(CLI::App& app, int& exitCode) {
  auto options = std::make_shared<PreviewOptions>();
  auto* cmd = app.add_subcommand("preview", "Show what the synthetic anomaly tasks do to an image (PNG montages + JSON)");
  cmd->add_option("image", options->params.imagePath, "Image: NIfTI (.nii, .nii.gz, .hdr/.img), PNG, TIFF or JPEG")
      ->required();
  cmd->add_option("-t,--task", options->taskKeys,
                  "Task key(s): all (the five paper tasks), extras, intra-poisson, inter-poisson, sink, source, "
                  "intensity, cut-paste, patch-interpolation, cutout")
      ->delimiter(',');
  cmd->add_option("-s,--seed", options->params.seed, "Seed; sample k of every task uses the generator (seed, k)");
  cmd->add_option("-n,--count", options->params.samplesPerTask, "Samples per task")->check(CLI::Range(1, 1000));
  cmd->add_option("-o,--output", options->params.outputDirectory, "Folder for the montages and preview.json")
      ->required();
  cmd->add_option("--preset", options->preset, "Preprocessing: auto, brain-3d, image-2d or none")
      ->check(CLI::IsMember({"auto", "brain-3d", "image-2d", "none"}));
  cmd->add_option("--blend-source", options->params.blendSourcePaths,
                  "Images of another kind for inter-dataset blending (same dimensionality as the image)");
  cmd->add_option("--same-dataset", options->params.sameDatasetPaths,
                  "More healthy images of the same kind for intra-dataset blending (the image itself is one)");
  cmd->callback([options, &exitCode] { exitCode = runPreviewCommand(*options); });
}

}  // namespace lightbox::cli
