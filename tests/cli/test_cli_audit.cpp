// lightbox-cli audit / exclude / include as a user runs them, on a tiny run trained by lightbox-cli itself.
#include <QtTest>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include "cli_runner.h"
#include "lightbox/project/project.h"
#include "phantom_project.h"

using namespace lightbox;

class TestCliAudit : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  QString proj_;

  static clitest::Run cli(const QStringList& args) { return clitest::cli(args); }
  static QJsonObject json(const clitest::Run& r) { return QJsonDocument::fromJson(r.out.toUtf8()).object(); }

 private Q_SLOTS:
  void initTestCase() {
    proj_ = dir_.filePath("audit.lightbox");
    project::Project p = project::Project::create(proj_.toStdString());
    test::addPhantomImages(p, "healthy", project::DatasetRole::Healthy, 10, 10);
    test::addPhantomImages(p, "blend", project::DatasetRole::Blend, 2, 50);
  }

  void auditExcludeInclude() {
    const auto train = cli({"train", proj_, "--dataset", "healthy", "--blend", "blend", "--tasks", "0,1,2,3",
                            "--max-steps", "4", "--validate-every", "2", "--device", "cpu", "--threads", "2",
                            "--workers", "1"});
    QVERIFY2(train.exitCode == 0, qPrintable(train.err));

    // Task 4 alone is held out: its chunk, the last two images by path, is what the fold never trained on.
    const auto audit = cli({"audit", proj_, "--run", "1", "--device", "cpu", "--json"});
    QVERIFY2(audit.exitCode == 0, qPrintable(audit.err));
    const QJsonObject a = json(audit);
    QCOMPARE(a.value("audited").toInt(), 2);
    const QJsonArray rows = a.value("images").toArray();
    QCOMPARE(rows.size(), 10);
    QStringList audited;
    double previous = 2;
    for (int k = 0; k < 2; ++k) {
      const QJsonObject r = rows[k].toObject();
      QCOMPARE(r.value("rank").toInt(), k + 1);
      QVERIFY(r.value("score").toDouble() <= previous);
      previous = r.value("score").toDouble();
      audited << r.value("path").toString();
    }
    audited.sort();
    QCOMPARE(audited, (QStringList{"/data/healthy8.png", "/data/healthy9.png"}));
    QVERIFY(rows[2].toObject().value("reason").toString().contains("trained on it"));
    const qint64 top = rows[0].toObject().value("image_id").toInteger();

    const auto text = cli({"audit", proj_, "--run", "1", "--stored", "--top", "1"});
    QCOMPARE(text.exitCode, 0);
    QVERIFY2(text.out.contains("2 of 10 healthy arrays audited"), qPrintable(text.out));
    QVERIFY(text.out.contains(rows[0].toObject().value("path").toString()));
    QVERIFY(!text.out.contains(rows[1].toObject().value("path").toString()));
    QVERIFY(!text.out.contains("not audited"));

    const auto ex = cli({"exclude", proj_, QString::number(top), "--reason", "looks odd"});
    QVERIFY2(ex.exitCode == 0, qPrintable(ex.err));
    const QJsonObject after = json(cli({"audit", proj_, "--run", "1", "--stored", "--json"}));
    QCOMPARE(after.value("excluded").toInt(), 1);
    QCOMPARE(after.value("images").toArray()[0].toObject().value("excluded_reason").toString(), QString("looks odd"));
    QVERIFY(cli({"list", proj_, "--dataset", "healthy"}).out.contains("\texcluded\t"));
    QVERIFY(cli({"audit", proj_, "--run", "1", "--stored"}).out.contains("excluded  /data/"));

    QCOMPARE(cli({"include", proj_, QString::number(top)}).exitCode, 0);
    QCOMPARE(json(cli({"audit", proj_, "--run", "1", "--stored", "--json"})).value("excluded").toInt(), 0);
  }

  void excludeAndIncludeOneSlice() {
    // One brain-slices-2d volume of ten slices: exclusion by slice, not the whole volume.
    const QString proj = dir_.filePath("slices.lightbox");
    qint64 volume = 0;
    {
      project::Project p = project::Project::create(proj.toStdString());
      volume = test::addPhantomSliceVolume(p, "healthy", 10, 10);
      test::addPhantomImages(p, "blend", project::DatasetRole::Blend, 2, 50);
    }
    const auto train = cli({"train", proj, "--dataset", "healthy", "--blend", "blend", "--tasks", "0,1,2,3",
                            "--max-steps", "2", "--validate-every", "2", "--device", "cpu", "--threads", "2",
                            "--workers", "1"});
    QVERIFY2(train.exitCode == 0, qPrintable(train.err));
    const auto audit = cli({"audit", proj, "--run", "1", "--device", "cpu", "--json"});
    QVERIFY2(audit.exitCode == 0, qPrintable(audit.err));
    const QJsonObject top = json(audit).value("images").toArray()[0].toObject();
    const QString kind = top.value("array").toString();
    QVERIFY2(kind.startsWith("slice:"), qPrintable(kind));
    const QString k = QString::number(kind.mid(6).toInt());

    const auto ex = cli({"exclude", proj, QString::number(volume), "--slice", k, "--reason", "ring artefact"});
    QVERIFY2(ex.exitCode == 0, qPrintable(ex.err));
    QVERIFY(ex.out.contains("slice " + k + " of image"));
    const QJsonObject after = json(cli({"audit", proj, "--run", "1", "--stored", "--json"}));
    QCOMPARE(after.value("excluded").toInt(), 1);  // that slice's row alone
    for (const auto& v : after.value("images").toArray()) {
      const QJsonObject r = v.toObject();
      const bool isIt = r.value("array").toString() == kind;
      QCOMPARE(r.value("slice_excluded").toBool(), isIt);
      QCOMPARE(r.value("excluded").toBool(), isIt);
      QVERIFY(!r.value("image_excluded").toBool());
      if (isIt) {
        QCOMPARE(r.value("excluded_reason").toString(), QString("ring artefact"));
        QVERIFY(!r.value("excluded_at").toString().isEmpty());
      }
    }
    const auto text = cli({"audit", proj, "--run", "1", "--stored"});
    QVERIFY2(text.out.contains("(" + kind + ") [id " + QString::number(volume) + "]: ring artefact (this slice only"),
             qPrintable(text.out));
    QVERIFY(!cli({"list", proj, "--dataset", "healthy"}).out.contains("\texcluded\t"));  // the volume stays in

    QCOMPARE(cli({"include", proj, QString::number(volume), "--slice", k}).exitCode, 0);
    QCOMPARE(json(cli({"audit", proj, "--run", "1", "--stored", "--json"})).value("excluded").toInt(), 0);

    const auto noSuchSlice = cli({"exclude", proj, QString::number(volume), "--slice", "42"});
    QCOMPARE(noSuchSlice.exitCode, 2);
    QVERIFY2(noSuchSlice.err.contains("slice:0042") && noSuchSlice.err.contains("brain.nii.gz"),
             qPrintable(noSuchSlice.err));
    QCOMPARE(cli({"exclude", proj, QString::number(volume), "--slice", "-1"}).exitCode, 2);
    const auto flat = cli({"exclude", proj_, "1", "--slice", "0"});
    QCOMPARE(flat.exitCode, 2);
    QVERIFY2(flat.err.contains("no slices"), qPrintable(flat.err));
    const auto unknown = cli({"include", proj, "999", "--slice", "1"});
    QCOMPARE(unknown.exitCode, 2);
    QVERIFY2(unknown.err.contains("no image 999"), qPrintable(unknown.err));
  }

  void badInputIsNamed() {
    const auto unknownImage = cli({"exclude", proj_, "999", "--reason", "x"});
    QCOMPARE(unknownImage.exitCode, 2);
    QVERIFY2(unknownImage.err.contains("no image 999"), qPrintable(unknownImage.err));
    const auto unknownRun = cli({"audit", proj_, "--run", "42"});
    QCOMPARE(unknownRun.exitCode, 2);
    QVERIFY(unknownRun.err.contains("no training run 42"));
    QCOMPARE(cli({"audit", proj_, "--run", "1", "--folds", "x"}).exitCode, 2);
  }
};

QTEST_GUILESS_MAIN(TestCliAudit)
#include "test_cli_audit.moc"
