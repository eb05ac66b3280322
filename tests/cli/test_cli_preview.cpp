// lightbox-cli preview as a user runs it: exit codes, messages that name the file, outputs on disk.
#include <QtTest>

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include "cli_runner.h"
#include "lightbox/imageio/png_writer.h"

class TestCliPreview : public QObject {
  Q_OBJECT

  using Run = clitest::Run;
  static Run cli(const QStringList& args) { return clitest::cli(args); }

 private Q_SLOTS:
  void version() {
    const Run r = cli({"--version"});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.startsWith("lightbox-cli "));
  }

  void unreadableFilesExitWithTwoAndNameTheFile_data() {
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("name");
    QTest::newRow("empty") << QByteArray() << "empty.nii";
    QTest::newRow("wrong magic") << QByteArray(400, 'x') << "noise.nii.gz";
    QTest::newRow("truncated png") << QByteArray("\x89PNG\r\n\x1a\n\0\0", 10) << "cut.png";
  }
  void unreadableFilesExitWithTwoAndNameTheFile() {
    QFETCH(QByteArray, content);
    QFETCH(QString, name);
    QTemporaryDir dir;
    QFile f(dir.filePath(name));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(content);
    f.close();
    const Run r = cli({"preview", f.fileName(), "-o", dir.filePath("out")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(f.fileName()), qPrintable(r.err));
    QVERIFY2(r.err.contains("cannot read"), qPrintable(r.err));
  }

  void missingFileAndUnknownTask() {
    QTemporaryDir dir;
    Run r = cli({"preview", dir.filePath("nope.png"), "-o", dir.filePath("out")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("nope.png"));
    r = cli({"preview", dir.filePath("nope.png"), "-o", dir.filePath("out"), "--task", "melt"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("unknown task 'melt'"), qPrintable(r.err));
  }

  void writesMontagesAndStatistics() {
    QTemporaryDir dir;
    std::vector<uint8_t> pixels(96 * 80);
    for (size_t k = 0; k < pixels.size(); ++k) pixels[k] = uint8_t((k * 7 + k / 80 * 13) % 251);
    const QString image = dir.filePath("image.png");
    lightbox::imageio::writePng(image.toStdString(), 80, 96, 1, pixels.data());
    const Run r = cli({"preview", image, "--task", "sink,intensity", "-n", "2", "-s", "3", "-o", dir.filePath("out")});
    QCOMPARE(r.exitCode, 0);
    const QStringList pngs = QDir(dir.filePath("out")).entryList({"*.png"});
    QCOMPARE(pngs, (QStringList{"intensity-0.png", "intensity-1.png", "sink-0.png", "sink-1.png"}));
    QVERIFY(QFile::exists(dir.filePath("out/preview.json")));
    QVERIFY(r.out.contains("wrote 4 montage(s)"));
  }
};

QTEST_APPLESS_MAIN(TestCliPreview)
#include "test_cli_preview.moc"
