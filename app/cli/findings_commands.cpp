#include "findings_commands.h"

#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>

#include "command_errors.h"
#include "curves_csv.h"
#include "int_list.h"
#include "lightbox/workflows/evaluate.h"
#include "lightbox/workflows/simulated_lesions.h"
#include "terminal_progress.h"
#ifdef LIGHTBOX_HAS_TRAINING
#include "lightbox/workflows/predict.h"
#endif

namespace lightbox::cli {

namespace {

std::string foldList(const std::vector<int>& folds) {
  std::string s;
  for (const int f : folds) s += (s.empty() ? "" : ",") + std::to_string(f);
  return s;
}

int runSimulate(const workflows::SimulatedLesionParams& p) {
  TerminalProgress progress;
  const auto r = workflows::createSimulatedLesionTestSet(p, progress);
  progress.finish();
  std::printf("test dataset '%s': %d held-out slices of '%s' (now left out of training), %d with SIMULATED lesions "
              "(%lld lesion pixels), %d healthy\n",
              p.testDataset.c_str(), r.heldOutSlices, p.sourceDataset.c_str(), r.withLesions,
              (long long)r.lesionPixels, r.heldOutSlices - r.withLesions);
  return 0;
}

void printEvaluation(const workflows::EvaluateResult& r) {
  std::printf("run %lld: AP / AUROC x 100 (sample and slice scales: mean score; pixel: all voxels, and AP in batches "
              "of 20)\n", (long long)r.runId);
  for (const auto& d : r.datasets) {
    std::printf("\ndataset %s", d.dataset.c_str());
    if (d.imagesWithoutGroundTruth) std::printf(" (%d images without ground truth left out)", d.imagesWithoutGroundTruth);
    std::printf("\n  %-14s %6s", "model", "images");
    for (const auto& s : d.models.front().scales) std::printf("  %-13s", s.scale.c_str());
    std::printf("  %-10s\n", "pixel AP/20");
    for (const auto& m : d.models) {
      const std::string name = m.ensemble ? "ensemble " + foldList(m.folds) : "fold " + foldList(m.folds);
      std::printf("  %-14s %6d", name.c_str(), m.images);
      for (const auto& s : m.scales) std::printf("  %5.1f / %5.1f", 100 * s.ap, 100 * s.auroc);
      for (const auto& s : m.scales)
        if (s.apBatches) std::printf("  %4.1f +- %.1f", 100 * *s.apBatches, 100 * *s.apBatchesStd);
      std::printf("\n");
      for (const auto& s : m.scales)
        for (const auto& w : s.warnings) std::printf("    %s: %s\n", s.scale.c_str(), w.c_str());
    }
  }
  std::fflush(stdout);
}

}  // namespace

void addFindingsCommands(CLI::App& app, int& exitCode) {
  auto sim = std::make_shared<workflows::SimulatedLesionParams>();
  auto* simulate = app.add_subcommand(
      "simulate-lesions", "Hold out every k-th healthy slice and make a test set with SIMULATED lesions from them");
  simulate->add_option("project", sim->projectPath, "Project file")->required()->check(CLI::ExistingFile);
  simulate->add_option("--from", sim->sourceDataset, "Healthy dataset of 2D slices (brain-slices-2d)")->required();
  simulate->add_option("--dataset", sim->testDataset, "Name of the new test dataset");
  simulate->add_option("--every", sim->holdOutEvery, "Hold out every k-th slice of each volume")->check(CLI::Range(2, 1000));
  simulate->add_option("--lesion-share", sim->lesionShare, "Share of held-out slices given lesions")->check(CLI::Range(0.0, 1.0));
  simulate->add_option("--seed", sim->seed, "Seed of the lesions");
  simulate->callback([sim, &exitCode] { exitCode = guarded("simulate-lesions", [&] { return runSimulate(*sim); }); });

#ifdef LIGHTBOX_HAS_TRAINING
  auto pp = std::make_shared<workflows::PredictParams>();
  auto ppFolds = std::make_shared<std::string>();
  auto* predict = app.add_subcommand("predict", "Anomaly maps, scores and findings of a run on a test dataset");
  predict->add_option("project", pp->projectPath, "Project file")->required()->check(CLI::ExistingFile);
  predict->add_option("--run", pp->runId, "Training run")->required()->check(CLI::PositiveNumber);
  predict->add_option("--dataset", pp->dataset, "Test dataset")->required();
  predict->add_option("--folds", *ppFolds, "Folds to ensemble (default: every trained fold)");
  predict->add_option("--threshold", pp->threshold, "Findings threshold (default: the model's proposal or override)")
      ->check(CLI::Range(0.0, 1.0));
  predict->add_option("--min-size", pp->minFindingVoxels, "Smallest finding in voxels")->check(CLI::PositiveNumber);
  predict->add_option("--reviewed", pp->reviewedFindings, "Reviewed findings of an earlier prediction: refuse, keep, discard")
      ->check(CLI::IsMember({"refuse", "keep", "discard"}));
  predict->add_flag("--only-unpredicted", pp->onlyUnpredicted,
                    "Predict only the images this model has no prediction of yet (finish a cancelled or partial "
                    "prediction); the others, their maps and their reviews stay as they are");
  predict->add_option("--device", pp->device, "auto, cpu or cuda")->check(CLI::IsMember({"auto", "cpu", "cuda"}));
  predict->add_option("--threads", pp->threads, "LibTorch CPU threads")->check(CLI::PositiveNumber);
  predict->callback([pp, ppFolds, &exitCode] {
    exitCode = guarded("predict", [&] {
      pp->folds = parseIntList(*ppFolds, "--folds");
      TerminalProgress progress;
      const auto r = workflows::runPrediction(*pp, progress);
      progress.finish();
      std::printf("run %lld, folds %s on %s: %d images, %d maps stored, %.3f s per image", (long long)pp->runId,
                  foldList(r.folds).c_str(), r.device.c_str(), r.images, r.predictions, r.secondsPerImage);
      if (r.threshold >= 0) std::printf(", %lld findings at threshold %.3f", (long long)r.findings, r.threshold);
      if (pp->onlyUnpredicted) std::printf(", %d predicted before and left as they were", r.skipped);
      std::printf("\n");
      for (const auto& f : r.failures) std::fprintf(stderr, "  not predicted: %s: %s\n", f.image.c_str(), f.reason.c_str());
      if (r.cancelled) return 130;
      return r.failures.empty() ? 0 : 1;
    });
  });

  auto tp = std::make_shared<workflows::ThresholdParams>();
  auto tpFolds = std::make_shared<std::string>();
  auto* threshold = app.add_subcommand(
      "threshold", "Propose a findings threshold from the held-out synthetic tasks and healthy images (or set one)");
  threshold->add_option("project", tp->projectPath, "Project file")->required()->check(CLI::ExistingFile);
  threshold->add_option("--run", tp->runId, "Training run")->required()->check(CLI::PositiveNumber);
  threshold->add_option("--folds", *tpFolds, "The model's folds (default: every trained fold)");
  threshold->add_option("--samples", tp->samplesPerFold, "Held-out-task samples per fold")->check(CLI::PositiveNumber);
  threshold->add_option("--target-fpr", tp->targetFalsePositiveRate, "Healthy pixel false-positive rate to stay under")
      ->check(CLI::Range(0.0, 0.5));
  threshold->add_option("--seed", tp->seed, "Seed of the held-out-task samples");
  threshold->add_option("--set", tp->userThreshold, "Record this threshold as the user's override instead")
      ->check(CLI::Range(0.0, 1.0));
  threshold->add_option("--device", tp->device, "auto, cpu or cuda")->check(CLI::IsMember({"auto", "cpu", "cuda"}));
  threshold->callback([tp, tpFolds, &exitCode] {
    exitCode = guarded("threshold", [&] {
      tp->folds = parseIntList(*tpFolds, "--folds");
      TerminalProgress progress;
      const auto r = workflows::proposeModelThreshold(*tp, progress);
      progress.finish();
      if (r.decidedBy == "user") {
        std::printf("run %lld folds %s: threshold %.3f set by the user\n", (long long)tp->runId, foldList(r.folds).c_str(), r.threshold);
        return 0;
      }
      std::printf("run %lld folds %s: proposed threshold %.3f (decided by %s)\n", (long long)tp->runId,
                  foldList(r.folds).c_str(), r.threshold, r.decidedBy.c_str());
      std::string tasks;
      for (const auto& t : r.heldOutTasks) tasks += (tasks.empty() ? "" : ", ") + t;
      std::printf("  held-out synthetic tasks (%s), %lld pixels: best pixel F1 %.3f at %.3f\n", tasks.c_str(),
                  (long long)r.syntheticPixels, r.bestF1, r.f1Threshold);
      std::printf("  healthy validation images, %lld pixels: false-positive rate <= %.0e from %.3f\n",
                  (long long)r.healthyPixels, r.targetFalsePositiveRate, r.fprThreshold);
      std::printf("  at %.3f: F1 %.3f on the synthetic samples, false-positive rate %.2e on healthy images\n",
                  r.threshold, r.f1AtThreshold, r.falsePositiveRateAtThreshold);
      std::printf("  %9s %9s %9s %9s %12s\n", "threshold", "precision", "recall", "F1", "healthy FPR");
      for (size_t i = 0; i < r.curve.size(); i += 5) {
        const auto& c = r.curve[i];
        std::printf("  %9.2f %9.3f %9.3f %9.3f %12.2e\n", c.threshold, c.precision, c.recall, c.f1, c.falsePositiveRate);
      }
      std::printf("override with `lightbox-cli threshold %s --run %lld --set VALUE`\n", tp->projectPath.c_str(),
                  (long long)tp->runId);
      return 0;
    });
  });
#endif

  auto ep = std::make_shared<workflows::EvaluateParams>();
  auto epJson = std::make_shared<std::string>();
  auto* evaluate = app.add_subcommand("evaluate", "AP / AUROC of a run's predictions against the ground truth");
  evaluate->add_option("project", ep->projectPath, "Project file")->required()->check(CLI::ExistingFile);
  evaluate->add_option("--run", ep->runId, "Training run")->required()->check(CLI::PositiveNumber);
  evaluate->add_option("--dataset", ep->dataset, "Test dataset (default: every dataset predicted)");
  evaluate->add_option("--json", *epJson, "Also write the figures as JSON to this file");
  auto epCurves = std::make_shared<std::string>();
  evaluate->add_option("--curves", *epCurves, "Also write the ROC / PR points (sample and pixel) as CSV to this file");
  evaluate->callback([ep, epJson, epCurves, &exitCode] {
    exitCode = guarded("evaluate", [&] {
      TerminalProgress progress;
      const auto r = workflows::runEvaluation(*ep, progress);
      progress.finish();
      printEvaluation(r);
      if (!epJson->empty()) {
        std::ofstream out(*epJson);
        out << r.json << '\n';
        if (!out) throw std::runtime_error("cannot write " + *epJson);
      }
      if (!epCurves->empty()) {
        TerminalProgress curvesProgress;
        const long long rows = writeCurvesCsv(*ep, r, *epCurves, curvesProgress);
        curvesProgress.finish();
        std::printf("%lld curve points written to %s\n", rows, epCurves->c_str());
      }
      return 0;
    });
  });

  auto xp = std::make_shared<workflows::ExportParams>();
  auto xpFolds = std::make_shared<std::string>();
  auto* exportCmd = app.add_subcommand("export", "Findings of a run as CSV (RFC 4180, UTF-8)");
  exportCmd->add_option("project", xp->projectPath, "Project file")->required()->check(CLI::ExistingFile);
  exportCmd->add_option("--run", xp->runId, "Training run")->required()->check(CLI::PositiveNumber);
  exportCmd->add_option("--folds", *xpFolds, "The model's folds (default: the ensemble)");
  exportCmd->add_option("--only", xp->only, "all, reviewed or accepted")->check(CLI::IsMember({"all", "reviewed", "accepted"}));
  exportCmd->add_option("--dataset", xp->dataset, "Only this dataset");
  exportCmd->add_option("-o,--output", xp->output, "CSV file to write")->required();
  exportCmd->callback([xp, xpFolds, &exitCode] {
    exitCode = guarded("export", [&] {
      xp->folds = parseIntList(*xpFolds, "--folds");
      const auto r = workflows::exportFindings(*xp);
      std::printf("%lld findings of run %lld (folds %s) written to %s\n", (long long)r.rows, (long long)xp->runId,
                  foldList(r.folds).c_str(), r.output.c_str());
      return 0;
    });
  });
}

}  // namespace lightbox::cli
