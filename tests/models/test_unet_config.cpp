// The torch-free side of the U-Net (SPEC §4.1): presets, validation, input-shape check, analytic parameter count.
// Links Lightbox::models only, without LibTorch on the include path.
#include <QtTest>

#include <stdexcept>
#include <string>
#include <vector>

#include "lightbox/models/unet_config.h"

using namespace lightbox::models;

namespace {

UNetConfig small2D() { return {.dims = 2, .inputChannels = 3, .levels = 3, .baseFeatures = 4, .featureCap = 16}; }

// The message of the std::invalid_argument that `check` throws; empty (a failure) if it throws nothing.
template <typename F>
std::string invalidArgumentMessage(F check) {
  try {
    check();
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return {};
}

}  // namespace

class TestUNetConfig : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void paperPresets() {
    const UNetConfig brain = UNetConfig::paperBrain3D();
    QCOMPARE(brain.dims, 3);
    QCOMPARE(brain.inputChannels, 68);
    QCOMPARE(brain.levels, 5);
    QCOMPARE(brain.baseFeatures, 32);
    QCOMPARE(brain.featureCap, 320);
    QCOMPARE(brain.convsPerStage, 2);
    const UNetConfig cxr = UNetConfig::paperChestXray2D();
    QCOMPARE(cxr.dims, 2);
    QCOMPARE(cxr.inputChannels, 67);
    QCOMPARE(cxr.levels, 7);
    QCOMPARE(cxr.featureCap, 512);
  }

  // SPEC §4.1: encoder 32..256 and a 320-wide bottleneck (brain); 32..512, 512 and a 512-wide bottleneck (CXR).
  void levelFeaturesFollowTheCap() {
    QCOMPARE(levelFeatures(UNetConfig::paperBrain3D()), (std::vector<int>{32, 64, 128, 256, 320}));
    QCOMPARE(levelFeatures(UNetConfig::paperChestXray2D()), (std::vector<int>{32, 64, 128, 256, 512, 512, 512}));
  }

  void requiredMultiples() {
    QCOMPARE(requiredInputMultiple(UNetConfig::paperBrain3D()), int64_t{16});
    QCOMPARE(requiredInputMultiple(UNetConfig::paperChestXray2D()), int64_t{64});
    QCOMPARE(requiredInputMultiple(small2D()), int64_t{4});
  }

  // The reference's counts less its unused auxiliary heads (224 and 992 parameters; SPEC §4.1).
  void paperParameterCounts() {
    QCOMPARE(parameterCount(UNetConfig::paperBrain3D()), int64_t{13'889'600});
    QCOMPARE(parameterCount(UNetConfig::paperChestXray2D()), int64_t{29'124'704});
  }

  // By hand, conv = in*out*9 + out (bias) + 2*out (norm), widths 4, 8, 16:
  // encoder 3->4 120, 4->4 156, 4->8 312, 8->8 600; bottleneck 8->16 1200, 16->8 1176;
  // decoder 16->8 1176, 8->4 300, 8->4 300, 4->4 156; head 4.  Total 5500.
  void smallCountByHand() { QCOMPARE(parameterCount(small2D()), int64_t{5500}); }

  void invalidConfigsAreRejected() {
    const auto rejects = [](UNetConfig c, const char* setting) {
      const std::string message = invalidArgumentMessage([&] { validate(c); });
      if (message.find(setting) == std::string::npos) qWarning() << "message:" << message.c_str();
      return message.find(setting) != std::string::npos;
    };
    UNetConfig c = small2D();
    c.dims = 1;
    QVERIFY(rejects(c, "dims"));
    QVERIFY(rejects(UNetConfig{}, "dims"));  // nothing chosen
    c = small2D();
    c.inputChannels = 0;
    QVERIFY(rejects(c, "inputChannels"));
    c = small2D();
    c.levels = 1;
    QVERIFY(rejects(c, "levels"));
    c = small2D();
    c.featureCap = 2;
    QVERIFY(rejects(c, "featureCap"));
    c = small2D();
    c.convsPerStage = 1;
    QVERIFY(rejects(c, "convsPerStage"));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, parameterCount(c));
  }

  void acceptedShapes() {
    const std::vector<int64_t> cxr = {2, 67, 256, 256};
    checkInputShape(UNetConfig::paperChestXray2D(), cxr);
    const std::vector<int64_t> brain = {1, 68, 80, 112, 80};
    checkInputShape(UNetConfig::paperBrain3D(), brain);
  }

  void shapeErrorsNameTheProblem_data() {
    QTest::addColumn<int>("which");  // 0: CXR, 1: brain
    QTest::addColumn<std::vector<int64_t>>("shape");
    QTest::addColumn<QString>("expected");
    QTest::newRow("250 not a multiple of 64") << 0 << std::vector<int64_t>{1, 67, 250, 256} << "multiple of 64";
    QTest::newRow("axis named") << 0 << std::vector<int64_t>{1, 67, 256, 200} << "axis 3";
    QTest::newRow("brain 81 not a multiple of 16") << 1 << std::vector<int64_t>{1, 68, 81, 112, 80} << "multiple of 16";
    QTest::newRow("zero size") << 1 << std::vector<int64_t>{1, 68, 0, 112, 80} << "positive multiple";
    QTest::newRow("channels") << 0 << std::vector<int64_t>{1, 1, 256, 256} << "expected 67 channels";
    QTest::newRow("3D input to 2D net") << 0 << std::vector<int64_t>{1, 67, 64, 64, 64} << "expected 4 dimensions";
    QTest::newRow("no batch axis") << 1 << std::vector<int64_t>{68, 80, 112, 80} << "expected 5 dimensions";
  }
  void shapeErrorsNameTheProblem() {
    QFETCH(int, which);
    QFETCH(std::vector<int64_t>, shape);
    QFETCH(QString, expected);
    const UNetConfig c = which == 0 ? UNetConfig::paperChestXray2D() : UNetConfig::paperBrain3D();
    const QString message = QString::fromStdString(invalidArgumentMessage([&] { checkInputShape(c, shape); }));
    QVERIFY2(message.contains(expected), qPrintable(message));
  }
};

QTEST_APPLESS_MAIN(TestUNetConfig)
#include "test_unet_config.moc"
