// lightbox-cli new / import / info / list as a user runs them, including Ctrl-C in the middle of an import.
#include <QtTest>

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <csignal>

#include "cli_runner.h"
#include "lightbox/imageio/png_writer.h"

class TestCliProject : public QObject {
  Q_OBJECT

  using Run = clitest::Run;
  static Run cli(const QStringList& args) { return clitest::cli(args); }
  static void writeImages(const QString& folder, int count, int size) {
    QDir().mkpath(folder);
    std::vector<uint8_t> px(size_t(size) * size_t(size));
    for (int i = 0; i < count; ++i) {
      for (size_t k = 0; k < px.size(); ++k) px[k] = uint8_t((k * 7 + size_t(i) * 13 + k / size_t(size)) % 256);
      px[0] = uint8_t(i & 0xff);  // every image distinct, or the importer rightly calls some duplicates
      px[1] = uint8_t(i >> 8);
      lightbox::imageio::writePng((folder + QString("/img%1.png").arg(i, 4, 10, QChar('0'))).toStdString(), size,
                                  size, 1, px.data());
    }
  }

 private Q_SLOTS:
  void newImportInfoList() {
    QTemporaryDir dir;
    const QString proj = dir.filePath("study.lightbox");
    writeImages(dir.filePath("images"), 5, 64);
    QFile broken(dir.filePath("images/broken.png"));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("\x89PNG garbage");
    broken.close();

    QCOMPARE(cli({"new", proj}).exitCode, 0);
    Run again = cli({"new", proj});
    QVERIFY(again.exitCode != 0);
    QVERIFY(again.err.contains(proj));

    const Run imp = cli({"import", proj, dir.filePath("images"), "--role", "test", "--dataset", "cxr"});
    QCOMPARE(imp.exitCode, 3);  // finished, with failures
    QVERIFY2(imp.out.contains("imported 5 image(s), skipped 0 duplicate(s), 1 failed"), qPrintable(imp.out));
    QVERIFY(imp.out.contains("broken.png"));

    const Run info = cli({"info", proj});
    QCOMPARE(info.exitCode, 0);
    QVERIFY2(info.out.contains("cxr [test, auto]: 5 imported, 1 failed"), qPrintable(info.out));
    QVERIFY(info.out.contains("broken.png"));

    const Run list = cli({"list", proj, "--dataset", "cxr"});
    QCOMPARE(list.exitCode, 0);
    QCOMPARE(list.out.count("\timported\t"), 5);
    QCOMPARE(list.out.count("\tfailed\t"), 1);
  }

  void notAProjectIsRefusedAndUntouched() {
    QTemporaryDir dir;
    const QString path = dir.filePath("notes.lightbox");
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("these are my notes, not a database");
    f.close();
    const Run r = cli({"info", path});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(path), qPrintable(r.err));
    QFile again(path);
    QVERIFY(again.open(QIODevice::ReadOnly));
    QCOMPARE(again.readAll(), QByteArray("these are my notes, not a database"));
  }

  // Ctrl-C during an import: the command stops, says so, and every image it reports is fully in the project.
  void interruptLeavesAConsistentProject() {
    QTemporaryDir dir;
    const QString proj = dir.filePath("p.lightbox");
    writeImages(dir.filePath("many"), 400, 256);
    QCOMPARE(cli({"new", proj}).exitCode, 0);
    QProcess p;
    p.start(QStringLiteral(LIGHTBOX_CLI), {"import", proj, dir.filePath("many"), "--threads", "1"});
    QVERIFY(p.waitForStarted());
    // Wait until the import is under way (it reports progress on stderr), then interrupt it.
    QByteArray err;
    for (int i = 0; i < 200 && !err.contains("/400"); ++i) {
      p.waitForReadyRead(100);
      err += p.readAllStandardError();
    }
    ::kill(pid_t(p.processId()), SIGINT);
    QVERIFY(p.waitForFinished(60000));
    const QString out = QString::fromUtf8(p.readAllStandardOutput());
    err += p.readAllStandardError();
    QCOMPARE(p.exitCode(), 130);
    QVERIFY2(err.contains("cancelled"), err.constData());

    const Run list = cli({"list", proj});
    const int imported = int(list.out.count("\timported\t"));
    QVERIFY2(out.contains(QString("imported %1 image(s)").arg(imported)), qPrintable(out));
    QVERIFY(imported < 400);
    // Importing again completes the rest and finds the first part as duplicates.
    const Run rest = cli({"import", proj, dir.filePath("many")});
    QCOMPARE(rest.exitCode, 0);
    const QString expected = QString("imported %1 image(s), skipped %2 duplicate(s)").arg(400 - imported).arg(imported);
    QVERIFY2(rest.out.contains(expected), qPrintable(rest.out));
  }
};

QTEST_APPLESS_MAIN(TestCliProject)
#include "test_cli_project.moc"
