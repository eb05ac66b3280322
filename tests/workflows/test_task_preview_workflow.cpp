// Task settings stored in the project (task_settings table) and the interactive task preview session.
#include <QtTest>

#include <QFile>
#include <QTemporaryDir>

#include "lightbox/imageio/png_writer.h"
#include "lightbox/workflows/import.h"
#include "lightbox/workflows/project_overview.h"
#include "lightbox/workflows/task_preview.h"
#include "lightbox/workflows/task_settings_store.h"

using namespace lightbox;

namespace {

void writePng(const QString& path, int w, int h, int seed) {
  std::vector<uint8_t> px(size_t(w) * h);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x)
      px[size_t(y * w + x)] = uint8_t((x * (3 + seed) + y * 5 + (x / 8 + y / 8) % 2 * 60 + seed * 17) % 256);
  imageio::writePng(path.toStdString(), w, h, 1, px.data());
}

void import(const QString& project, const QStringList& paths, const std::string& dataset, const std::string& role) {
  if (!QFile::exists(project)) workflows::createProject(project.toStdString());
  workflows::ImportParams p;
  p.projectPath = project.toStdString();
  p.datasetName = dataset;
  p.role = role;
  p.preset = "image-2d";
  p.threads = 1;
  for (const auto& s : paths) p.paths.push_back(s.toStdString());
  NullProgress progress;
  QCOMPARE(workflows::runImport(p, progress).imported, int64_t(paths.size()));
}

bool sameImage(const Image& a, const Image& b) { return a.shape() == b.shape() && a.values() == b.values(); }

}  // namespace

class TestTaskPreviewWorkflow : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void parametersPerTask() {
    const auto sink = workflows::taskParameters(TaskId::Sink);
    const auto has = [](const auto& list, const char* key) {
      return std::any_of(list.begin(), list.end(), [&](const auto& p) { return p.key == key; });
    };
    QVERIFY(has(sink, "max_push_distance"));
    QVERIFY(has(sink, "label_sigma"));  // shared
    QVERIFY(!has(sink, "intensity_scale"));
    QVERIFY(has(workflows::taskParameters(TaskId::Intensity), "ramp_gamma_shape"));
    for (TaskId id : allTasks())
      for (const auto& p : workflows::taskParameters(id)) {
        const double v = workflows::parameterValue(TaskSettings{}, p.key);
        QVERIFY2(v >= p.minimum && v <= p.maximum, p.key.c_str());  // the paper default lies in the range
      }
    QCOMPARE(workflows::paperTaskSettings(2).maxPushDistance, 10.0);
    QCOMPARE(workflows::paperTaskSettings(3).maxPushDistance, 5.0);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, workflows::parameterValue(TaskSettings{}, "nope"));
  }

  void jsonRoundTripIgnoresUnknownKeys() {
    TaskSettings s;
    s.maxPushDistance = 7.5;
    s.maxAnomalies = 2;
    const TaskSettings back = workflows::taskSettingsFromJson(workflows::taskSettingsToJson(TaskId::Source, s), {});
    QCOMPARE(back.maxPushDistance, 7.5);
    QCOMPARE(back.maxAnomalies, 2);
    const TaskSettings other =
        workflows::taskSettingsFromJson(R"({"version":2,"params":{"future_knob":3,"label_sigma":0.5}})", {});
    QCOMPARE(other.labelSigma, 0.5);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, workflows::taskSettingsFromJson("{oops", {}));
  }

  void storedInTheProject() {
    QTemporaryDir dir;
    const std::string proj = dir.filePath("p.lightbox").toStdString();
    workflows::createProject(proj);
    auto s = workflows::loadTaskSettings(proj, TaskId::Sink, 2);
    QVERIFY(!s.stored);
    QCOMPARE(s.settings.maxPushDistance, 10.0);
    s.settings.maxPushDistance = 3.25;
    s.settings.labelSigma = 0.4;
    workflows::saveTaskSettings(proj, TaskId::Sink, s.settings);
    const auto back = workflows::loadTaskSettings(proj, TaskId::Sink, 2);
    QVERIFY(back.stored);
    QVERIFY(!back.updatedAt.empty());
    QCOMPARE(back.settings.maxPushDistance, 3.25);
    QCOMPARE(back.settings.labelSigma, 0.4);
    QVERIFY(!workflows::loadTaskSettings(proj, TaskId::Source, 2).stored);  // other tasks keep the defaults
    workflows::resetTaskSettings(proj, TaskId::Sink);
    QVERIFY(!workflows::loadTaskSettings(proj, TaskId::Sink, 2).stored);
  }

  void previewSessionIsDeterministicAndUsesTheBlendDataset() {
    QTemporaryDir dir;
    const QString proj = dir.filePath("p.lightbox");
    QStringList healthy, blend;
    for (int i = 0; i < 3; ++i) {
      healthy << dir.filePath(QString("h%1.png").arg(i));
      writePng(healthy.back(), 96, 80, i);
    }
    blend << dir.filePath("texture.png");
    writePng(blend.back(), 64, 64, 9);
    import(proj, healthy, "healthy", "healthy");
    const auto images = workflows::listImages(proj.toStdString());
    const int64_t id = images.front().id;

    auto session = workflows::TaskPreviewSession::open(proj.toStdString(), id);
    QCOMPARE(session->ndim(), 2);
    QCOMPARE(session->galleryImageCount(), size_t(3));
    QVERIFY(!session->hasBlendSource());
    QVERIFY(!session->canRun(TaskId::InterPoisson));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             session->generate(TaskId::InterPoisson, workflows::paperTaskSettings(2), 1));

    const TaskSettings settings = workflows::paperTaskSettings(2);
    const auto a = session->generate(TaskId::Intensity, settings, 11);
    const auto b = session->generate(TaskId::Intensity, settings, 11);
    const auto c = session->generate(TaskId::Intensity, settings, 12);
    QVERIFY(sameImage(a.sample.augmented, b.sample.augmented));
    QVERIFY(!sameImage(a.sample.augmented, c.sample.augmented));
    QVERIFY(!sameImage(a.sample.augmented, a.source->image));
    QCOMPARE(a.sample.label.shape()[0], int64_t(256));
    const auto g1 = session->generateGallery(TaskId::Sink, settings, 11, 1);
    const auto g4 = session->generateGallery(TaskId::Sink, settings, 11, 4);
    QCOMPARE(g1.source, g4.source);  // image 1 mod 3 == 4 mod 3
    QVERIFY(g1.source != a.source);

    import(proj, blend, "textures", "blend");
    session = workflows::TaskPreviewSession::open(proj.toStdString(), id);
    QVERIFY(session->hasBlendSource());
    QVERIFY(session->blendSourceName().find("textures") != std::string::npos);
    const auto inter = session->generate(TaskId::InterPoisson, settings, 3);
    QVERIFY(!inter.sample.anomalies.empty());
  }
};

QTEST_GUILESS_MAIN(TestTaskPreviewWorkflow)
#include "test_task_preview_workflow.moc"
