#pragma once
// Presentation logic of the Training page's threshold part, without widgets (tested on its own): which model of a
// run a proposal is for, whether a run can have one, and the wording of a stored proposal beside a user override.

#include <QString>

#include <vector>

#include "lightbox/workflows/predict.h"
#include "lightbox/workflows/train.h"

namespace lightbox::ui {

/// The folds of the run's ensemble: those with a best checkpoint, sorted (what proposeModelThreshold takes for
/// "no folds given", so the stored proposal is found again under them).
std::vector<int> ensembleFolds(const workflows::RunOverview& run);
/// A proposal needs a finished run (a paused or cancelled one is still changing) with a best checkpoint per fold
/// asked for; `fold` < 0 means the ensemble. Empty when it can, else why not.
QString whyNoProposal(const workflows::RunOverview& run, int fold);
/// "Ensemble of folds 0, 1, 2", "Fold 1" or, for a one-fold run, "The model".
QString modelName(const workflows::RunOverview& run, int fold);
QString decidedByText(const std::string& decidedBy);
/// Rich text: the threshold in force and how it was decided (F1 on the held-out synthetic tasks, healthy false-
/// positive rate), and a user override that stays in force over the proposal.
QString thresholdStatusText(const workflows::ThresholdStatus& status);
/// The progress line of a running proposal.
QString thresholdProgressText(qint64 done, qint64 total, const QString& what, const QString& eta);

}  // namespace lightbox::ui
