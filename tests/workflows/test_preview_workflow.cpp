// The preview use case end to end on images written by the test: montages, statistics, warnings, errors.
#include <QtTest>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include "lightbox/core/phantoms.h"
#include "lightbox/imageio/png_writer.h"
#include "lightbox/workflows/errors.h"
#include "lightbox/workflows/preview.h"

using namespace lightbox;

namespace {
/// Records what the workflow reports, and cancels after `cancelAfter` progress steps when asked to.
class RecordingProgress final : public ProgressSink {
 public:
  int steps = 0;
  int cancelAfter = -1;
  void progress(long long, long long, const std::string&) override { ++steps; }
  void warning(const std::string&) override {}
  bool cancelled() const override { return cancelAfter >= 0 && steps >= cancelAfter; }
};

std::string writeGreyPng(const QString& path, int size, uint64_t seed) {
  const Image img = phantom::texturedImage(Shape(size, size), seed);
  std::vector<uint8_t> pixels(size_t(size) * size_t(size));
  for (size_t k = 0; k < pixels.size(); ++k) pixels[k] = uint8_t(std::clamp(128.0f + 120.0f * img.data()[k], 0.0f, 255.0f));
  imageio::writePng(path.toStdString(), size, size, 1, pixels.data());
  return path.toStdString();
}

QJsonObject readJson(const std::string& path) {
  QFile f(QString::fromStdString(path));
  if (!f.open(QIODevice::ReadOnly)) return {};
  return QJsonDocument::fromJson(f.readAll()).object();
}
}  // namespace

class TestPreviewWorkflow : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void allPaperTasksOn2DImage() {
    QTemporaryDir dir;
    workflows::PreviewParams p;
    p.imagePath = writeGreyPng(dir.filePath("xray.png"), 200, 1);
    p.blendSourcePaths = {writeGreyPng(dir.filePath("texture.png"), 150, 9)};
    p.sameDatasetPaths = {writeGreyPng(dir.filePath("other-xray.png"), 180, 10)};
    p.samplesPerTask = 2;
    p.seed = 5;
    p.outputDirectory = dir.filePath("out").toStdString();
    RecordingProgress progress;
    const auto r = workflows::runPreview(p, progress);
    QCOMPARE(r.samples.size(), size_t(10));
    QVERIFY(r.warnings.empty());
    for (const auto& s : r.samples) QVERIFY(QFile::exists(QString::fromStdString(s.montagePath)));

    const QJsonObject json = readJson(r.statisticsPath);
    QCOMPARE(json["working_shape"].toString(), QString("256x256"));
    const QJsonArray samples = json["samples"].toArray();
    QCOMPARE(samples.size(), 10);
    for (const auto& v : samples) {
      const QJsonObject s = v.toObject();
      const int count = s["anomaly_count"].toInt();
      QVERIFY(count >= 1 && count <= 4);
      QCOMPARE(s["anomalies"].toArray().size(), count);
      QVERIFY(s["mask_fraction"].toDouble() > 0 && s["mask_fraction"].toDouble() < 1);
      QVERIFY(s["mean_abs_change_in_mask"].toDouble() > 0);
      QVERIFY(s["label_mean_in_mask"].toDouble() > 0);
    }
  }

  // Same seed, same statistics; another seed, other anomalies.
  void seedIsReproducible() {
    QTemporaryDir dir;
    workflows::PreviewParams p;
    p.imagePath = writeGreyPng(dir.filePath("a.png"), 120, 2);
    p.tasks = {TaskId::Sink};
    p.samplesPerTask = 3;
    RecordingProgress progress;
    QJsonArray runs[3];
    for (int run = 0; run < 3; ++run) {
      p.seed = run < 2 ? 11 : 12;
      p.outputDirectory = dir.filePath(QString("out%1").arg(run)).toStdString();
      runs[run] = readJson(workflows::runPreview(p, progress).statisticsPath)["samples"].toArray();
    }
    QCOMPARE(runs[0], runs[1]);
    QVERIFY(runs[0] != runs[2]);
  }

  void missingBlendSourceSkipsOnlyThatTask() {
    QTemporaryDir dir;
    workflows::PreviewParams p;
    p.imagePath = writeGreyPng(dir.filePath("a.png"), 100, 3);
    p.tasks = {TaskId::InterPoisson, TaskId::Intensity};
    p.samplesPerTask = 1;
    p.outputDirectory = dir.filePath("out").toStdString();
    RecordingProgress progress;
    const auto r = workflows::runPreview(p, progress);
    QCOMPARE(r.samples.size(), size_t(1));
    QCOMPARE(r.samples[0].task, TaskId::Intensity);
    QCOMPARE(r.warnings.size(), size_t(1));
    QVERIFY(r.warnings[0].find("inter-poisson") != std::string::npos);
  }

  void badBlendSourceIsReportedAndLeftOut() {
    QTemporaryDir dir;
    QFile junk(dir.filePath("junk.png"));
    QVERIFY(junk.open(QIODevice::WriteOnly));
    junk.write("definitely not a png");
    junk.close();
    workflows::PreviewParams p;
    p.imagePath = writeGreyPng(dir.filePath("a.png"), 100, 4);
    p.blendSourcePaths = {junk.fileName().toStdString(), writeGreyPng(dir.filePath("b.png"), 90, 5)};
    p.tasks = {TaskId::InterPoisson};
    p.samplesPerTask = 1;
    p.outputDirectory = dir.filePath("out").toStdString();
    RecordingProgress progress;
    const auto r = workflows::runPreview(p, progress);
    QCOMPARE(r.samples.size(), size_t(1));
    QCOMPARE(r.warnings.size(), size_t(1));
    QVERIFY(r.warnings[0].find("junk.png") != std::string::npos);
  }

  void unreadableInputNamesTheFile() {
    QTemporaryDir dir;
    workflows::PreviewParams p;
    p.imagePath = dir.filePath("missing.nii.gz").toStdString();
    p.outputDirectory = dir.filePath("out").toStdString();
    RecordingProgress progress;
    try {
      workflows::runPreview(p, progress);
      QFAIL("no error for a missing file");
    } catch (const workflows::InputFileError& e) {
      QCOMPARE(e.path(), p.imagePath);
      QVERIFY(!e.reason().empty());
    }
    QVERIFY(!QFile::exists(dir.filePath("out")));
  }

  void cancellationStopsEarlyAndStillWritesStatistics() {
    QTemporaryDir dir;
    workflows::PreviewParams p;
    p.imagePath = writeGreyPng(dir.filePath("a.png"), 100, 6);
    p.tasks = {TaskId::Intensity};
    p.samplesPerTask = 20;
    p.outputDirectory = dir.filePath("out").toStdString();
    RecordingProgress progress;
    progress.cancelAfter = 4;
    const auto r = workflows::runPreview(p, progress);
    QVERIFY(r.samples.size() < 20);
    const QJsonObject json = readJson(r.statisticsPath);
    QVERIFY(json["cancelled"].toBool());
    QCOMPARE(json["samples"].toArray().size(), qsizetype(r.samples.size()));
  }
};

QTEST_APPLESS_MAIN(TestPreviewWorkflow)
#include "test_preview_workflow.moc"
