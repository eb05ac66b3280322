// Ground truth attached during import: BraTS, ISLES, generic-suffix and same-name masks, VinDr-style boxes, and
// the ground truth that does not fit its image (which fails the image, naming both files).
#include <QtTest>

#include <QDir>
#include <QTemporaryDir>

#include "lightbox/imageio/image_reader.h"
#include "lightbox/imageio/png_writer.h"
#include "lightbox/project/project.h"
#include "lightbox/workflows/import.h"
#include "test_files.h"

using namespace lightbox;

namespace {

class Quiet final : public ProgressSink {
 public:
  void progress(long long, long long, const std::string&) override {}
  void warning(const std::string&) override {}
  bool cancelled() const override { return false; }
};

/// A NIfTI volume (nx, ny, nz) whose voxels are value(x, y, z); gzipped when the name ends in .gz.
template <typename F>
void writeNifti(const QString& path, int nx, int ny, int nz, testfiles::Datatype type, F value) {
  QDir().mkpath(QFileInfo(path).path());
  testfiles::Nifti n;
  n.dims = {nx, ny, nz};
  n.datatype = type;
  n.pixdim = {1, 1.0, 1.0, 1.5, 1, 1, 1, 1};
  std::vector<double> v;
  for (int z = 0; z < nz; ++z)
    for (int y = 0; y < ny; ++y)
      for (int x = 0; x < nx; ++x) v.push_back(value(x, y, z));
  QByteArray bytes = testfiles::niftiHeader(n);
  bytes.append(testfiles::niftiData(n, v));
  QVERIFY(path.endsWith(".gz") ? testfiles::writeGzip(path, bytes) : testfiles::writeBytes(path, bytes));
}

void writeScan(const QString& path, int seed) {
  writeNifti(path, 12, 10, 8, testfiles::kInt16,
             [&](int x, int y, int z) { return 50 + (x * 3 + y + z * 7 + seed) % 40; });
}

/// BraTS labels 0, 1, 2, 4: the stored mask must be "!= 0" of them.
void writeSeg(const QString& path, int seed) {
  static const int kLabels[5] = {0, 1, 2, 4, 0};
  writeNifti(path, 12, 10, 8, testfiles::kUInt8, [&](int x, int y, int z) { return kLabels[(x + y + z + seed) % 5]; });
}

void writePng(const QString& path, int w, int h, int seed, bool mask = false) {
  QDir().mkpath(QFileInfo(path).path());
  std::vector<uint8_t> px(size_t(w) * h);
  for (size_t k = 0; k < px.size(); ++k)
    px[k] = mask ? uint8_t(((k + size_t(seed)) % 7 == 0) * 255) : uint8_t((k * 13 + size_t(seed) * 31) % 256);
  imageio::writePng(path.toStdString(), w, h, 1, px.data());
}

void writeText(const QString& path, const QByteArray& text) { QVERIFY(testfiles::writeBytes(path, text)); }

workflows::ImportParams params(const QString& project, const QStringList& paths, const QString& masks,
                               const QString& boxes, const std::string& role = "test") {
  workflows::ImportParams p;
  p.projectPath = project.toStdString();
  p.datasetName = "test set";
  p.role = role;
  p.preset = "none";
  for (const auto& path : paths) p.paths.push_back(path.toStdString());
  p.masksPath = masks.toStdString();
  p.boxesCsvPath = boxes.toStdString();
  p.threads = 2;
  return p;
}

QString newProject(const QTemporaryDir& dir) {
  const QString path = dir.filePath("p.lightbox");
  project::Project::create(path.toStdString());
  return path;
}

bool anyContains(const std::vector<std::string>& lines, const std::vector<std::string>& words) {
  for (const auto& line : lines) {
    bool all = true;
    for (const auto& w : words) all = all && line.find(w) != std::string::npos;
    if (all) return true;
  }
  return false;
}

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

std::string failures(const workflows::ImportResult& r) {
  std::string out;
  for (const auto& f : r.failed) out += f.path + ": " + f.reason + "\n";
  return out;
}

/// The dataset's imported images by file name.
std::map<std::string, int64_t> imagesByName(project::Project& p) {
  std::map<std::string, int64_t> out;
  for (const auto& img : p.images().list(p.datasets().findByName("test set")->id))
    if (img.status == project::ImportStatus::Imported)
      out[QFileInfo(QString::fromStdString(img.meta.sourcePath)).fileName().toStdString()] = img.id;
  return out;
}

/// The stored mask equals the mask file read independently, thresholded at != 0.
void checkMask(project::Project& p, int64_t imageId, const QString& maskFile) {
  const auto stored = p.groundTruth().loadMask(imageId);
  QVERIFY(stored.has_value());
  const Image file = imageio::readImage(maskFile.toStdString());
  QVERIFY(stored->labels.shape() == file.shape());
  int64_t positives = 0;
  for (int64_t i = 0; i < stored->labels.count(); ++i) {
    QCOMPARE(int(stored->labels[i]), int(file.data()[i] != 0.0f));
    positives += stored->labels[i];
  }
  QVERIFY(positives > 0 && positives < stored->labels.count());
  QCOMPARE(stored->sourcePath, maskFile.toStdString());
}

}  // namespace

class TestGroundTruthImport : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  // A BraTS tree given as both the images and the masks: the _seg files are masks, never images.
  void bratsTreeSegMasksPairWithEverySequence() {
    QTemporaryDir dir;
    const QString root = dir.filePath("BraTS2021");
    writeScan(root + "/Case_001/Case_001_t1.nii.gz", 1);
    writeScan(root + "/Case_001/Case_001_flair.nii.gz", 11);
    writeSeg(root + "/Case_001/Case_001_seg.nii.gz", 1);
    writeScan(root + "/Case_002/Case_002_t1ce.nii.gz", 2);
    writeSeg(root + "/Case_002/Case_002_seg.nii.gz", 2);
    writeScan(root + "/Case_003/Case_003_t2.nii.gz", 3);  // a test case without lesions
    writeSeg(root + "/Case_009/Case_009_seg.nii.gz", 9);  // whose images were left out
    const QString proj = newProject(dir);
    Quiet q;
    const auto r = workflows::runImport(params(proj, {root}, root, ""), q);
    QVERIFY2(r.failed.empty(), failures(r).c_str());
    QCOMPARE(r.imported, qint64(4));
    QCOMPARE(r.groundTruthMasks, qint64(3));
    QVERIFY2(anyContains(r.warnings, {"1 of 3 mask file(s)", "Case_009_seg.nii.gz"}), joined(r.warnings).c_str());

    project::Project p = project::Project::open(proj.toStdString(), project::OpenMode::ReadOnly);
    const auto images = imagesByName(p);
    QCOMPARE(images.size(), size_t(4));
    for (const auto& [name, id] : images) QVERIFY2(name.find("_seg") == std::string::npos, name.c_str());
    checkMask(p, images.at("Case_001_t1.nii.gz"), root + "/Case_001/Case_001_seg.nii.gz");
    checkMask(p, images.at("Case_001_flair.nii.gz"), root + "/Case_001/Case_001_seg.nii.gz");
    checkMask(p, images.at("Case_002_t1ce.nii.gz"), root + "/Case_002/Case_002_seg.nii.gz");
    QVERIFY(!p.groundTruth().loadMask(images.at("Case_003_t2.nii.gz")).has_value());
    // The mask lies on its image's grid, geometry included.
    const auto mask = p.groundTruth().loadMask(images.at("Case_002_t1ce.nii.gz"));
    QVERIFY(mask->labels.shape() == Shape(8, 10, 12));
    QCOMPARE(mask->geometry.spacing[0], 1.5);
    const auto counts = p.groundTruth().count(p.datasets().findByName("test set")->id);
    QCOMPARE(counts.masks, int64_t(3));
  }

  // ISLES 2015: every file in a folder of its own name; the OT of a case pairs with all its MR_* files. In the same
  // tree, a Kaggle-style <name>_mask.png beside its image.
  void islesCasesAndGenericSuffixes() {
    QTemporaryDir dir;
    const QString root = dir.filePath("data");
    const auto isles = [&](int caseNo, const QString& part, int id, bool mask) {
      const QString name = QString("VSD.Brain.XX.O.%1.%2").arg(part).arg(id);
      const QString path = root + QString("/SISS2015/%1/%2/%2.nii").arg(caseNo).arg(name);
      if (mask) writeSeg(path, id);
      else writeScan(path, id);
      return path;
    };
    isles(1, "MR_Flair", 101, false);
    isles(1, "MR_T1", 102, false);
    const QString ot1 = isles(1, "OT", 103, true);
    isles(2, "MR_DWI", 201, false);
    const QString ot2 = isles(2, "OT", 203, true);
    writePng(root + "/kaggle/f.png", 20, 16, 1);
    writePng(root + "/kaggle/f_mask.png", 20, 16, 1, true);
    writePng(root + "/kaggle/g.png", 20, 16, 2);
    writePng(root + "/kaggle/g-label.png", 20, 16, 2, true);
    const QString proj = newProject(dir);
    Quiet q;
    const auto r = workflows::runImport(params(proj, {root}, root, ""), q);
    QVERIFY2(r.failed.empty(), failures(r).c_str());
    QCOMPARE(r.imported, qint64(5));
    QCOMPARE(r.groundTruthMasks, qint64(5));
    QVERIFY2(!anyContains(r.warnings, {"paired with no imported image"}), joined(r.warnings).c_str());

    project::Project p = project::Project::open(proj.toStdString(), project::OpenMode::ReadOnly);
    const auto images = imagesByName(p);
    checkMask(p, images.at("VSD.Brain.XX.O.MR_Flair.101.nii"), ot1);
    checkMask(p, images.at("VSD.Brain.XX.O.MR_T1.102.nii"), ot1);
    checkMask(p, images.at("VSD.Brain.XX.O.MR_DWI.201.nii"), ot2);
    checkMask(p, images.at("f.png"), root + "/kaggle/f_mask.png");
    checkMask(p, images.at("g.png"), root + "/kaggle/g-label.png");
  }

  // X-rays with PNG masks of the same name in a folder of their own, inside the imported folder; boxes from a
  // VinDr-style CSV.
  void pngMasksByNameAndVindrBoxes() {
    QTemporaryDir dir;
    for (const char* name : {"a", "b", "c", "d", "n"})
      writePng(dir.filePath(QString("data/xray/%1.png").arg(name)), 24, 20, name[0]);
    const QString masks = dir.filePath("data/masks");
    writePng(masks + "/a.png", 24, 20, 1, true);
    writePng(masks + "/b.png", 24, 20, 2, true);
    writePng(masks + "/zz.png", 24, 20, 3, true);  // no such image
    writeText(dir.filePath("train.csv"),
              "image_id,class_name,class_id,rad_id,x_min,y_min,x_max,y_max\n"
              "c,Nodule/Mass,8,R1,2.5,3,10,12.75\n"
              "c,Cardiomegaly,3,R2,0,0,24,20\n"
              "d,No finding,14,R1,,,,\n"
              "d,No finding,14,R2,,,,\n"
              "e,Aortic enlargement,0,R1,1,1,5,5\n"  // no such image
              "c,Nodule/Mass,8,R3,x,1,2,3\n");      // skipped, reported
    const QString proj = newProject(dir);
    Quiet q;
    const auto r = workflows::runImport(params(proj, {dir.filePath("data")}, masks, dir.filePath("train.csv")), q);
    QVERIFY2(r.failed.empty(), failures(r).c_str());
    QCOMPARE(r.imported, qint64(5));  // the masks folder lies in the imported one, yet no mask became an image
    QCOMPARE(r.groundTruthMasks, qint64(2));
    QCOMPARE(r.groundTruthBoxes, qint64(1));
    QCOMPARE(r.groundTruthNormal, qint64(1));
    QVERIFY2(anyContains(r.warnings, {"1 of 3 mask file(s)", "zz.png"}), joined(r.warnings).c_str());
    QVERIFY2(anyContains(r.warnings, {"1 of 3 image_id(s)", "matched no imported image", ": e"}),
             joined(r.warnings).c_str());
    QVERIFY2(anyContains(r.warnings, {"1 row(s) skipped", "line 7"}), joined(r.warnings).c_str());
    QVERIFY2(!anyContains(r.warnings, {"meant for test images"}), joined(r.warnings).c_str());

    project::Project p = project::Project::open(proj.toStdString(), project::OpenMode::ReadOnly);
    const auto images = imagesByName(p);
    QCOMPARE(images.size(), size_t(5));
    checkMask(p, images.at("a.png"), masks + "/a.png");
    checkMask(p, images.at("b.png"), masks + "/b.png");
    const auto boxes = p.groundTruth().loadBoxes(images.at("c.png"));
    QVERIFY(boxes.has_value());
    QCOMPARE(boxes->boxes.size(), size_t(2));
    QCOMPARE(boxes->boxes[0].className, std::string("Nodule/Mass"));
    QCOMPARE(boxes->boxes[0].xMin, 2.5);
    QCOMPARE(boxes->boxes[0].yMin, 3.0);
    QCOMPARE(boxes->boxes[0].xMax, 10.0);
    QCOMPARE(boxes->boxes[0].yMax, 12.75);
    QCOMPARE(boxes->sourcePath, dir.filePath("train.csv").toStdString());
    const auto normal = p.groundTruth().loadBoxes(images.at("d.png"));
    QVERIFY(normal.has_value() && normal->boxes.empty());
    QVERIFY(!p.groundTruth().loadBoxes(images.at("n.png")).has_value());  // not in the CSV: a healthy test image
    QVERIFY(!p.groundTruth().loadMask(images.at("c.png")).has_value());
  }

  // Ground truth that does not fit fails its image, naming both files; the image is not half-imported.
  void groundTruthThatDoesNotFitFailsTheImage() {
    QTemporaryDir dir;
    writePng(dir.filePath("img/wide.png"), 24, 20, 1);
    writePng(dir.filePath("masks/wide.png"), 20, 20, 1, true);  // wrong shape
    writePng(dir.filePath("img/twice.png"), 24, 20, 2);
    writePng(dir.filePath("masks/twice.png"), 24, 20, 2, true);
    writePng(dir.filePath("masks/sub/twice.png"), 24, 20, 3, true);  // two masks of the same name
    writePng(dir.filePath("img/small.png"), 24, 20, 3);
    writeScan(dir.filePath("img/vol.nii"), 4);
    writePng(dir.filePath("img/fine.png"), 24, 20, 5);
    writeText(dir.filePath("boxes.csv"),
              "image_id,class_name,x_min,y_min,x_max,y_max\n"
              "small,Nodule/Mass,100,100,900,900\n"   // boxes of the full-size original, not of this copy
              "vol,Nodule/Mass,1,1,2,2\n"             // boxes on a volume
              "fine,Nodule/Mass,0,0,25,21\n");        // inclusive coordinates: one pixel of slack
    const QString proj = newProject(dir);
    Quiet q;
    const auto r =
        workflows::runImport(params(proj, {dir.filePath("img")}, dir.filePath("masks"), dir.filePath("boxes.csv")), q);
    QCOMPARE(r.imported, qint64(1));
    QCOMPARE(r.groundTruthBoxes, qint64(1));
    QCOMPARE(r.failed.size(), size_t(4));
    const auto failedWith = [&](const char* image, std::vector<std::string> words) {
      for (const auto& f : r.failed)
        if (QString::fromStdString(f.path).endsWith(QString("/") + image) && anyContains({f.reason}, words))
          return true;
      return false;
    };
    const std::string masks = dir.filePath("masks").toStdString(), img = dir.filePath("img").toStdString();
    QVERIFY2(failedWith("wide.png", {masks + "/wide.png", img + "/wide.png", "[20,20]", "[20,24]", "original shape"}),
             failures(r).c_str());
    QVERIFY2(failedWith("twice.png", {"ambiguous", "2 masks", "twice.png"}), failures(r).c_str());
    QVERIFY2(failedWith("small.png", {"(x 100-900, y 100-900)", "lies outside", "small.png", "boxes.csv", "24 x 20"}),
             failures(r).c_str());
    QVERIFY2(failedWith("vol.nii", {"not 2D", "vol.nii"}), failures(r).c_str());

    project::Project p = project::Project::open(proj.toStdString(), project::OpenMode::ReadOnly);
    const int64_t ds = p.datasets().findByName("test set")->id;
    QCOMPARE(p.images().count(ds, project::ImportStatus::Imported), int64_t(1));
    QCOMPARE(p.images().count(ds, project::ImportStatus::Failed), int64_t(4));  // `info` names them
    const auto counts = p.groundTruth().count(ds);
    QCOMPARE(counts.masks, int64_t(0));
    QCOMPARE(counts.boxLists, int64_t(1));
  }

  void groundTruthForAHealthyDatasetIsStoredWithAWarning() {
    QTemporaryDir dir;
    writePng(dir.filePath("img/h.png"), 16, 16, 1);
    writeText(dir.filePath("b.csv"), "image_id,class_name,x_min,y_min,x_max,y_max\nh,Other lesion,1,1,4,4\n");
    const QString proj = newProject(dir);
    Quiet q;
    const auto r = workflows::runImport(params(proj, {dir.filePath("img")}, "", dir.filePath("b.csv"), "healthy"), q);
    QCOMPARE(r.imported, qint64(1));
    QCOMPARE(r.groundTruthBoxes, qint64(1));
    QVERIFY2(anyContains(r.warnings, {"healthy dataset", "meant for test images"}), joined(r.warnings).c_str());
  }

  void unusableSourcesAreRefusedUpFront() {
    QTemporaryDir dir;
    writePng(dir.filePath("img/a.png"), 16, 16, 1);
    writeText(dir.filePath("bad.csv"), "id,label\n1,x\n");
    const QString proj = newProject(dir);
    Quiet q;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             workflows::runImport(params(proj, {dir.filePath("img")}, dir.filePath("nope"), ""), q));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             workflows::runImport(params(proj, {dir.filePath("img")}, "", dir.filePath("bad.csv")), q));
    const auto noCsv = params(proj, {dir.filePath("img")}, "", dir.filePath("none.csv"));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, workflows::runImport(noCsv, q));
    project::Project p = project::Project::open(proj.toStdString(), project::OpenMode::ReadOnly);
    QCOMPARE(p.images().count(p.datasets().findByName("test set")->id), int64_t(0));
  }
};

QTEST_APPLESS_MAIN(TestGroundTruthImport)
#include "test_ground_truth_import.moc"
