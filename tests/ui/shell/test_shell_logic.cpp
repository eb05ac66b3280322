// ETA wording and estimate, recent projects, the Qt ProgressSink (throttling, cross-thread delivery, cancel).
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <fstream>

#include "shell/eta.h"
#include "shell/qt_progress_sink.h"
#include "shell/recent_projects.h"

using namespace lightbox::ui;

class ShellLogicTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

  void etaWording_data() {
    QTest::addColumn<double>("seconds");
    QTest::addColumn<QString>("text");
    QTest::newRow("unknown") << -1.0 << QString();
    QTest::newRow("nan") << std::nan("") << QString();
    QTest::newRow("almost") << 0.4 << QStringLiteral("almost done");
    QTest::newRow("seconds") << 11.2 << QStringLiteral("12 s left");
    QTest::newRow("one minute") << 60.0 << QStringLiteral("about 1 min left");
    QTest::newRow("minutes") << 125.0 << QStringLiteral("about 3 min left");
    QTest::newRow("hour") << 3600.0 << QStringLiteral("about 1 h left");
    QTest::newRow("hours") << 3600.0 + 5 * 60 - 30 << QStringLiteral("about 1 h 5 min left");
  }
  void etaWording() {
    QFETCH(double, seconds);
    QFETCH(QString, text);
    QCOMPARE(formatEta(seconds), text);
  }

  void countWording() {
    QCOMPARE(formatCount(2345, 10000), QStringLiteral("2,345 of 10,000"));
    QCOMPARE(formatCount(7, 0), QStringLiteral("7"));
  }

  void etaEstimate() {
    EtaEstimator e;
    QVERIFY(e.update(0, 0, 0.0) < 0);      // scanning: no total
    QVERIFY(e.update(0, 100, 5.0) < 0);    // first report with a total starts the clock
    QVERIFY(e.update(5, 100, 5.5) < 0);    // under a second of measured work
    QCOMPARE(e.update(10, 100, 7.0), 18.0);  // 10 units in 2 s -> 90 left at 5/s
    QCOMPARE(e.update(100, 100, 9.0), 0.0);
    QVERIFY(e.update(1, 50, 10.0) < 0);    // a new total is a new phase
    e.reset();
    QVERIFY(e.update(10, 100, 0.0) < 0);
    QVERIFY(e.update(10, 100, 3.0) < 0);   // no progress since the start: unknown, not infinite
  }

  void recentProjects() {
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
    RecentProjects recent(&settings);
    QVERIFY(recent.list().isEmpty());
    QStringList files;
    for (int i = 0; i < RecentProjects::maxCount + 2; ++i) {
      files << dir.filePath(QStringLiteral("p%1.lightbox").arg(i));
      std::ofstream(files.last().toStdString()) << "x";
      recent.add(files.last());
    }
    QCOMPARE(recent.list().size(), RecentProjects::maxCount);
    QCOMPARE(recent.list().first(), files.last());  // most recent first
    recent.add(files[5]);                          // again: moves to the top, no duplicate
    QCOMPARE(recent.list().first(), files[5]);
    QCOMPARE(recent.list().count(files[5]), 1);
    QFile::remove(files.last());  // vanished files are not offered
    QVERIFY(!recent.list().contains(files.last()));
    recent.remove(files[5]);
    QVERIFY(!recent.list().contains(files[5]));
    recent.clear();
    QVERIFY(recent.list().isEmpty());
  }

  void progressSinkThrottles() {
    QtProgressSink sink(nullptr, std::chrono::milliseconds(1000));
    QSignalSpy spy(&sink, &QtProgressSink::progressed);
    sink.progress(0, 0, "scanning");   // first: emitted
    sink.progress(0, 0, "scanning");   // too soon, same total: dropped
    sink.progress(0, 10, "a");         // the total changed: emitted
    for (int i = 1; i < 10; ++i) sink.progress(i, 10, "b");  // dropped
    sink.progress(10, 10, "last");     // the end is always emitted
    QCOMPARE(spy.count(), 3);
    QCOMPARE(spy.at(1).at(1).toLongLong(), 10);
    QCOMPARE(spy.at(2).at(0).toLongLong(), 10);
    QCOMPARE(spy.at(2).at(2).toString(), QStringLiteral("last"));
  }

  void progressSinkCancel() {
    QtProgressSink sink;
    QVERIFY(!sink.cancelled());
    sink.cancel();
    QVERIFY(sink.cancelled());
  }

  void progressSinkCrossesThreads() {
    QtProgressSink sink(nullptr, std::chrono::milliseconds(0));
    QList<Qt::HANDLE> receivedOn;
    QList<qint64> done;
    connect(&sink, &QtProgressSink::progressed, this, [&](qint64 d, qint64, const QString&) {
      receivedOn << QThread::currentThreadId();
      done << d;
    });
    QString warning;
    connect(&sink, &QtProgressSink::warned, this, [&](const QString& m) { warning = m; });
    QThread* worker = QThread::create([&sink] {
      for (int i = 1; i <= 5; ++i) sink.progress(i, 5, "step");
      sink.warning("a skipped file");
    });
    worker->start();
    worker->wait();
    delete worker;
    QVERIFY(done.isEmpty());  // queued: nothing arrives until the GUI thread's loop runs
    QTRY_COMPARE(done.size(), 5);
    QCOMPARE(done, (QList<qint64>{1, 2, 3, 4, 5}));
    for (Qt::HANDLE h : receivedOn) QCOMPARE(h, QThread::currentThreadId());
    QTRY_COMPARE(warning, QStringLiteral("a skipped file"));
  }
};

QTEST_GUILESS_MAIN(ShellLogicTest)
#include "test_shell_logic.moc"
