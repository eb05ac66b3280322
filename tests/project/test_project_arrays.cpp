// Arrays, masks and thumbnails: bit-exact round trips, and damaged or lying rows that must give ProjectError
// (Corrupt) — never a crash, never a huge allocation.
#include <QtTest>

#include "lightbox/project/project.h"
#include "project_test_support.h"

using namespace lightbox;
using namespace lightbox::project;
namespace fs = std::filesystem;

class TestProjectArrays : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir dir_;
  fs::path damagedPath_;
  int serial_ = 0;

  fs::path freshPath() { return fs::path(dir_.path().toStdString()) / (std::to_string(++serial_) + "a.lightbox"); }

  static int64_t addImage(Project& p, const char* name) {
    const auto d = p.datasets().findByName("d");
    const int64_t dataset = d ? d->id : p.datasets().create("d", DatasetRole::Healthy).id;
    NewImage n = lbtest::sampleNewImage(name);
    n.arrays.clear();
    n.thumbnail.reset();
    return p.images().insert(dataset, n);
  }

  static void roundTrip(Project& p, int64_t imageId, const ArrayData& a) {
    p.arrays().store(imageId, a);
    const auto back = p.arrays().load(imageId, a.kind);
    QVERIFY(back.has_value());
    QCOMPARE(back->kind, a.kind);
    QVERIFY(lbtest::sameBits(back->image, a.image));
    QVERIFY(lbtest::sameBits(back->image.geometry(), a.image.geometry()));
    QVERIFY(back->mask.shape() == a.mask.shape());
    QVERIFY(back->mask.values() == a.mask.values());
    QCOMPARE(back->mapping, a.mapping);
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

 private Q_SLOTS:
  void initTestCase() { QVERIFY(dir_.isValid()); }

  void roundTrip2DWithMask() {
    Project p = Project::create(freshPath());
    ArrayData a;
    a.image = lbtest::sampleImage(1, Shape(8, 6), 1);
    a.mask = lbtest::sampleMask(Shape(8, 6));
    a.mapping = R"([{"step":"resize","from":[512,512],"to":[256,256]},{"step":"scale","to":[-1,1]}])";
    roundTrip(p, addImage(p, "xray"), a);
  }

  void roundTrip3DMultiChannelWithoutMask() {
    Project p = Project::create(freshPath());
    ArrayData a;
    a.kind = "positional";
    a.image = lbtest::sampleImage(2, Shape(5, 7, 3), 2);
    roundTrip(p, addImage(p, "brain"), a);
  }

  void roundTripWorkingSizeVolume() {
    Project p = Project::create(freshPath());
    ArrayData a;
    a.image = lbtest::sampleImage(1, Shape(80, 112, 80), 3); // the brain 3D working size
    a.mask = lbtest::sampleMask(Shape(80, 112, 80));
    roundTrip(p, addImage(p, "brain"), a);
  }

  void kindsAreSeparateAndReplaced() {
    Project p = Project::create(freshPath());
    const int64_t id = addImage(p, "k");
    ArrayData a;
    a.image = lbtest::sampleImage(1, Shape(4, 4), 4);
    p.arrays().store(id, a);
    a.kind = "slices";
    p.arrays().store(id, a);
    a.kind = "preprocessed";
    a.image = lbtest::sampleImage(1, Shape(6, 6), 5);
    p.arrays().store(id, a); // replaces the first one
    QCOMPARE(p.arrays().kinds(id), (std::vector<std::string>{"preprocessed", "slices"}));
    QVERIFY(p.arrays().load(id)->image.shape() == Shape(6, 6));
    QVERIFY(!p.arrays().load(id, "missing").has_value());
  }

  void storeRefusesWhatItCannotKeep() {
    Project p = Project::create(freshPath());
    const int64_t id = addImage(p, "s");
    ArrayData a;
    QVERIFY(kindOf([&] { p.arrays().store(id, a); }) == ErrorKind::InvalidArgument); // empty image
    a.image = lbtest::sampleImage(1, Shape(4, 4), 6);
    a.mask = Mask(Shape(4, 5));
    QVERIFY(kindOf([&] { p.arrays().store(id, a); }) == ErrorKind::InvalidArgument); // mask shape differs
    a.mask = Mask(Shape(4, 4), 2);
    QVERIFY(kindOf([&] { p.arrays().store(id, a); }) == ErrorKind::InvalidArgument); // mask not 0/1
    a.mask = Mask();
    a.image.geometry().spacing[1] = std::nan("");
    QVERIFY(kindOf([&] { p.arrays().store(id, a); }) == ErrorKind::InvalidArgument);
    a.image.geometry().spacing[1] = 1.0;
    QVERIFY(kindOf([&] { p.arrays().store(777, a); }) == ErrorKind::NotFound);
    QVERIFY(p.arrays().kinds(id).empty());
    // Encoding alone (as an importer's worker thread does it) refuses the same things, naming no file.
    a.mask = Mask(Shape(4, 4), 2);
    try {
      EncodedArray::encode(a);
      QFAIL("encoded a bad mask");
    } catch (const ProjectError& e) {
      QVERIFY(e.kind() == ErrorKind::InvalidArgument);
      QVERIFY(e.file().empty());
      QVERIFY2(std::string(e.what()).find("cannot store array 'preprocessed'") == 0, e.what());
    }
    a.mask = Mask();
    const EncodedArray encoded = EncodedArray::encode(a);
    QVERIFY(encoded.compressedBytes() > 0);
    p.arrays().store(id, encoded);
    QVERIFY(lbtest::sameBits(p.arrays().load(id)->image, a.image));
  }

  void thumbnailsRoundTripAndValidate() {
    Project p = Project::create(freshPath());
    const int64_t id = addImage(p, "t");
    QVERIFY(!p.thumbnails().load(id).has_value());
    Thumbnail t{5, 2, {0, 1, 2, 3, 4, 250, 251, 252, 253, 255}};
    p.thumbnails().store(id, t);
    t.grey[0] = 9;
    p.thumbnails().store(id, t); // replaces
    const auto back = p.thumbnails().load(id);
    QCOMPARE(back->width, 5);
    QCOMPARE(back->height, 2);
    QVERIFY(back->grey == t.grey);
    QVERIFY(kindOf([&] { p.thumbnails().store(id, Thumbnail{5, 3, t.grey}); }) == ErrorKind::InvalidArgument);
    QVERIFY(kindOf([&] {
              p.thumbnails().store(id, Thumbnail{5000, 1, std::vector<uint8_t>(5000)});
            }) == ErrorKind::InvalidArgument);
  }

  // Each row names a damage done to a stored 8x6 float array with mask (192 data bytes, 48 mask bytes), and the
  // words the error must contain.
  void damagedRowsGiveCorrupt_data() {
    QTest::addColumn<QString>("sql");
    QTest::addColumn<int>("blobEdit"); // 0 none, 1 cut in half, 2 append garbage, 3 replace by noise, 4 cut to 2
    QTest::addColumn<QString>("words");
    QTest::newRow("truncated blob") << "" << 1 << "truncated";
    QTest::newRow("blob cut to 2 bytes") << "" << 4 << "zlib";
    QTest::newRow("trailing bytes") << "" << 2 << "after its zlib stream";
    QTest::newRow("not zlib") << "" << 3 << "not a valid zlib stream";
    QTest::newRow("raw size lies") << "UPDATE arrays SET raw_size = raw_size * 2" << 0 << "declares 384";
    QTest::newRow("shape and size both lie, larger")
        << "UPDATE arrays SET shape = '[16,6]', raw_size = 384, mask_raw_size = 96" << 0 << "decodes to 192 bytes";
    QTest::newRow("shape and size both lie, smaller")
        << "UPDATE arrays SET shape = '[4,6]', raw_size = 96, mask_raw_size = 24" << 0 << "more than its declared";
    QTest::newRow("terabyte dims") << "UPDATE arrays SET shape = '[100000,100000,100000]'" << 0 << "2^31 voxels";
    QTest::newRow("8 GiB from a tiny blob")
        << "UPDATE arrays SET shape = '[2048,1024,1024]', raw_size = 8589934592" << 0 << "more than deflate";
    QTest::newRow("negative size") << "UPDATE arrays SET shape = '[-8,6]'" << 0 << "malformed shape";
    QTest::newRow("four axes") << "UPDATE arrays SET shape = '[1,8,6,1]'" << 0 << "malformed shape";
    QTest::newRow("shape not JSON") << "UPDATE arrays SET shape = '8x6'" << 0 << "malformed shape";
    QTest::newRow("geometry not numbers") << "UPDATE arrays SET spacing = '[1,nan,1]'" << 0 << "malformed geometry";
    QTest::newRow("geometry too short") << "UPDATE arrays SET direction = '[1,0,0]'" << 0 << "malformed geometry";
    QTest::newRow("zero channels") << "UPDATE arrays SET channels = 0" << 0 << "channel count";
    QTest::newRow("channels overflow") << "UPDATE arrays SET channels = 9000000000000" << 0 << "channel count";
    QTest::newRow("unknown codec") << "UPDATE arrays SET codec = 'lz4'" << 0 << "unknown codec";
    QTest::newRow("unknown dtype") << "UPDATE arrays SET dtype = 'float64'" << 0 << "element type";
    QTest::newRow("mask size lies") << "UPDATE arrays SET mask_raw_size = 4000" << 0 << "mask declares";
    QTest::newRow("mask blob swapped for data") << "UPDATE arrays SET mask_data = data" << 0 << "mask decodes";
  }

  void damagedRowsGiveCorrupt() {
    QFETCH(QString, sql);
    QFETCH(int, blobEdit);
    QFETCH(QString, words);
    const fs::path path = freshPath();
    int64_t id = 0;
    {
      Project p = Project::create(path);
      id = addImage(p, "victim");
      ArrayData a;
      a.image = lbtest::sampleImage(1, Shape(8, 6), 9);
      a.mask = lbtest::sampleMask(Shape(8, 6));
      p.arrays().store(id, a);
    }
    {
      lbtest::RawDb raw(path);
      raw.exec("PRAGMA ignore_check_constraints = ON"); // a hostile file need not respect our CHECKs
      if (!sql.isEmpty()) raw.exec(sql.toStdString());
      std::vector<uint8_t> blob = raw.blob("SELECT data FROM arrays");
      if (blobEdit == 1) blob.resize(blob.size() / 2);
      if (blobEdit == 2) blob.insert(blob.end(), {1, 2, 3, 4, 5});
      if (blobEdit == 3)
        for (size_t i = 0; i < blob.size(); ++i) blob[i] = static_cast<uint8_t>(i * 37 + 11);
      if (blobEdit == 4) blob.resize(2);
      if (blobEdit != 0) raw.setBlob("UPDATE arrays SET data = ?1", blob);
    }
    Project p = Project::open(path);
    try {
      p.arrays().load(id);
      QFAIL("a damaged array loaded");
    } catch (const ProjectError& e) {
      QVERIFY2(e.kind() == ErrorKind::Corrupt, e.what());
      QVERIFY2(std::string(e.what()).find(words.toStdString()) != std::string::npos, e.what());
      QVERIFY2(std::string(e.what()).find(path.string()) == 0, e.what());
    }
    QCOMPARE(p.datasets().list().size(), size_t(1)); // the project stays usable
  }

  // Every truncation and every single-bit flip of a stored blob is caught (zlib's Adler-32 covers the content), or
  // decodes to exactly the stored data (a flip in bits deflate ignores, such as a stored block's padding).
  void everyCutAndFlipIsCaught_data() {
    QTest::addColumn<bool>("compressible");
    QTest::newRow("noisy floats (a stored block)") << false;
    QTest::newRow("ramp (Huffman-coded)") << true;
  }

  void everyCutAndFlipIsCaught() {
    QFETCH(bool, compressible);
    const fs::path path = freshPath();
    Project p = Project::create(path);
    const int64_t id = addImage(p, "fuzz");
    ArrayData a;
    a.image = lbtest::sampleImage(1, Shape(8, 6), 11);
    if (compressible)
      for (size_t i = 0; i < a.image.values().size(); ++i) a.image.values()[i] = static_cast<float>(i % 5);
    p.arrays().store(id, a);
    lbtest::RawDb raw(path);
    const std::vector<uint8_t> good = raw.blob("SELECT data FROM arrays");
    int safe = 0, tried = 0;
    const auto tryBlob = [&](const std::vector<uint8_t>& bytes) {
      raw.setBlob("UPDATE arrays SET data = ?1", bytes);
      ++tried;
      try {
        if (lbtest::sameBits(p.arrays().load(id)->image, a.image)) ++safe;
      } catch (const ProjectError& e) {
        if (e.kind() == ErrorKind::Corrupt) ++safe;
      }
    };
    for (size_t n = 1; n < good.size(); ++n) tryBlob(std::vector<uint8_t>(good.begin(), good.begin() + n));
    for (size_t bit = 0; bit < good.size() * 8; bit += compressible ? 1 : 5) { // every bit of the short stream
      std::vector<uint8_t> flipped = good;
      flipped[bit / 8] ^= static_cast<uint8_t>(1u << (bit % 8));
      tryBlob(flipped);
    }
    QCOMPARE(safe, tried);
  }

  void damagedThumbnailGivesCorrupt() {
    const fs::path path = freshPath();
    int64_t id = 0;
    {
      Project p = Project::create(path);
      id = addImage(p, "thumb");
      p.thumbnails().store(id, Thumbnail{4, 4, std::vector<uint8_t>(16, 7)});
    }
    { lbtest::RawDb(path).exec("UPDATE thumbnails SET width = 4000, height = 4000"); }
    Project p = Project::open(path);
    QVERIFY(kindOf([&] { p.thumbnails().load(id); }) == ErrorKind::Corrupt);
  }

  void damagedImageRowGivesCorrupt() {
    const fs::path path = freshPath();
    int64_t id = 0;
    {
      Project p = Project::create(path);
      id = addImage(p, "meta");
    }
    { lbtest::RawDb(path).exec("UPDATE images SET origin = '[1,2]'"); }
    Project p = Project::open(path);
    QVERIFY(kindOf([&] { p.images().get(id); }) == ErrorKind::Corrupt);
  }
};

QTEST_GUILESS_MAIN(TestProjectArrays)
#include "test_project_arrays.moc"
