#include "training/training_logic.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

#include "lightbox/core/task_settings.h"

/// The translation context of the texts below (lupdate sees TrainingLogic::tr).
class TrainingLogic {
  Q_DECLARE_TR_FUNCTIONS(TrainingLogic)
};

namespace lightbox::ui {

namespace {

QList<QPointF> toPoints(const workflows::MetricSeries& s) {
  QList<QPointF> out;
  out.reserve(qsizetype(s.points.size()));
  for (const auto& [step, value] : s.points)
    if (std::isfinite(value)) out.append(QPointF(double(step), value));
  return out;
}

constexpr std::string_view kApPrefix = "val_pixel_ap/";

}  // namespace

int MonitorSeries::pointCount() const {
  qsizetype n = trainLossAverage.size() + learningRate.size() + validationLoss.size();
  for (const auto& s : heldoutAp) n += s.points.size();
  return int(n);
}

MonitorSeries buildMonitorSeries(const workflows::FoldMetrics& fold) {
  MonitorSeries out;
  for (const workflows::MetricSeries& s : fold.series) {
    if (!s.points.empty()) out.lastStep = std::max<qint64>(out.lastStep, s.points.back().first);
    if (s.name == "train_loss_avg") {
      out.trainLossAverage = toPoints(s);
    } else if (s.name == "lr") {
      out.learningRate = toPoints(s);
    } else if (s.name == "val_loss") {
      out.validationLoss = toPoints(s);
    } else if (s.name.rfind(kApPrefix, 0) == 0) {
      TaskSeries t;
      const std::string key = s.name.substr(kApPrefix.size());
      t.key = QString::fromStdString(key);
      const auto id = taskFromKey(key);
      t.task = id ? int(*id) : -1;
      t.label = id ? paperTaskName(int(*id)) : t.key;  // translated, as the coverage chart names it
      t.points = toPoints(s);
      out.heldoutAp.append(std::move(t));
    }
  }
  std::stable_sort(out.heldoutAp.begin(), out.heldoutAp.end(), [](const TaskSeries& a, const TaskSeries& b) {
    const int ta = a.task < 0 ? 1000 : a.task, tb = b.task < 0 ? 1000 : b.task;
    return ta < tb;
  });
  return out;
}

QList<TaskCoverage> buildCoverage(const workflows::RunMetrics& run) {
  QList<TaskCoverage> out;
  for (int t = 0; t < kPaperTaskCount; ++t) {
    TaskCoverage c;
    c.task = t;
    c.label = paperTaskName(t);
    const std::string name = std::string(kApPrefix) + std::string(taskKey(TaskId(t)));
    double sum = 0;
    int measured = 0;
    for (const workflows::FoldMetrics& f : run.folds) {
      if (std::find(f.trainTasks.begin(), f.trainTasks.end(), t) != f.trainTasks.end()) ++c.trainingFolds;
      if (std::find(f.heldoutTasks.begin(), f.heldoutTasks.end(), t) == f.heldoutTasks.end()) continue;
      ++c.heldOutFolds;
      for (const workflows::MetricSeries& s : f.series) {
        if (s.name != name || s.points.empty()) continue;
        double value = s.points.back().second;  // the last validation, unless the best step was measured
        for (const auto& [step, v] : s.points)
          if (step == f.bestStep) value = v;
        if (std::isfinite(value)) {
          sum += value;
          ++measured;
        }
      }
    }
    if (measured > 0) c.heldOutAp = sum / measured;
    out.append(c);
  }
  return out;
}

bool hasTrainingAp(const QList<TaskCoverage>& coverage) {
  return std::any_of(coverage.begin(), coverage.end(), [](const TaskCoverage& c) { return c.trainingAp.has_value(); });
}

std::optional<StepProgress> parseStepProgress(const QString& what) {
  static const QRegularExpression re(QStringLiteral("^step (\\d+)/(\\d+)"));
  const QRegularExpressionMatch m = re.match(what);
  if (!m.hasMatch()) return std::nullopt;
  return StepProgress{m.captured(1).toLongLong(), m.captured(2).toLongLong()};
}

double paperCpuSecondsPerStep(const workflows::TrainingPresetInfo& preset, int threads, int defaultThreads) {
  if (!preset.meantForGpu) return 0;
  const double onTwoCores = preset.dims == 3 ? 50.0 : 35.0 * std::max(1, preset.batchSize) / 50.0;
  const int n = std::max(1, threads > 0 ? threads : defaultThreads);
  return onTwoCores * 2.0 / double(n);  // optimistic: assumes the convolutions scale with the cores
}

qint64 expectedSteps(const workflows::TrainingPresetInfo& preset, qint64 maxSteps, qint64 imageCount,
                     int trainingTasks) {
  if (maxSteps > 0) return maxSteps;
  const int t = std::clamp(trainingTasks, 1, kPaperTaskCount - 1);
  const qint64 trainImages = std::max<qint64>(1, imageCount * std::max(t, kPaperTaskCount - t) / kPaperTaskCount);
  const qint64 perEpoch = (trainImages + std::max(1, preset.batchSize) - 1) / std::max(1, preset.batchSize);
  return qint64(preset.maxEpochs) * std::max<qint64>(1, perEpoch);
}

QString formatDuration(double seconds) {
  const QLocale locale;
  if (!(seconds >= 0)) return QString();
  if (seconds < 90) return TrainingLogic::tr("%1 s").arg(qRound(seconds));
  const double minutes = seconds / 60;
  if (minutes < 90) return TrainingLogic::tr("%1 min").arg(qRound(minutes));
  const double hours = minutes / 60;
  if (hours < 48) {
    const int h = int(hours);
    const int m = qRound((hours - h) * 60);
    return m > 0 ? TrainingLogic::tr("%1 h %2 min").arg(h).arg(m) : TrainingLogic::tr("%1 h").arg(h);
  }
  return TrainingLogic::tr("%1 days").arg(locale.toString(hours / 24, 'f', 1));
}

QString paperTaskName(int task, bool withId) {
  if (task < 0 || task >= kTaskCount) return QString::number(task);
  const std::string_view n = taskDisplayName(TaskId(task));
  const QString name = QCoreApplication::translate("lightbox::tasks", std::string(n).c_str());
  return withId ? TrainingLogic::tr("%1 %2").arg(task).arg(name) : name;
}

QString taskIdList(const std::vector<int>& tasks) {
  QStringList parts;
  for (int t : tasks) parts << QString::number(t);
  return parts.join(QStringLiteral(", "));
}

QString runStatusText(const std::string& status, bool trainingHere) {
  if (status == "running") return trainingHere ? TrainingLogic::tr("training") : TrainingLogic::tr("interrupted — resumable");
  if (status == "queued") return TrainingLogic::tr("queued");
  if (status == "paused") return TrainingLogic::tr("paused — resumable");
  if (status == "cancelled") return TrainingLogic::tr("cancelled — resumable");
  if (status == "failed") return TrainingLogic::tr("failed");
  if (status == "finished") return TrainingLogic::tr("finished");
  return QString::fromStdString(status);
}

QString deviceText(const std::string& device) {
  const QString d = QString::fromStdString(device);
  static const QRegularExpression cpuThreads(QStringLiteral("^cpu \\((\\d+) threads?\\)$"));
  static const QRegularExpression cuda(QStringLiteral("^cuda:(\\d+)$"));
  if (d == QLatin1String("cpu")) return TrainingLogic::tr("CPU");
  if (const auto m = cpuThreads.match(d); m.hasMatch())
    return TrainingLogic::tr("CPU, %n thread(s)", nullptr, m.captured(1).toInt());
  if (const auto m = cuda.match(d); m.hasMatch()) return TrainingLogic::tr("CUDA GPU %1").arg(m.captured(1).toInt());
  if (d == QLatin1String("cuda (not available)")) return TrainingLogic::tr("CUDA (not available)");
  return d;
}

bool isResumable(const QString& status, bool runningHere) {
  if (status == QLatin1String("paused") || status == QLatin1String("cancelled")) return true;
  return status == QLatin1String("running") && !runningHere;
}

}  // namespace lightbox::ui
