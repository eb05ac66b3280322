#pragma once
// Evaluation against ground truth and the CSV export of findings (issue #5). Metrics are the paper's (SPEC §5.2):
// AP and AUROC at sample, slice (3D) and pixel level, the pixel AP also "in batches of 20", for every stored model of
// a run (each fold and the ensemble). Labels come from the test images' masks or boxes, carried to the working grid
// of the predictions through the stored mapping. Torch-free: evaluation and export need no LibTorch.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "lightbox/core/progress.h"

namespace lightbox::workflows {

struct EvaluateParams {
  std::string projectPath;
  int64_t runId = 0;
  std::string dataset;  ///< the test dataset; empty = every dataset with predictions of the run
};

struct ScaleFigures {
  std::string scale;                 ///< "sample", "slice", "pixel"
  double ap = 0, auroc = 0;          ///< sample/slice: of the mean score (the paper's); pixel: over all voxels
  std::optional<double> apBatches, apBatchesStd;  ///< pixel only: AP in batches of 20 (mean, std over 10 repeats)
  int64_t items = 0, positives = 0;  ///< images, slices or voxels
  std::vector<std::string> warnings;
};

struct ModelFigures {
  std::vector<int> folds;
  bool ensemble = false;
  int images = 0;
  std::vector<ScaleFigures> scales;
};

struct DatasetFigures {
  std::string dataset;
  int imagesWithoutGroundTruth = 0;  ///< left out of the metrics
  std::vector<ModelFigures> models;
};

struct EvaluateResult {
  int64_t runId = 0;
  std::vector<DatasetFigures> datasets;
  std::string json;                  ///< everything above, for files and scripts
};

/// Throws std::invalid_argument for an unknown run or dataset, or when nothing was predicted yet.
EvaluateResult runEvaluation(const EvaluateParams& params, ProgressSink& progress);

struct ExportParams {
  std::string projectPath;
  int64_t runId = 0;
  std::vector<int> folds;           ///< the model; empty = the run's ensemble of every predicted fold
  std::string only = "all";         ///< all | reviewed | accepted
  std::string dataset;              ///< empty = all
  std::string output;
};

struct ExportResult {
  int64_t rows = 0;
  std::vector<int> folds;
  std::string output;
};

ExportResult exportFindings(const ExportParams& params);

}  // namespace lightbox::workflows
