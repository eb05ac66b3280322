#pragma once
// Which folds judge what in a threshold proposal (issue #7; docs/method-decisions.md, "Threshold"). Each healthy
// validation array, and each held-out-task sample made from a fold's validation images, is judged only by the
// folds that held those images (and that task) out: for an ensemble, by the mean of those folds' clipped maps.
// Judging everything by the whole ensemble, as proposals did before, lets folds judge images they trained on.
// Built with the models only.

#include <vector>

#include "lightbox/core/progress.h"
#include "lightbox/workflows/predict.h"
#include "train_data.h"

namespace lightbox::workflows::detail {

enum class ThresholdJudges {
  HeldOutFolds,   ///< the rule in force
  WholeEnsemble,  ///< the rule before issue #7, kept only as the reference the tests compare against
};

ThresholdResult proposeThreshold(const ThresholdParams& params, ProgressSink& progress, ThresholdJudges judges);

/// Positions (in `partitions`) of the folds whose validation partition holds every array of fold `f`'s: a sample
/// made from fold f's validation images may mix in any of them (blending, cut-paste, patch interpolation), so only
/// these folds never saw any part of it. Always includes `f`.
std::vector<size_t> foldsHoldingOutPartitionOf(const std::vector<FoldData>& partitions, size_t f);

}  // namespace lightbox::workflows::detail
