#pragma once
// ROC and PR curves of a model on a dataset with ground truth (issue #7), and the images behind the errors at a
// chosen threshold. Plain structs (core's eval::Curves included) so the desktop reaches them without the project file.
//
// Sample level: one point per image, score = the stored mean of the clipped map (the paper's image score; ranked as
// float, as runEvaluation ranks it), label = any ground-truth voxel on the working grid. Pixel level: every voxel of
// the images with ground truth, streamed from the project (never all in memory), thinned to a few hundred exact
// points. Labels are derived as runEvaluation derives them, so AP and AUROC equal its "sample" and "pixel" figures
// for the same model. Images without ground truth are left out of both (and counted).

#include <cstdint>
#include <string>
#include <vector>

#include "lightbox/core/eval/curves.h"
#include "lightbox/core/progress.h"

namespace lightbox::workflows {

struct CurvesParams {
  std::string projectPath;
  int64_t runId = 0;
  std::vector<int> folds;  ///< the model (any order)
  int64_t datasetId = 0;
  /// Pixel thresholds whose operating points stay exact after thinning (e.g. the review threshold).
  std::vector<double> keepThresholds;
  size_t maxPixelPoints = 512;
};

struct CurveImage {
  int64_t imageId = 0, predictionId = 0;
  std::string sourcePath;
  double score = 0;         ///< the stored mean score
  bool lesion = false;      ///< any ground-truth voxel on the working grid
  int64_t voxels = 0, truthVoxels = 0;
};

struct ModelCurves {
  eval::Curves sample, pixel;
  std::vector<CurveImage> images;    ///< the images with ground truth, by image id
  int imagesWithoutGroundTruth = 0;  ///< predicted but without mask or boxes: left out
  bool cancelled = false;            ///< the rest is then incomplete
};

/// Throws std::invalid_argument for an unknown run or dataset, a model without predictions on the dataset, or no
/// image with ground truth; std::runtime_error naming the image when its data cannot be read.
ModelCurves computeCurves(const CurvesParams& params, ProgressSink& progress);

/// Sample-level errors at `threshold` on the mean score (compared as the curve ranks it: float(score) >= threshold):
/// false positives (no lesion, score >= threshold), highest score first; false negatives (lesion, score below),
/// lowest score first — the worst of each on top.
struct SampleErrors {
  std::vector<CurveImage> falsePositives, falseNegatives;
};
SampleErrors sampleErrorsAt(const ModelCurves& curves, double threshold);

struct PixelErrorImage {
  int64_t imageId = 0, predictionId = 0;
  std::string sourcePath;
  double score = 0;  ///< the stored mean score
  int64_t falsePositives = 0, falseNegatives = 0, truePositives = 0, truthVoxels = 0, voxels = 0;
};

struct PixelErrorsParams {
  std::string projectPath;
  int64_t runId = 0;
  std::vector<int> folds;
  int64_t datasetId = 0;
  double threshold = 0.5;  ///< a voxel is predicted anomalous when its clipped score >= threshold
};

/// Pixel-level errors per image at a threshold, so a user sees which images drive them: `falsePositives` holds the
/// images with any false-positive voxel, most first; `falseNegatives` those with any missed truth voxel, most first
/// (ties by image id). Totals over all images equal the pixel curve's counts at that threshold.
struct PixelErrors {
  double threshold = 0;
  std::vector<PixelErrorImage> falsePositives, falseNegatives;
  uint64_t totalFalsePositives = 0, totalFalseNegatives = 0;
  bool cancelled = false;
};
/// Reads every map of the model on the dataset once (run it off the GUI thread). Throws as computeCurves, and
/// std::invalid_argument for a NaN threshold.
PixelErrors pixelErrorsAt(const PixelErrorsParams& params, ProgressSink& progress);

}  // namespace lightbox::workflows
