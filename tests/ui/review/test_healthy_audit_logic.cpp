// Presentation logic of the healthy-set audit panel without widgets: ranks only for audited rows, the words of each
// column, exclusion marking every row of an image, and the summary naming why a stored audit is stale.
#include <QtTest>

#include <QFont>
#include <QLocale>
#include <QTranslator>

#include "review/healthy_audit_logic.h"

using namespace lightbox;
using namespace lightbox::ui;

namespace {

workflows::AuditImage row(int64_t id, const char* kind, double score, std::vector<int> folds) {
  workflows::AuditImage a;
  a.imageId = id;
  a.sourcePath = "/data/brain" + std::to_string(id) + ".nii.gz";
  a.arrayKind = kind;
  a.audited = !folds.empty();
  a.heldOutBy = std::move(folds);
  a.score = score;
  a.voxels = 4096;
  if (a.audited) a.voxelsAboveThreshold = int64_t(score * 100);
  else a.reason = "every audited fold (0, 1) trained on it";
  return a;
}

/// Stands in for the English .qm (which the coordinator's lupdate makes): "(s)" of a %n string becomes "" or "s", as
/// the English plural forms say; and it records the source texts, to show what translators are given.
class EnglishPlurals : public QTranslator {
 public:
  mutable QStringList sources;
  bool isEmpty() const override { return false; }
  QString translate(const char*, const char* source, const char*, int n) const override {
    sources << QString::fromUtf8(source);
    if (n < 0) return {};
    return QString::fromUtf8(source).replace(QStringLiteral("(s)"), n == 1 ? QString() : QStringLiteral("s"));
  }
};

}  // namespace

class TestHealthyAuditLogic : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void tableRanksAuditedRowsAndMarksExclusions() {
    HealthyAuditModel m;
    m.setAudit({row(3, "slice:0012", 0.7, {1}), row(3, "slice:0013", 0.5, {0, 1}), row(5, "preprocessed", 0.2, {0}),
                row(1, "preprocessed", 0, {})});
    QCOMPARE(m.rowCount(), 4);
    using C = HealthyAuditModel;
    const auto text = [&](int r, int c) { return m.data(m.index(r, c)).toString(); };
    QCOMPARE(text(0, C::RankColumn), QString("1"));
    QCOMPARE(text(2, C::RankColumn), QString("3"));
    QCOMPARE(text(3, C::RankColumn), QString("—"));
    QCOMPARE(text(0, C::ImageColumn), QString("brain3.nii.gz — slice 13"));  // stored slice:0012, shown 1-based
    QCOMPARE(text(2, C::ImageColumn), QString("brain5.nii.gz"));
    QCOMPARE(text(0, C::ScoreColumn), QString("0.7000"));
    QCOMPARE(text(3, C::ScoreColumn), QString("not audited"));
    QCOMPARE(text(1, C::FoldsColumn), QString("0, 1"));
    QCOMPARE(text(3, C::FoldsColumn), QString("—"));
    QCOMPARE(text(0, C::AboveThresholdColumn), QString("70"));
    QCOMPARE(text(3, C::AboveThresholdColumn), QString("—"));
    QCOMPARE(text(0, C::StateColumn), QString("Included"));
    QVERIFY(m.data(m.index(3, C::ScoreColumn), Qt::ToolTipRole).toString().contains("trained on it"));
    QCOMPARE(m.rowOfImage(3), 0);
    QCOMPARE(m.rowOfImage(42), -1);

    QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);
    m.setExcluded(3, true, QStringLiteral("motion"));
    QCOMPARE(changed.count(), 2);  // both slices of the volume
    QCOMPARE(text(0, C::StateColumn), QString("Excluded: motion"));
    QCOMPARE(text(1, C::StateColumn), QString("Excluded: motion"));
    // The panel elides the state column: its tooltip keeps the reason whole.
    QCOMPARE(m.data(m.index(0, C::StateColumn), Qt::ToolTipRole).toString(), QString("Excluded: motion"));
    QVERIFY(m.data(m.index(1, C::RankColumn), C::ExcludedRole).toBool());
    QVERIFY(m.data(m.index(0, C::ImageColumn), Qt::FontRole).value<QFont>().strikeOut());
    QCOMPARE(text(0, C::RankColumn), QString("1"));  // excluded rows stay in their place
    m.setExcluded(3, false, {});
    QCOMPARE(text(0, C::StateColumn), QString("Included"));
    QVERIFY(!m.data(m.index(0, C::ImageColumn), Qt::FontRole).isValid());
  }

  void panelSizeFitsTableAndViewerWithinTheScreen() {
    QCOMPARE(auditPanelDefaultSize(QSize(1920, 1040)), QSize(1400, 860));
    QCOMPARE(auditPanelDefaultSize(QSize(1366, 728)), QSize(1366, 728));
    QCOMPARE(auditPanelDefaultSize(QSize()), QSize(1400, 860));
  }

  void aSliceExcludedAloneIsMarkedAsSuch() {
    HealthyAuditModel m;
    std::vector<workflows::AuditImage> rows{row(3, "slice:0012", 0.7, {1}), row(3, "slice:0013", 0.5, {0, 1}),
                                            row(5, "preprocessed", 0.2, {0})};
    rows[0].excluded = rows[0].sliceExcluded = true;
    rows[0].excludedReason = "ring artefact";
    rows[0].excludedAt = "2026-12-01T11:00:00Z";
    m.setAudit(rows);
    using C = HealthyAuditModel;
    const auto text = [&](int r, int c) { return m.data(m.index(r, c)).toString(); };
    QCOMPARE(text(0, C::StateColumn), QString("Slice excluded: ring artefact"));
    QCOMPARE(text(1, C::StateColumn), QString("Included"));  // the volume's other slice stays in
    QVERIFY(m.data(m.index(0, C::StateColumn), Qt::ToolTipRole).toString().contains("2026-12-01T11:00:00Z"));
    QVERIFY(m.data(m.index(0, C::ImageColumn), Qt::FontRole).value<QFont>().strikeOut());
    QVERIFY(!m.data(m.index(1, C::ImageColumn), Qt::FontRole).isValid());
    // The whole volume excluded over it, then included again: the slice's own exclusion is still there.
    m.setExcluded(3, true, QStringLiteral("whole"));
    QCOMPARE(text(0, C::StateColumn), QString("Excluded: whole"));
    QCOMPARE(text(1, C::StateColumn), QString("Excluded: whole"));
    m.setExcluded(3, false, {});
    QCOMPARE(text(1, C::StateColumn), QString("Included"));
    QVERIFY(m.image(0)->excluded && !m.image(0)->imageExcluded);

    QVERIFY(auditRowIsSlice(rows[0]) && !auditRowIsSlice(rows[2]));
    const QString slice = auditExclusionQuestion(rows[1], AuditExclusionScope::Slice);
    QVERIFY2(slice.contains("This slice alone") && slice.contains("brain3.nii.gz — slice 14"), qPrintable(slice));
    QVERIFY(auditExclusionQuestion(rows[1], AuditExclusionScope::WholeImage).contains("whole volume"));
    QVERIFY(!auditExclusionQuestion(rows[2], AuditExclusionScope::Slice).contains("slice"));
    QVERIFY(auditExcludedText(rows[1], AuditExclusionScope::Slice).contains("rest of the volume stays in"));
    QVERIFY(auditExcludedText(rows[1], AuditExclusionScope::WholeImage).contains("all of its slices"));
    QVERIFY(auditIncludedText(rows[1], true).contains("whole volume"));
    QVERIFY(auditIncludedText(rows[1], false).contains("slice 14"));

    workflows::HealthyAudit a;
    a.images = rows;
    const QString s = auditSummaryText(a, true);
    QVERIFY2(s.contains("1 slice(s) excluded on their own") && !s.contains("image(s) excluded"), qPrintable(s));
  }

  void foldCountDrivesTheNoun() {
    EnglishPlurals english;
    QCoreApplication::installTranslator(&english);
    workflows::HealthyAudit a;
    a.runId = 1;
    a.folds = {3};
    a.createdAt = "2026-12-01T10:00:00Z";
    a.images = {row(1, "preprocessed", 0.3, {3})};
    const QString one = auditSummaryText(a, true);
    a.folds = {0, 1};
    const QString two = auditSummaryText(a, true);
    QCoreApplication::removeTranslator(&english);
    QVERIFY2(one.contains("Run 1, fold 3: 1 of 1 healthy images"), qPrintable(one));
    QVERIFY2(two.contains("Run 1, folds 0, 1: 1 of 1 healthy images"), qPrintable(two));
  }

  void runListSaysTheStatusInWordsAndQuotesInTheTranslation() {
    EnglishPlurals english;
    QCoreApplication::installTranslator(&english);
    workflows::ReviewRun r;
    r.id = 3;
    r.preset = "tiny-2d";
    r.status = "running";  // the audit never trains: a run marked running was interrupted (or trains elsewhere)
    const QString plain = auditRunText(r);
    r.name = "baseline";
    r.status = "finished";
    const QString named = auditRunText(r);
    QCoreApplication::removeTranslator(&english);
    QCOMPARE(plain, QStringLiteral("Run 3 (tiny-2d, interrupted — resumable)"));
    QCOMPARE(named, QStringLiteral("Run 3 “baseline” (tiny-2d, finished)"));
    // The quotes are the translator's to choose: they are in the text handed to translation, not added around it.
    QVERIFY2(english.sources.contains(QStringLiteral("Run %1 “%2” (%3, %4)")), qPrintable(english.sources.join('|')));
  }

  void numbersFollowTheLocale() {
    const QLocale before;
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    workflows::HealthyAudit a;
    a.runId = 4;
    a.folds = {0};
    a.threshold = 0.05;
    a.images = {row(1, "slice:0061", 0.3, {0})};
    const QString s = auditSummaryText(a, true);
    HealthyAuditModel m;
    m.setAudit(a.images);
    const QString score = m.index(0, HealthyAuditModel::ScoreColumn).data().toString();
    const QString image = m.index(0, HealthyAuditModel::ImageColumn).data().toString();
    QLocale::setDefault(before);
    QVERIFY2(s.contains("0,050"), qPrintable(s));
    QCOMPARE(score, QStringLiteral("0,3000"));
    QCOMPARE(image, QStringLiteral("brain1.nii.gz — slice 62"));  // stored slice:0061, shown 1-based
  }

  void summaryNamesStalenessAndTheBuild() {
    workflows::HealthyAudit a;
    a.runId = 4;
    a.folds = {0, 1};
    a.createdAt = "2026-12-01T10:00:00Z";
    a.images = {row(1, "preprocessed", 0.3, {0}), row(2, "preprocessed", 0, {})};
    a.images[0].excluded = true;
    QString s = auditSummaryText(a, true);
    QVERIFY2(s.contains("Run 4, fold(s) 0, 1: 1 of 2 healthy images audited"), qPrintable(s));
    QVERIFY(s.contains("no threshold yet"));
    QVERIFY(s.contains("1 image(s) excluded"));
    QVERIFY(!s.contains("out of date"));
    a.threshold = 0.25;
    a.staleReasons = {"fold 1 has a newer best checkpoint (step 40; the audit used step 20)"};
    s = auditSummaryText(a, true);
    QVERIFY(s.contains("threshold 0.250"));
    QVERIFY(s.contains("out of date"));
    QVERIFY(s.contains("fold 1 has a newer best checkpoint"));
    QVERIFY(s.contains("Run the audit again"));
    s = auditSummaryText(a, false);
    QVERIFY(!s.contains("Run the audit again"));
    QVERIFY(s.contains("need the models build"));
  }
};

QTEST_MAIN(TestHealthyAuditLogic)
#include "test_healthy_audit_logic.moc"
