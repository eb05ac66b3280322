// Positional encoding channels (SPEC §3.5).
#include <QtTest>

#include <cmath>

#include "lightbox/core/positional_encoding.h"

using namespace lightbox;

class TestPositionalEncoding : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void channelCounts() {
    // With the image channel the network sees 67 (2D) and 68 (3D) input channels.
    QCOMPARE(1 + positionalEncodingChannels(2), 67);
    QCOMPARE(1 + positionalEncodingChannels(3), 68);
    QCOMPARE(positionalEncoding(Shape(8, 6)).channels(), 66);
  }

  void coordinateChannelsSpanMinusOneToOne() {
    const Shape s(5, 4, 3);
    const Image e = positionalEncoding(s);
    QCOMPARE(e.channel(0)[s.linear({0, 2, 1})], -1.0f);
    QCOMPARE(e.channel(0)[s.linear({4, 2, 1})], 1.0f);
    QCOMPARE(e.channel(0)[s.linear({2, 0, 0})], 0.0f);
    QCOMPARE(e.channel(2)[s.linear({1, 1, 2})], 1.0f);
    QVERIFY(std::abs(e.channel(1)[s.linear({0, 1, 0})] - (-1.0f / 3.0f)) < 1e-6f);
  }

  void fourierFeaturesAreSinCosPairs() {
    const Shape s(16, 12);
    const Image e = positionalEncoding(s);
    for (int f = 0; f < kFourierFeatures; ++f) {
      QCOMPARE(e.channel(2 + f)[0], 0.0f);  // phase 0 at the origin (coordinates i / S start at 0)
      QCOMPARE(e.channel(2 + kFourierFeatures + f)[0], 1.0f);
      for (int64_t k = 0; k < s.count(); k += 7) {
        const float sn = e.channel(2 + f)[k], cs = e.channel(2 + kFourierFeatures + f)[k];
        QVERIFY(std::abs(sn * sn + cs * cs - 1.0f) < 1e-5f);
      }
    }
  }

  void fixedAndCached() {
    const Shape s(10, 9);
    const auto a = cachedPositionalEncoding(s), b = cachedPositionalEncoding(s);
    QCOMPARE(a.get(), b.get());
    QCOMPARE(a->values(), positionalEncoding(s).values());
  }
};

QTEST_APPLESS_MAIN(TestPositionalEncoding)
#include "test_positional_encoding.moc"
