#include "training/threshold_logic.h"

#include <QCoreApplication>
#include <QLocale>
#include <QStringList>

#include <algorithm>

namespace lightbox::ui {

namespace {

/// The translation context of the texts below (lupdate sees ThresholdLogic::tr).
class ThresholdLogic {
  Q_DECLARE_TR_FUNCTIONS(ThresholdLogic)
};

QString number(double v, int decimals = 3) { return QLocale().toString(v, 'f', decimals); }

QString rate(double v) { return QLocale().toString(v, 'g', 3); }

}  // namespace

std::vector<int> ensembleFolds(const workflows::RunOverview& run) {
  std::vector<int> folds;
  for (const auto& f : run.folds)
    if (f.bestStep >= 0) folds.push_back(f.fold);
  std::sort(folds.begin(), folds.end());
  return folds;
}

QString whyNoProposal(const workflows::RunOverview& run, int fold) {
  // A run that stopped (time limit, cancel, crash) has a best checkpoint as good as a finished one's, and the demo's
  // time-limited runs stop "paused": only a run still changing its checkpoint waits.
  if (run.status == "running" || run.status == "queued")
    return ThresholdLogic::tr("Run %1 is still training: a threshold is proposed once it stops.").arg(run.id);
  if (fold < 0)
    return ensembleFolds(run).empty() ? ThresholdLogic::tr("Run %1 has no best checkpoint yet.").arg(run.id)
                                      : QString();
  for (const auto& f : run.folds)
    if (f.fold == fold)
      return f.bestStep >= 0 ? QString()
                             : ThresholdLogic::tr("Fold %1 of run %2 has no best checkpoint.").arg(fold).arg(run.id);
  return ThresholdLogic::tr("Run %1 has no fold %2.").arg(run.id).arg(fold);
}

QString modelName(const workflows::RunOverview& run, int fold) {
  if (fold >= 0) return ThresholdLogic::tr("fold %1").arg(fold);
  const std::vector<int> folds = ensembleFolds(run);
  if (run.folds.size() <= 1) return ThresholdLogic::tr("its only model");
  QStringList ids;
  for (int f : folds) ids << QString::number(f);
  return ThresholdLogic::tr("ensemble of folds %1").arg(ids.join(QStringLiteral(", ")));
}

QString decidedByText(const std::string& decidedBy) {
  if (decidedBy == "best-synthetic-f1") return ThresholdLogic::tr("best pixel F1 on the held-out synthetic tasks");
  if (decidedBy == "healthy-false-positive-rate")
    return ThresholdLogic::tr("the false-positive rate on the healthy validation images");
  if (decidedBy == "user") return ThresholdLogic::tr("set by the user");
  if (decidedBy.empty()) return ThresholdLogic::tr("not recorded");
  return QString::fromStdString(decidedBy);
}

QString thresholdStatusText(const workflows::ThresholdStatus& status) {
  QString text;
  if (status.user)
    text = ThresholdLogic::tr("<b>Threshold %1</b>, set by the user (Review page): it stays in force.")
               .arg(number(*status.user));
  if (!status.proposal) {
    if (text.isEmpty()) return ThresholdLogic::tr("No threshold proposed yet: predicting finds no regions until one "
                                                  "is proposed or set on the Review page.");
    return text;
  }
  const workflows::ThresholdResult& p = *status.proposal;
  const QString figures =
      p.decidedBy.empty()
          ? QString()
          : ThresholdLogic::tr("decided by %1 · F1 %2 on the held-out synthetic tasks (best %3 at %4) · healthy "
                               "false-positive rate %5 (target %6, reached at %7)")
                .arg(decidedByText(p.decidedBy), number(p.f1AtThreshold), number(p.bestF1), number(p.f1Threshold),
                     rate(p.falsePositiveRateAtThreshold), rate(p.targetFalsePositiveRate), number(p.fprThreshold));
  if (status.user)
    text += QLatin1Char(' ') + ThresholdLogic::tr("Proposed beside it: %1.").arg(number(p.threshold));
  else
    text = ThresholdLogic::tr("<b>Threshold %1</b>, proposed.").arg(number(p.threshold));
  if (!figures.isEmpty()) text += QStringLiteral("<br><small>%1</small>").arg(figures.toHtmlEscaped());
  return text;
}

QString thresholdProgressText(qint64 done, qint64 total, const QString& what, const QString& eta) {
  QString text = what == QLatin1String("held-out-task samples") && total > 0
                     ? ThresholdLogic::tr("Proposing a threshold: held-out-task sample %1 of %2")
                           .arg(QLocale().toString(std::min(done + 1, total)), QLocale().toString(total))
                 : what == QLatin1String("loading the run's healthy images")
                     ? ThresholdLogic::tr("Proposing a threshold: loading the run's healthy images…")
                     : ThresholdLogic::tr("Proposing a threshold: %1").arg(what);
  if (!eta.isEmpty()) text += QStringLiteral(" · ") + eta;
  return text;
}

}  // namespace lightbox::ui
