#pragma once
// `lightbox-cli evaluate ... --curves FILE.csv`: the ROC and PR points of every model evaluate reported, at sample
// and pixel level (workflows/curves.h), one row per point.

#include <string>

#include "lightbox/core/progress.h"
#include "lightbox/workflows/evaluate.h"

namespace lightbox::cli {

/// Columns: dataset, folds ("0;1"), level (sample | pixel), curve (roc | pr), threshold ("inf" for nothing
/// positive), x, y (roc: FPR, TPR; pr: recall, precision), true_positives, false_positives, positives, negatives.
/// Points in scikit-learn's order; pixel curves thinned to 512 exact points. Written to FILE.tmp, then renamed, so
/// an older file survives a failure. Returns the rows written; throws std::runtime_error naming the file.
long long writeCurvesCsv(const workflows::EvaluateParams& params, const workflows::EvaluateResult& result,
                         const std::string& path, ProgressSink& progress);

}  // namespace lightbox::cli
