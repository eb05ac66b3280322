// `lightbox-cli evaluate --curves FILE.csv` on the synthetic review project: one row per curve point, and the curves
// in the file give back the AP / AUROC that --json reports (trapezoid under ROC, sklearn's step sum over PR).
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <map>

#include "cli_runner.h"
#include "lightbox/workflows/review.h"

using clitest::cli;

class TestCliCurves : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void curvesCsvMatchesTheFigures() {
    QTemporaryDir dir;
    const QString proj = dir.filePath(QStringLiteral("c.lightbox"));
    const int64_t run = lightbox::workflows::writeSyntheticReviewProject(proj.toStdString(), 3, true);
    const QString csv = dir.filePath(QStringLiteral("curves.csv")), json = dir.filePath(QStringLiteral("e.json"));
    const auto r = cli({"evaluate", proj, "--run", QString::number(run), "--json", json, "--curves", csv});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(r.out.contains(QStringLiteral("curve points written to")));
    QVERIFY(!QFile::exists(csv + QStringLiteral(".tmp")));

    QFile f(csv);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(f.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QCOMPARE(lines.at(0), QStringLiteral("dataset,folds,level,curve,threshold,x,y,true_positives,false_positives,"
                                         "positives,negatives"));
    // (level, curve) -> points in file order
    std::map<std::pair<QString, QString>, std::vector<std::pair<double, double>>> curves;
    for (qsizetype i = 1; i < lines.size(); ++i) {
      const QStringList c = lines[i].split(QLatin1Char(','));
      QCOMPARE(c.size(), qsizetype(11));
      QCOMPARE(c[0], QStringLiteral("review-demo"));
      QCOMPARE(c[1], QStringLiteral("0;1"));
      curves[{c[2], c[3]}].push_back({c[5].toDouble(), c[6].toDouble()});
      const bool first = curves[{c[2], c[3]}].size() == 1;
      if (c[3] == QStringLiteral("roc") && first) QCOMPARE(c[4], QStringLiteral("inf"));
    }
    QCOMPARE(curves.size(), size_t(4));
    const auto& sampleRoc = curves[{QStringLiteral("sample"), QStringLiteral("roc")}];
    QCOMPARE(sampleRoc.size(), size_t(5));  // +inf and 4 images

    QFile jf(json);
    QVERIFY(jf.open(QIODevice::ReadOnly));
    const QJsonObject scales = QJsonDocument::fromJson(jf.readAll())
                                   .object()[QStringLiteral("datasets")].toArray()[0].toObject()[QStringLiteral("models")]
                                   .toArray()[0].toObject()[QStringLiteral("scales")].toObject();
    for (const QString& level : {QStringLiteral("sample"), QStringLiteral("pixel")}) {
      const auto& roc = curves[{level, QStringLiteral("roc")}];
      const auto& pr = curves[{level, QStringLiteral("pr")}];
      double area = 0, ap = 0;
      for (size_t i = 1; i < roc.size(); ++i) area += (roc[i].first - roc[i - 1].first) * (roc[i].second + roc[i - 1].second) / 2;
      for (size_t i = 0; i + 1 < pr.size(); ++i) ap += (pr[i].first - pr[i + 1].first) * pr[i].second;
      const QJsonObject s = scales[level].toObject();
      // Every sample point is in the file; the pixel curve is thinned, so its drawn area is close, not equal.
      const double tolerance = level == QStringLiteral("sample") ? 1e-12 : 5e-3;
      // The synthetic images all have lesions: the sample AUROC is undefined (0.5 reported, with a warning).
      if (s[QStringLiteral("warnings")].toArray().isEmpty())
        QVERIFY2(std::abs(area - s[QStringLiteral("auroc")].toDouble()) < tolerance, qPrintable(level));
      else
        QCOMPARE(level, QStringLiteral("sample"));
      QVERIFY2(std::abs(ap - s[QStringLiteral("ap")].toDouble()) < (level == QStringLiteral("sample") ? 1e-12 : 2e-2),
               qPrintable(level));
    }
  }

  void unwritableCurvesFileFailsClearly() {
    QTemporaryDir dir;
    const QString proj = dir.filePath(QStringLiteral("c.lightbox"));
    const int64_t run = lightbox::workflows::writeSyntheticReviewProject(proj.toStdString(), 2, false);
    const QString csv = dir.filePath(QStringLiteral("no/such/folder/curves.csv"));
    const auto r = cli({"evaluate", proj, "--run", QString::number(run), "--curves", csv});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("curves.csv")), qPrintable(r.err));
  }
};

QTEST_GUILESS_MAIN(TestCliCurves)
#include "test_cli_curves.moc"
