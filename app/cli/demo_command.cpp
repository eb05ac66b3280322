#include "demo_command.h"

#include <cstdio>
#include <iostream>
#include <memory>

#include "command_errors.h"
#include "terminal_progress.h"
#ifdef LIGHTBOX_HAS_TRAINING
#include "lightbox/workflows/demo.h"
#endif

namespace lightbox::cli {

#ifdef LIGHTBOX_HAS_TRAINING
namespace {

std::string intList(const std::vector<int>& v) {
  std::string s;
  for (const int x : v) s += (s.empty() ? "" : ",") + std::to_string(x);
  return s;
}

int runDemo(const workflows::DemoParams& params) {
  TerminalProgress progress;
  const workflows::DemoSummary s = workflows::buildDemoProject(params, progress);
  progress.finish();
  if (s.cancelled) {
    std::cerr << "cancelled: the demo project " << s.projectPath << " is unfinished; `lightbox-cli demo` builds it again\n";
    return 130;
  }
  for (const auto& n : s.notes) std::cout << "note: " << n << '\n';
  for (const auto& w : s.warnings) std::cout << "warning: " << w << '\n';
  std::printf("datasets: %s (%s), %s (%lld blend images), %s (%lld slices, %lld with SIMULATED lesions)\n",
              s.healthyDataset.c_str(),
              s.healthySlices > 0 ? (std::to_string(s.healthySlices) + " healthy slices").c_str() : "healthy", s.blendDataset.c_str(), (long long)s.blendImages,
              s.testDataset.c_str(), (long long)s.simulatedSlices, (long long)s.slicesWithLesions);
  std::printf("run %lld, fold %s: trained on tasks %s, held out %s; %lld steps%s%s; best validation loss %.5f\n",
              (long long)s.runId, intList(s.folds).c_str(), intList(s.trainTasks).c_str(),
              intList(s.heldOutTasks).c_str(), (long long)s.trainSteps, s.trainStop.empty() ? "" : ", stopped by ",
              s.trainStop.c_str(), s.bestValidationLoss);
  if (!s.bestPixelAp.empty()) {
    std::printf("held-out task pixel AP at the best step:");
    for (const auto& [task, ap] : s.bestPixelAp) std::printf(" %s=%.3f", task.c_str(), ap);
    std::printf("\n");
  }
  std::printf("threshold %.3f (%s)\n", s.threshold, s.thresholdSource.c_str());
  std::printf("predicted %lld slices of %s: %lld findings\n", (long long)s.predictedImages, s.testDataset.c_str(),
              (long long)s.findings);
  std::printf("evaluation on %s (x100):\n", s.testDataset.c_str());
  for (const auto& f : s.figures) {
    std::printf("  %-6s AP %6.2f  AUROC %6.2f", f.scale.c_str(), 100 * f.ap, 100 * f.auroc);
    if (f.apBatches) std::printf("  AP in batches of 20 %6.2f", 100 * *f.apBatches);
    std::printf("  (%lld items, %lld positive)\n", (long long)f.items, (long long)f.positives);
  }
  std::printf("%s in %.0f s\n", s.reused ? "reused" : "built", s.seconds);
  std::printf("demo project: %s\n", s.projectPath.c_str());
  std::printf("review it: lightbox --demo (or: lightbox %s, then the Review area)\n", s.projectPath.c_str());
  std::fflush(stdout);
  return 0;
}

}  // namespace
#endif

void addDemoCommand(CLI::App& app, int& exitCode) {
#ifdef LIGHTBOX_HAS_TRAINING
  auto p = std::make_shared<workflows::DemoParams>();
  auto* demo = app.add_subcommand(
      "demo", "Build the demo project (Colin27 slices, SIMULATED lesions, a few minutes of training) or reuse it");
  demo->add_option("-o,--output", p->projectPath,
                   "Project file (default: " + workflows::defaultDemoProjectPath() + ")");
  demo->add_option("--minutes", p->trainMinutes, "Training time in minutes (default 3)")->check(CLI::PositiveNumber);
  demo->add_option("--data", p->dataDir,
                   "Folder of the fetched data (default: " + workflows::defaultDemoDataDir() + ")");
  demo->add_option("--seed", p->seed, "Seed of the simulated lesions and the training");
  demo->add_option("--max-steps", p->maxSteps, "Also stop training after this many steps")->check(CLI::PositiveNumber);
  demo->add_option("--device", p->device, "auto, cpu or cuda")->check(CLI::IsMember({"auto", "cpu", "cuda"}));
  demo->add_option("--threads", p->threads, "LibTorch CPU threads")->check(CLI::PositiveNumber);
  demo->callback([p, &exitCode] { exitCode = guarded("demo", [&] { return runDemo(*p); }); });
#else
  (void)app;
  (void)exitCode;
#endif
}

}  // namespace lightbox::cli
