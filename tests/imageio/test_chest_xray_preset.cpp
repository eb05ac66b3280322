// The chest X-ray preset (SPEC §5.5) and its histogram equalisation against scikit-image's equalize_hist.
#include <QtTest>

#include <cmath>

#include "lightbox/imageio/preprocess.h"

using namespace lightbox;

class TestChestXrayPreset : public QObject {
  Q_OBJECT

  static Image fromValues(const std::vector<double>& v, int rows, int cols) {
    Image img(1, Shape(rows, cols));
    for (size_t k = 0; k < v.size(); ++k) img.data()[k] = float(v[k]);
    return img;
  }

 private Q_SLOTS:
  // Expected values: skimage 0.19 exposure.equalize_hist on the same arrays.
  void equalisationMatchesScikitImage() {
    Image a = fromValues({0, 1, 2, 3, 3, 3, 10, 40, 7, 8, 9, 100, 5, 5, 5, 5}, 4, 4);
    imageio::equalizeHistogram(a, 256);
    const double expectA[] = {0.0625, 0.125, 0.16375, 0.375, 0.375, 0.375, 0.875, 0.93125,
                              0.6875, 0.74875, 0.78375, 1.0,   0.625, 0.625, 0.625, 0.625};
    for (int k = 0; k < 16; ++k) QVERIFY2(std::abs(a.data()[k] - expectA[k]) < 1e-6, qPrintable(QString::number(k)));

    std::vector<double> y(30);
    for (int k = 0; k < 30; ++k) y[size_t(k)] = std::pow(double(k), 1.7);
    Image b = fromValues(y, 5, 6);
    imageio::equalizeHistogram(b, 8);
    const double expectB[] = {0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.30658360721070366, 0.3285293541268902,
                              0.3527885457943265, 0.37926999021850144, 0.40789630526843546, 0.43860059652173744,
                              0.4713241752959117, 0.5060149286067287, 0.5426261173859117, 0.5775032669106122,
                              0.6077500144027216, 0.6393500165921916, 0.6704081318757242, 0.6932315222312396,
                              0.7169117178720392, 0.7454867750280137, 0.7835198125881353, 0.8227827301061839,
                              0.8532839300565516, 0.8810670478789653, 0.9144588376091695, 0.9584868431124697, 1.0,
                              1.0};
    for (int k = 0; k < 30; ++k) QVERIFY2(std::abs(b.data()[k] - expectB[k]) < 1e-6, qPrintable(QString::number(k)));
  }

  void pipelineShapeRangeAndInversion() {
    Image x(1, Shape(700, 600));
    for (int64_t r = 0; r < 700; ++r)
      for (int64_t c = 0; c < 600; ++c) x.data()[r * 600 + c] = float(1000 + 3 * r + c % 50);
    x.geometry().spacing = {0.14, 0.14, 1.0};
    imageio::ChestXrayOptions o;
    const auto normal = imageio::preprocessChestXray2D(x, o);
    QCOMPARE(normal.image.shape(), Shape(256, 256));
    // [-1, 1] before the final area-averaging resize, which can only pull the extremes inwards.
    const auto [lo, hi] = normal.image.range(0);
    QVERIFY(lo >= -1.0f && hi <= 1.0f && lo < -0.9f && hi > 0.9f);
    // Brighter rows (larger r) stay brighter; MONOCHROME1 flips that.
    QVERIFY(normal.image.data()[250 * 256 + 100] > normal.image.data()[5 * 256 + 100]);
    o.monochrome1 = true;
    const auto inverted = imageio::preprocessChestXray2D(x, o);
    QVERIFY(inverted.image.data()[250 * 256 + 100] < inverted.image.data()[5 * 256 + 100]);
    // Working pixel (0, 0) maps back into the original's first pixels; spacing grows by the resize factor.
    QVERIFY(std::abs(normal.toOriginal.scale[0] - 700.0 / 256) < 1e-9);
    QVERIFY(std::abs(normal.image.geometry().spacing[0] - 0.14 * 700 / 256) < 1e-9);
    QVERIFY(normal.toOriginal.offset[0] > 0.0 && normal.toOriginal.offset[0] < 2.0);
  }

  void windowClipsBeforeEqualisation() {
    Image x(1, Shape(64, 64));
    for (int64_t k = 0; k < 64 * 64; ++k) x.data()[k] = float(k % 64);
    imageio::ChestXrayOptions o;
    o.intermediateSize = 64;
    o.size = 64;
    o.hasWindow = true;
    o.windowCentre = 10;
    o.windowWidth = 8;  // [6, 14]: everything above 14 becomes one plateau at +1
    const auto p = imageio::preprocessChestXray2D(x, o);
    QCOMPARE(p.image.data()[40], p.image.data()[63]);
    QVERIFY(p.image.data()[0] < p.image.data()[10]);
  }
};

QTEST_APPLESS_MAIN(TestChestXrayPreset)
#include "test_chest_xray_preset.moc"
