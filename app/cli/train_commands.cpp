#include "train_commands.h"

#include <cstdio>
#include <iostream>
#include <memory>
#include <sstream>

#include "lightbox/workflows/run_merge.h"
#include "lightbox/workflows/train.h"
#include "command_errors.h"
#include "int_list.h"
#include "terminal_progress.h"

namespace lightbox::cli {

namespace {

std::string taskList(const std::vector<int>& tasks) {
  std::string s;
  for (const int t : tasks) s += (s.empty() ? "" : ",") + std::to_string(t);
  return s;
}

std::string apList(const std::vector<std::pair<std::string, double>>& aps) {
  std::ostringstream s;
  s.precision(3);
  s << std::fixed;
  for (const auto& [task, ap] : aps) s << ' ' << task << '=' << ap;
  return s.str();
}

#ifdef LIGHTBOX_HAS_TRAINING
int runTrain(const workflows::TrainParams& params) {
  TerminalProgress progress;
  const workflows::TrainResult r = workflows::runTraining(params, progress);
  progress.finish();
  std::cout << "run " << r.runId << " on " << r.device << '\n';
  for (const auto& f : r.folds) {
    std::printf("  fold %d (train %s, held out %s): %s after %lld steps", f.fold, taskList(f.trainTasks).c_str(),
                taskList(f.heldoutTasks).c_str(), f.stop.c_str(), (long long)f.steps);
    if (f.stepsPerSecond > 0) std::printf(", %.2f steps/s, data wait %.1f %%", f.stepsPerSecond, 100 * f.dataWaitFraction);
    std::printf("\n");
    if (f.bestStep >= 0)
      std::printf("    best validation loss %.5f at step %lld; pixel AP%s\n", f.bestValidationLoss,
                  (long long)f.bestStep, apList(f.bestPixelAp).c_str());
    if (!f.validationCurve.empty()) {
      std::printf("    validation loss:");
      for (const auto& [step, loss] : f.validationCurve) std::printf(" %lld:%.4f", (long long)step, loss);
      std::printf("\n");
    }
    if (!f.message.empty()) std::cerr << "    " << f.message << '\n';
  }
  std::fflush(stdout);
  if (r.failed) return 1;
  if (r.cancelled) {
    std::cerr << "cancelled: continue with `lightbox-cli train " << params.projectPath << " --resume " << r.runId
              << "`\n";
    return 130;
  }
  if (!r.folds.empty() && r.folds.back().stop == "time-limit")
    std::cerr << "time limit reached: continue with `lightbox-cli train " << params.projectPath << " --resume "
              << r.runId << "`\n";
  return 0;
}
#endif

int runRuns(const std::string& path) {
  const auto runs = workflows::listRuns(path);
  if (runs.empty()) std::cout << "no training runs yet: start one with `lightbox-cli train`\n";
  for (const auto& r : runs) {
    std::cout << "run " << r.id << " [" << r.status << "] preset " << r.preset << ", seed " << r.seed << ", "
              << r.device << ", started " << r.createdAt << '\n';
    if (!r.error.empty()) std::cout << "  error: " << r.error << '\n';
    for (const auto& f : r.folds) {
      std::printf("  fold %d (train %s, held out %s) [%s] %lld steps", f.fold, taskList(f.trainTasks).c_str(),
                  taskList(f.heldoutTasks).c_str(), f.status.c_str(), (long long)f.steps);
      if (f.bestStep >= 0)
        std::printf("; best val loss %.5f at step %lld; pixel AP%s", f.bestValidationLoss, (long long)f.bestStep,
                    apList(f.bestPixelAp).c_str());
      std::printf("\n");
    }
  }
  std::fflush(stdout);
  return 0;
}

}  // namespace

void addTrainCommands(CLI::App& app, int& exitCode) {
#ifdef LIGHTBOX_HAS_TRAINING
  auto p = std::make_shared<workflows::TrainParams>();
  auto tasks = std::make_shared<std::string>();
  auto* train = app.add_subcommand("train", "Train the U-Net on a healthy dataset (one fold or all folds of a T)");
  train->add_option("project", p->projectPath, "Project file")->required()->check(CLI::ExistingFile);
  train->add_option("--dataset", p->dataset, "Healthy dataset to train on");
  train->add_option("--blend", p->blendDataset, "Blend-source dataset for inter-dataset blending (task 1)");
  train->add_option("--preset", p->preset, "Training preset")->check(CLI::IsMember(workflows::trainingPresetNames()));
  auto* tasksOpt = train->add_option("--tasks", *tasks, "Training tasks, e.g. 0,2 (the others validate)");
  auto* tOpt = train->add_option("--T", p->trainingTaskCount, "Number of training tasks: all C(5,T) folds")
                   ->check(CLI::Range(1, 4));
  train->add_option("--fold", p->fold, "With --T: only this fold (e.g. one cluster array task per fold)")
      ->needs(tOpt)
      ->check(CLI::NonNegativeNumber);
  tasksOpt->excludes(tOpt);
  train->add_option("--seed", p->seed, "Seed of weights, samples and validation");
  train->add_option("--max-steps", p->maxSteps, "Optimiser steps per fold (default: the preset's epochs)")
      ->check(CLI::PositiveNumber);
  train->add_option("--minutes", p->minutes, "Wall-clock limit; the run stays resumable")
      ->check(CLI::PositiveNumber);
  train->add_option("--validate-every", p->validateEvery, "Steps between validations (default: every epoch)")
      ->check(CLI::PositiveNumber);
  train->add_option("--device", p->device, "auto, cpu or cuda")->check(CLI::IsMember({"auto", "cpu", "cuda"}));
  train->add_option("--threads", p->threads, "LibTorch CPU threads")->check(CLI::PositiveNumber);
  train->add_option("--workers", p->workers, "Sample-generating threads (default: cores - 1)")
      ->check(CLI::PositiveNumber);
  train->add_option("--name", p->runName,
                    "Run name; fold jobs with the same name join one run (one ensemble), e.g. a cluster array");
  train->add_option("--resume", p->resumeRun, "Continue this run from its latest checkpoints")
      ->check(CLI::PositiveNumber);
  train->callback([p, tasks, &exitCode] {
    exitCode = guarded("train", [&] {
      p->tasks = parseIntList(*tasks, "--tasks");
      if (p->resumeRun == 0 && p->dataset.empty()) throw std::invalid_argument("--dataset is required");
      if (p->resumeRun == 0 && p->tasks.empty() && p->trainingTaskCount == 0)
        throw std::invalid_argument("give --tasks or --T");
      return runTrain(*p);
    });
  });
#endif
  auto mergeTarget = std::make_shared<std::string>();
  auto mergeSources = std::make_shared<std::vector<std::string>>();
  auto* merge = app.add_subcommand("merge-runs", "Copy the runs of other project files (e.g. cluster fold copies) into this one");
  merge->add_option("project", *mergeTarget, "Project file to merge into")->required()->check(CLI::ExistingFile);
  merge->add_option("sources", *mergeSources, "Project files whose runs to copy")->required()->check(CLI::ExistingFile);
  merge->callback([mergeTarget, mergeSources, &exitCode] {
    exitCode = guarded("merge-runs", [&] {
      const auto r = workflows::mergeRuns(*mergeTarget, *mergeSources);
      for (const auto& m : r.messages) std::cout << m << '\n';
      std::cout << r.foldsCopied << " fold(s) copied, " << r.foldsSkipped << " already present, " << r.runsCreated
                << " run(s) created\n";
      return 0;
    });
  });

  auto runsPath = std::make_shared<std::string>();
  auto* runs = app.add_subcommand("runs", "Training runs with status and best validation figures");
  runs->add_option("project", *runsPath, "Project file")->required()->check(CLI::ExistingFile);
  runs->callback([runsPath, &exitCode] { exitCode = guarded("runs", [&] { return runRuns(*runsPath); }); });
}

}  // namespace lightbox::cli
