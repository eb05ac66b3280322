// The learning-rate schedule of SPEC §4.2 at the steps pinned by SPEC §7. Torch-free: links Lightbox::models only.
#include <QtTest>

#include <cmath>

#include "lightbox/models/lr_schedule.h"

using namespace lightbox::models;

namespace {
bool near(double a, double b, double relative = 1e-9) { return std::abs(a - b) <= relative * std::abs(b); }
}  // namespace

class TestLrSchedule : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void paperValues_data() {
    QTest::addColumn<qint64>("step");
    QTest::addColumn<double>("factor");
    QTest::addColumn<double>("tolerance");
    QTest::newRow("0") << qint64(0) << 0.01 << 1e-12;
    QTest::newRow("50") << qint64(50) << 0.505 << 1e-12;
    QTest::newRow("99") << qint64(99) << 0.9901 << 1e-12;
    QTest::newRow("100") << qint64(100) << 1.0 << 1e-12;
    QTest::newRow("8100") << qint64(8100) << 0.1 << 1e-9;
    // The last exponential step, 0.1^(10407/8000) = 0.050018 ("~0.0500"), just above the floor.
    QTest::newRow("10507") << qint64(10507) << std::pow(0.1, 10407.0 / 8000.0) << 1e-9;
    QTest::newRow("10508") << qint64(10508) << 0.05 << 1e-12;
    QTest::newRow("20000") << qint64(20000) << 0.05 << 1e-12;
  }

  void paperValues() {
    QFETCH(qint64, step);
    QFETCH(double, factor);
    QFETCH(double, tolerance);
    for (double base : {1e-3, 5e-3}) {  // brain and chest X-ray base rates
      const LrSchedule schedule{.baseLr = base};
      QVERIFY2(near(schedule.at(step), base * factor, tolerance),
               qPrintable(QString("lr %1, expected %2").arg(schedule.at(step), 0, 'g', 17).arg(base * factor)));
    }
  }

  void floorStartIs10508() {
    QCOMPARE(LrSchedule{}.floorStart(), qint64(10508));
    QVERIFY(LrSchedule{}.at(10507) > LrSchedule{}.at(10508));  // decay reaches the floor from above
  }

  // Non-increasing after the warm-up, continuous to 0.1 % at the switch, constant on the floor.
  void shapeOfTheCurve() {
    const LrSchedule s;
    for (int64_t step = 1; step < 100; ++step) QVERIFY(s.at(step) > s.at(step - 1));
    for (int64_t step = 101; step < 30000; ++step) QVERIFY(s.at(step) <= s.at(step - 1));
    QVERIFY(std::abs(s.at(10507) / s.at(10508) - 1.0) < 1e-3);
    QCOMPARE(s.at(1'000'000), s.at(10508));
  }

  void otherSettings() {
    const LrSchedule s{.baseLr = 2.0, .warmupSteps = 10, .decayPerStep = 0.5, .floorFraction = 0.25};
    QCOMPARE(s.floorStart(), qint64(12));  // 0.5^2 = 0.25
    QVERIFY(near(s.at(5), 2.0 * (0.01 + 0.99 * 0.5)));
    QVERIFY(near(s.at(11), 1.0));
    QVERIFY(near(s.at(12), 0.5));
  }
};

QTEST_GUILESS_MAIN(TestLrSchedule)
#include "test_lr_schedule.moc"
