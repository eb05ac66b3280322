#include "review/prediction_report.h"

#include <QCoreApplication>
#include <QLocale>
#include <QStringList>

#include "training/training_logic.h"

namespace lightbox::ui {

namespace {

class PredictionText {
  Q_DECLARE_TR_FUNCTIONS(PredictionText)
};

QString deviceAndSpeed(const workflows::PredictResult& r) {
  const QString device = deviceText(r.device);
  if (r.images == 0) return PredictionText::tr("on %1").arg(device);
  return PredictionText::tr("on %1, %2 s per image").arg(device, QLocale().toString(r.secondsPerImage, 'g', 3));
}

}  // namespace

PredictionReport describePrediction(const workflows::PredictResult& r, bool cancelled) {
  PredictionReport out;
  out.failed = int(r.failures.size());
  out.complete = !cancelled && r.failures.empty();
  QStringList warnings;
  // The workflow's own words point at the command line; on the page the way to a threshold is the Training page.
  if (r.threshold < 0)
    warnings << PredictionText::tr("No threshold for this model: maps and scores are stored, findings are not made — propose one "
                   "on the Training page, then press “Find again at this threshold” here.");
  for (size_t i = 0; i < r.warnings.size(); ++i)
    if (i >= r.warningCodes.size() || r.warningCodes[i] != workflows::kPredictWarningNoThreshold)
      warnings << QString::fromStdString(r.warnings[i]);

  if (cancelled)
    out.status = PredictionText::tr("Prediction cancelled after %n image(s); the images done so far are kept", nullptr, r.images);
  else if (out.failed)
    out.status = PredictionText::tr("Predicted %n image(s)", nullptr, r.images) + PredictionText::tr("; %n failed", nullptr, out.failed);
  else
    out.status = PredictionText::tr("Predicted %n image(s)", nullptr, r.images);
  out.status += QStringLiteral(" (") + deviceAndSpeed(r) + QStringLiteral(")");
  if (cancelled && out.failed) out.status += PredictionText::tr("; %n failed", nullptr, out.failed);
  if (!warnings.isEmpty()) out.status += PredictionText::tr("; %n warning(s)", nullptr, int(warnings.size()));
  if (out.failed || !warnings.isEmpty()) out.status += PredictionText::tr(" — see Details…");
  else out.status += QStringLiteral(".");

  QStringList d;
  d << PredictionText::tr("Device: %1").arg(deviceText(r.device));
  d << PredictionText::tr("Images predicted: %1").arg(r.images);
  if (r.skipped) d << PredictionText::tr("Images predicted before, left as they were: %1").arg(r.skipped);
  if (r.images) d << PredictionText::tr("Seconds per image: %1").arg(QLocale().toString(r.secondsPerImage, 'g', 3));
  d << PredictionText::tr("Maps stored: %1").arg(r.predictions);
  if (r.threshold >= 0)
    d << PredictionText::tr("Findings: %1 at threshold %2").arg(r.findings).arg(QLocale().toString(r.threshold, 'f', 3));
  if (cancelled) d << PredictionText::tr("Cancelled: the images not reached have no prediction yet.");
  if (!warnings.isEmpty()) {
    d << QString() << PredictionText::tr("Warnings:");
    for (const QString& w : warnings) d << QStringLiteral("• ") + w;
  }
  if (out.failed) {
    d << QString() << PredictionText::tr("Images that failed (they have no prediction; predict the remaining images to retry):");
    for (const auto& f : r.failures)
      d << QStringLiteral("• %1: %2").arg(QString::fromStdString(f.image), QString::fromStdString(f.reason));
  }
  out.details = d.join(QLatin1Char('\n'));
  return out;
}

PredictionReport describePredictionError(const QString& error) {
  PredictionReport out;
  out.status = PredictionText::tr("Prediction failed: %1").arg(error);
  out.details = out.status;
  return out;
}

}  // namespace lightbox::ui
