// Ground truth: masks and boxes round trip with their image's geometry, are refused when they do not fit their
// image, go with the image, and damaged or lying rows give ProjectError(Corrupt), never a crash or a huge
// allocation.
#include <QtTest>

#include <zlib.h>

#include "lightbox/project/project.h"
#include "project_test_support.h"

using namespace lightbox;
using namespace lightbox::project;
namespace fs = std::filesystem;

class TestProjectGroundTruth : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir dir_;
  int serial_ = 0;

  fs::path freshPath() { return fs::path(dir_.path().toStdString()) / (std::to_string(++serial_) + "g.lightbox"); }

  /// An imported image of the given original shape (3D by default, as sampleNewImage makes it).
  static int64_t addImage(Project& p, const char* name, std::optional<Shape> shape = std::nullopt) {
    const auto d = p.datasets().findByName("t");
    const int64_t dataset = d ? d->id : p.datasets().create("t", DatasetRole::Test).id;
    NewImage n = lbtest::sampleNewImage(name);
    if (shape) n.meta.shape = *shape;
    return p.images().insert(dataset, n);
  }

  static std::vector<AnnotatedBox> sampleBoxes() {
    return {{"Nodule/Mass", 10.5, 20.25, 30, 40.125},
            {"Aortic \"enlargement\", left", 0, 0, 0, 0},  // a degenerate box is still a box
            {"Pleural effusion \xE2\x80\x94 \xE8\x83\xB8", 1e-3, 2, 15.999999999999998, 11}};
  }

  static bool sameBoxes(const std::vector<AnnotatedBox>& a, const std::vector<AnnotatedBox>& b) {
    if (a.size() != b.size()) return false;
    for (size_t k = 0; k < a.size(); ++k)
      if (a[k].className != b[k].className || a[k].yMin != b[k].yMin || a[k].xMin != b[k].xMin ||
          a[k].yMax != b[k].yMax || a[k].xMax != b[k].xMax)
        return false;
    return true;
  }

  template <typename F>
  static ErrorKind kindOf(F&& f) {
    try {
      f();
    } catch (const ProjectError& e) {
      return e.kind();
    }
    return ErrorKind::Sql;
  }

  static std::vector<uint8_t> zlibOf(const std::vector<uint8_t>& raw) {
    uLongf size = compressBound(static_cast<uLong>(raw.size()));
    std::vector<uint8_t> out(size);
    compress(out.data(), &size, raw.data(), static_cast<uLong>(raw.size()));
    out.resize(size);
    return out;
  }

 private Q_SLOTS:
  void initTestCase() { QVERIFY(dir_.isValid()); }

  void maskRoundTripsWithTheImageGeometry() {
    const fs::path path = freshPath();
    const Mask labels = lbtest::sampleMask(Shape(2, 16, 12));
    int64_t id = 0;
    {
      Project p = Project::create(path);
      id = addImage(p, "brats");
      QVERIFY(!p.groundTruth().loadMask(id).has_value());
      p.groundTruth().storeMask(id, labels, "/data/BraTS_001_seg.nii.gz");
    }
    Project p = Project::open(path, OpenMode::ReadOnly);
    const auto back = p.groundTruth().loadMask(id);
    QVERIFY(back.has_value());
    QVERIFY(back->labels.shape() == labels.shape());
    QVERIFY(back->labels.values() == labels.values());
    QVERIFY(lbtest::sameBits(back->geometry, lbtest::obliqueGeometry()));
    QCOMPARE(back->sourcePath, std::string("/data/BraTS_001_seg.nii.gz"));
    QVERIFY(!p.groundTruth().loadBoxes(id).has_value());
    QVERIFY(kindOf([&] { p.groundTruth().storeMask(id, labels, "x"); }) == ErrorKind::ReadOnly);
  }

  void encodedMaskCanServeSeveralImages() {
    Project p = Project::create(freshPath());
    const Mask labels = lbtest::sampleMask(Shape(2, 16, 12));
    const EncodedLabelMask encoded = EncodedLabelMask::encode(labels);
    QCOMPARE(encoded.positives(), countTrue(labels));
    QVERIFY(encoded.compressedBytes() > 0);
    const int64_t t1 = addImage(p, "case_t1"), flair = addImage(p, "case_flair");
    p.groundTruth().storeMask(t1, encoded, "case_seg.nii.gz");
    p.groundTruth().storeMask(flair, encoded, "case_seg.nii.gz");
    QVERIFY(p.groundTruth().loadMask(t1)->labels.values() == labels.values());
    QVERIFY(p.groundTruth().loadMask(flair)->labels.values() == labels.values());
    const GroundTruthCounts c = p.groundTruth().count(p.datasets().findByName("t")->id);
    QCOMPARE(c.masks, int64_t(2));
    QCOMPARE(c.boxLists, int64_t(0));
  }

  void boxesRoundTripAndReplace() {
    Project p = Project::create(freshPath());
    const int64_t id = addImage(p, "vindr", Shape(16, 12));
    const int64_t normal = addImage(p, "vindr-normal", Shape(16, 12));
    p.groundTruth().storeBoxes(id, {{"first", 1, 1, 2, 2}}, "old.csv");
    p.groundTruth().storeBoxes(id, sampleBoxes(), "train.csv");  // replaces
    p.groundTruth().storeBoxes(normal, {}, "train.csv");           // annotated, found normal
    const auto back = p.groundTruth().loadBoxes(id);
    QVERIFY(back.has_value());
    QVERIFY(sameBoxes(back->boxes, sampleBoxes()));
    QCOMPARE(back->sourcePath, std::string("train.csv"));
    QVERIFY(p.groundTruth().loadBoxes(normal)->boxes.empty());
    const GroundTruthCounts c = p.groundTruth().count(p.datasets().findByName("t")->id);
    QCOMPARE(c.boxLists, int64_t(2));
    QCOMPARE(c.withBoxes, int64_t(1));
    QCOMPARE(c.masks, int64_t(0));
  }

  void invalidUtf8ClassNamesAreStoredReadably() {
    Project p = Project::create(freshPath());
    const int64_t id = addImage(p, "latin1", Shape(16, 12));
    p.groundTruth().storeBoxes(id, {{"Pleural \xE9panchement", 0, 0, 1, 1}}, "latin1.csv");
    const auto back = p.groundTruth().loadBoxes(id);
    QCOMPARE(back->boxes.size(), size_t(1));
    QVERIFY(back->boxes[0].className.rfind("Pleural ", 0) == 0);
  }

  void storeRefusesWhatDoesNotFitTheImage() {
    Project p = Project::create(freshPath());
    const int64_t volume = addImage(p, "volume");  // 2 x 16 x 12
    const int64_t xray = addImage(p, "xray", Shape(16, 12));
    const int64_t failed = p.images().recordFailure(p.datasets().findByName("t")->id, {}, "unreadable");
    GroundTruthRepository gt = p.groundTruth();
    QVERIFY(kindOf([&] { gt.storeMask(volume, Mask(Shape(2, 16, 11)), "m"); }) == ErrorKind::InvalidArgument);
    QVERIFY(kindOf([&] { gt.storeMask(volume, Mask(Shape(16, 12)), "m"); }) == ErrorKind::InvalidArgument);
    QVERIFY(kindOf([&] { gt.storeMask(volume, Mask(Shape(2, 16, 12), 2), "m"); }) == ErrorKind::InvalidArgument);
    QVERIFY(kindOf([&] { gt.storeMask(volume, Mask(), "m"); }) == ErrorKind::InvalidArgument);
    QVERIFY(kindOf([&] { gt.storeMask(failed, Mask(Shape(2, 16, 12)), "m"); }) == ErrorKind::InvalidArgument);
    QVERIFY(kindOf([&] { gt.storeMask(999, Mask(Shape(2, 16, 12)), "m"); }) == ErrorKind::NotFound);
    QVERIFY(kindOf([&] { gt.storeBoxes(volume, sampleBoxes(), "b"); }) == ErrorKind::InvalidArgument);
    QVERIFY(kindOf([&] { gt.storeBoxes(xray, {{"nan", std::nan(""), 0, 1, 1}}, "b"); }) ==
            ErrorKind::InvalidArgument);
    QVERIFY(kindOf([&] { gt.storeBoxes(xray, {{"inverted", 5, 0, 4, 1}}, "b"); }) == ErrorKind::InvalidArgument);
    QVERIFY(kindOf([&] { gt.storeBoxes(999, {}, "b"); }) == ErrorKind::NotFound);
    try {
      gt.storeMask(volume, Mask(Shape(2, 16, 11)), "m");
    } catch (const ProjectError& e) {
      QVERIFY2(std::string(e.what()).find("differs from image") != std::string::npos, e.what());
    }
    QVERIFY(!gt.loadMask(volume).has_value());
    QVERIFY(!gt.loadBoxes(xray).has_value());
  }

  void groundTruthGoesWithItsImage() {
    const fs::path path = freshPath();
    Project p = Project::create(path);
    const int64_t keep = addImage(p, "keep"), gone = addImage(p, "gone");
    p.groundTruth().storeMask(keep, lbtest::sampleMask(Shape(2, 16, 12)), "keep_seg");
    p.groundTruth().storeMask(gone, lbtest::sampleMask(Shape(2, 16, 12)), "gone_seg");
    p.images().remove(gone);
    lbtest::RawDb raw(path);
    QCOMPARE(raw.integer("SELECT count(*) FROM ground_truth"), int64_t(1));
    QVERIFY(p.groundTruth().loadMask(keep).has_value());
    p.groundTruth().remove(keep);
    QCOMPARE(raw.integer("SELECT count(*) FROM ground_truth"), int64_t(0));
  }

  // Each row names a damage done to a stored 2 x 16 x 12 mask (384 voxels) and the words the error must contain.
  void damagedMaskGivesCorrupt_data() {
    QTest::addColumn<QString>("sql");
    QTest::addColumn<int>("blobEdit");  // 0 none, 1 cut in half, 2 append garbage, 3 noise, 4 valid stream of 2s
    QTest::addColumn<QString>("words");
    QTest::newRow("truncated blob") << "" << 1 << "truncated";
    QTest::newRow("trailing bytes") << "" << 2 << "after its zlib stream";
    QTest::newRow("not zlib") << "" << 3 << "not a valid zlib stream";
    QTest::newRow("values beyond 0/1") << "" << 4 << "other than 0 and 1";
    QTest::newRow("raw size lies") << "UPDATE ground_truth SET raw_size = 100" << 0 << "declares 100";
    QTest::newRow("shape not the image's") << "UPDATE ground_truth SET shape = '[4,16,6]'" << 0 << "not its image";
    QTest::newRow("terabyte dims") << "UPDATE ground_truth SET shape = '[100000,100000,100000]'" << 0 << "2^31";
    QTest::newRow("2 GiB from a tiny blob")
        << "UPDATE images SET shape = '[2048,1024,1024]'; "
           "UPDATE ground_truth SET shape = '[2048,1024,1024]', raw_size = 2147483648"
        << 0 << "more than deflate";
    QTest::newRow("shape not JSON") << "UPDATE ground_truth SET shape = '2x16x12'" << 0 << "malformed shape";
    QTest::newRow("unknown codec") << "UPDATE ground_truth SET codec = 'lz4'" << 0 << "unknown codec";
    QTest::newRow("image lost its grid") << "UPDATE images SET shape = NULL" << 0 << "not its image";
    QTest::newRow("image geometry damaged") << "UPDATE images SET spacing = '[1]'" << 0 << "malformed";
  }

  void damagedMaskGivesCorrupt() {
    QFETCH(QString, sql);
    QFETCH(int, blobEdit);
    QFETCH(QString, words);
    const fs::path path = freshPath();
    int64_t id = 0;
    {
      Project p = Project::create(path);
      id = addImage(p, "victim");
      p.groundTruth().storeMask(id, lbtest::sampleMask(Shape(2, 16, 12)), "victim_seg.nii.gz");
    }
    {
      lbtest::RawDb raw(path);
      raw.exec("PRAGMA ignore_check_constraints = ON");  // a hostile file need not respect our CHECKs
      if (!sql.isEmpty()) raw.exec(sql.toStdString());
      std::vector<uint8_t> blob = raw.blob("SELECT data FROM ground_truth");
      if (blobEdit == 1) blob.resize(blob.size() / 2);
      if (blobEdit == 2) blob.insert(blob.end(), {1, 2, 3, 4, 5});
      if (blobEdit == 3)
        for (size_t i = 0; i < blob.size(); ++i) blob[i] = static_cast<uint8_t>(i * 37 + 11);
      if (blobEdit == 4) blob = zlibOf(std::vector<uint8_t>(384, 2));
      if (blobEdit != 0) raw.setBlob("UPDATE ground_truth SET data = ?1", blob);
    }
    Project p = Project::open(path);
    try {
      p.groundTruth().loadMask(id);
      QFAIL("a damaged mask loaded");
    } catch (const ProjectError& e) {
      QVERIFY2(e.kind() == ErrorKind::Corrupt, e.what());
      QVERIFY2(std::string(e.what()).find(words.toStdString()) != std::string::npos, e.what());
      QVERIFY2(std::string(e.what()).find(path.string()) == 0, e.what());
    }
  }

  void damagedBoxesGiveCorrupt_data() {
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("words");
    QTest::newRow("not JSON") << "[{\"class\": " << "not a JSON array";
    QTest::newRow("object, not array") << "{\"class\": \"a\"}" << "not a JSON array";
    QTest::newRow("missing max") << R"([{"class": "a", "min": [0, 0]}])" << "box 0 not of the form";
    QTest::newRow("point of three") << R"([{"class": "a", "min": [0, 0, 0], "max": [1, 1]}])" << "not of the form";
    QTest::newRow("string coordinate") << R"([{"class": "a", "min": ["0", 0], "max": [1, 1]}])" << "not of the form";
    QTest::newRow("class not text") << R"([{"class": 7, "min": [0, 0], "max": [1, 1]}])" << "not of the form";
    QTest::newRow("extra field") << R"([{"class": "a", "min": [0, 0], "max": [1, 1], "x": 1}])" << "not of the form";
    QTest::newRow("inverted") << R"([{"class": "a", "min": [0, 5], "max": [1, 1]}])" << "minimum beyond";
    QTest::newRow("infinite") << R"([{"class": "a", "min": [0, 0], "max": [1e999, 1]}])" << "boxes of image";
    QTest::newRow("deep nesting") << QString(200000, '[') << "not a JSON array";
    QTest::newRow("gigantic") << "[" + QString(30000000, ' ') + "]" << "more than";
  }

  void damagedBoxesGiveCorrupt() {
    QFETCH(QString, json);
    QFETCH(QString, words);
    const fs::path path = freshPath();
    int64_t id = 0;
    {
      Project p = Project::create(path);
      id = addImage(p, "xray", Shape(16, 12));
      p.groundTruth().storeBoxes(id, sampleBoxes(), "train.csv");
    }
    {
      lbtest::RawDb raw(path);
      std::string escaped = json.toStdString();
      for (size_t at = escaped.find('\''); at != std::string::npos; at = escaped.find('\'', at + 2))
        escaped.insert(at, 1, '\'');
      raw.exec("UPDATE ground_truth SET boxes = '" + escaped + "'");
    }
    Project p = Project::open(path);
    try {
      p.groundTruth().loadBoxes(id);
      QFAIL("damaged boxes loaded");
    } catch (const ProjectError& e) {
      QVERIFY2(e.kind() == ErrorKind::Corrupt, e.what());
      QVERIFY2(std::string(e.what()).find(words.toStdString()) != std::string::npos, e.what());
    }
  }
};

QTEST_GUILESS_MAIN(TestProjectGroundTruth)
#include "test_project_ground_truth.moc"
