#pragma once
// A test set with SIMULATED lesions, made inside the project from held-out slices of a healthy dataset (issue #5).
// No real lesion data can be obtained here, so the end-to-end check of prediction, evaluation and export needs
// test images with known ground truth: every k-th slice of each healthy volume is held out of training (recorded in
// the project, so that training skips it) and copied into a test dataset, most of them with one or two lesion-like
// blobs (smooth-edged ellipses, brighter or darker than the tissue) and their masks as ground truth. The blobs are
// not one of the synthetic training tasks. Everything made this way is named "simulated" in the project.

#include <cstdint>
#include <string>
#include <vector>

#include "lightbox/core/progress.h"

namespace lightbox::workflows {

struct SimulatedLesionParams {
  std::string projectPath;
  std::string sourceDataset;                   ///< healthy 2D slices (import preset brain-slices-2d)
  std::string testDataset = "simulated-lesions";
  int holdOutEvery = 5;                        ///< slices 0, k, 2k, ... of each volume leave training
  double lesionShare = 0.75;                   ///< of the held-out slices, this share gets lesions; the rest stay healthy
  uint64_t seed = 0;
};

struct SimulatedLesionResult {
  int64_t datasetId = 0;
  int heldOutSlices = 0;
  int withLesions = 0;
  int64_t lesionPixels = 0;
  std::vector<std::string> warnings;
};

/// Throws std::invalid_argument for an unknown source dataset, one without 2D slices, an existing test dataset of
/// that name, or holdOutEvery < 2; std::runtime_error when the project cannot be written.
SimulatedLesionResult createSimulatedLesionTestSet(const SimulatedLesionParams& params, ProgressSink& progress);

}  // namespace lightbox::workflows
