// JobRunner: the work runs on another thread, results arrive on the GUI thread, cancel reaches the work, errors
// are reported, one job at a time, and the GUI thread keeps processing events meanwhile.
#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <stdexcept>

#include "shell/job_runner.h"

using namespace lightbox;
using namespace lightbox::ui;

class JobRunnerTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void runsOffTheGuiThreadAndCompletesOnIt() {
    JobRunner runner;
    QSignalSpy started(&runner, &JobRunner::started);
    QSignalSpy finished(&runner, &JobRunner::finished);
    QSignalSpy progressed(&runner, &JobRunner::progressed);
    Qt::HANDLE workThread = nullptr, completionThread = nullptr;
    int result = 0;
    QVERIFY(runner.start(QStringLiteral("sum"), [&](ProgressSink& p) -> std::function<void()> {
      workThread = QThread::currentThreadId();
      int sum = 0;
      for (int i = 1; i <= 4; ++i) {
        sum += i;
        p.progress(i, 4, "adding");
      }
      return [&, sum] {
        completionThread = QThread::currentThreadId();
        result = sum;
      };
    }));
    QVERIFY(runner.busy());
    QCOMPARE(started.count(), 1);
    QVERIFY(finished.wait(10000));
    QVERIFY(!runner.busy());
    QCOMPARE(result, 10);
    QVERIFY(workThread != QThread::currentThreadId());
    QCOMPARE(completionThread, QThread::currentThreadId());
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    QVERIFY(finished.at(0).at(1).toString().isEmpty());
    QVERIFY(progressed.count() >= 1);
    QCOMPARE(progressed.last().at(0).toLongLong(), 4);  // the last report always arrives, before finished()
  }

  void cancelStopsTheWork() {
    JobRunner runner;
    QSignalSpy finished(&runner, &JobRunner::finished);
    QSignalSpy cancelling(&runner, &JobRunner::cancelling);
    std::atomic<bool> inside{false};
    std::atomic<int> iterations{0};
    QVERIFY(runner.start(QStringLiteral("forever"), [&](ProgressSink& p) -> std::function<void()> {
      inside = true;
      while (!p.cancelled()) {
        ++iterations;
        QThread::msleep(1);
      }
      return {};
    }));
    QTRY_VERIFY(inside.load());
    // The GUI thread is free while the job runs: a timer fires.
    bool timerFired = false;
    QTimer::singleShot(10, this, [&] { timerFired = true; });
    QTRY_VERIFY(timerFired);
    runner.cancel();
    QCOMPARE(cancelling.count(), 1);
    QVERIFY(runner.cancelRequested());
    QVERIFY(finished.wait(5000));
    QCOMPARE(finished.at(0).at(0).toBool(), true);
    QVERIFY(iterations > 0);
  }

  void errorsAreReported() {
    JobRunner runner;
    QSignalSpy finished(&runner, &JobRunner::finished);
    QVERIFY(runner.start(QStringLiteral("fails"), [](ProgressSink&) -> std::function<void()> {
      throw std::runtime_error("study.lightbox: disk full");
    }));
    QVERIFY(finished.wait(5000));
    QCOMPARE(finished.at(0).at(1).toString(), QStringLiteral("study.lightbox: disk full"));
  }

  void oneJobAtATime() {
    JobRunner runner;
    std::atomic<bool> release{false};
    QVERIFY(runner.start(QStringLiteral("first"), [&](ProgressSink&) -> std::function<void()> {
      while (!release) QThread::msleep(1);
      return {};
    }));
    QVERIFY(!runner.start(QStringLiteral("second"), [](ProgressSink&) -> std::function<void()> { return {}; }));
    QCOMPARE(runner.title(), QStringLiteral("first"));
    release = true;
    QVERIFY(runner.waitForFinished(5000));
    QVERIFY(runner.start(QStringLiteral("third"), [](ProgressSink&) -> std::function<void()> { return {}; }));
    QVERIFY(runner.waitForFinished(5000));
  }

  void destructorCancelsAndWaits() {
    std::atomic<bool> stopped{false};
    {
      JobRunner runner;
      QVERIFY(runner.start(QStringLiteral("long"), [&](ProgressSink& p) -> std::function<void()> {
        while (!p.cancelled()) QThread::msleep(1);
        stopped = true;
        return {};
      }));
      QThread::msleep(20);
    }
    QVERIFY(stopped.load());
  }
};

QTEST_GUILESS_MAIN(JobRunnerTest)
#include "test_job_runner.moc"
