#pragma once
// What the Review page tells the user about a finished prediction (issue #7), worded without widgets: one line for
// the page's status (images done, failed, device, speed) and the text of its "Details…" dialog (every warning, every
// failed image with its reason). The page keeps the last report of a model on a dataset, so it stays on screen.

#include <QString>

#include "lightbox/workflows/predict.h"

namespace lightbox::ui {

struct PredictionReport {
  bool complete = false;  ///< not cancelled, nothing failed: predictionFinished's `ok`
  int failed = 0;
  QString status;   ///< one line
  QString details;  ///< plain text, several lines
};

/// `cancelled`: the user stopped it (the result holds the images done until then).
PredictionReport describePrediction(const workflows::PredictResult& result, bool cancelled);
/// A prediction that could not run at all (unknown run, no checkpoint, a bad option): the workflow's error.
PredictionReport describePredictionError(const QString& error);

}  // namespace lightbox::ui
