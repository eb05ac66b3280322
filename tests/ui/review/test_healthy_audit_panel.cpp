// The healthy-set audit panel on a tiny trained project: the audit runs in the background from the panel, the table
// is ranked by score, the top row shows its image with the heat map, "exclude" with a reason marks the image in the
// project and keeps the row, "exclude" on a slice of a volume takes that slice alone or, when asked, the whole volume,
// a cancelled audit leaves the stored one alone, and a new panel shows the stored audit.
// With LIGHTBOX_AUDIT_SCREENSHOT=<file.png> it also saves a picture of the panel.
#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QScrollBar>
#include <QtTest>

#include "lightbox/project/project.h"
#include "lightbox/workflows/review.h"
#include "lightbox/workflows/slice_exclusion.h"
#include "lightbox/workflows/train.h"
#include "phantom_project.h"
#include "review/audit_exclusion_dialog.h"
#include "review/healthy_audit_logic.h"
#include "review/healthy_audit_panel.h"
#include "shell/job_runner.h"
#include "shell/main_window.h"
#include "viewer/image_viewer.h"

using namespace lightbox;
using namespace lightbox::ui;

class TestHealthyAuditPanel : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  QString path_;
  int64_t run_ = 0;
  std::string createdAt_;

 private Q_SLOTS:
  void initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setOrganizationName(QStringLiteral("LightboxTest"));
    QApplication::setApplicationName(QStringLiteral("test_healthy_audit_panel"));
    QSettings().clear();
    path_ = dir_.filePath(QStringLiteral("audit.lightbox"));
    {
      project::Project p = project::Project::create(path_.toStdString());
      test::addPhantomImages(p, "healthy", project::DatasetRole::Healthy, 10, 10);
      test::addPhantomImages(p, "blend", project::DatasetRole::Blend, 2, 50);
    }
    NullProgress none;
    for (const int fold : {0, 1}) {  // T = 4: each fold holds out one chunk of two images
      workflows::TrainParams t;
      t.projectPath = path_.toStdString();
      t.dataset = "healthy";
      t.blendDataset = "blend";
      t.trainingTaskCount = 4;
      t.fold = fold;
      t.runName = "audited";
      t.seed = 5;
      t.maxSteps = 4;
      t.validateEvery = 2;
      t.threads = 2;
      t.workers = 1;
      t.device = "cpu";
      run_ = workflows::runTraining(t, none).runId;
    }
    workflows::storeUserThreshold(path_.toStdString(), run_, {0, 1}, 0.05);
  }

  void auditFromThePanelRanksAndExcludes() {
    JobRunner jobs;
    HealthyAuditPanel panel(&jobs);
    panel.setProject(path_);
    panel.show();
    QVERIFY(panel.selectRun(run_));
    QVERIFY2(panel.summaryText().contains("not been audited"), qPrintable(panel.summaryText()));
    QCOMPARE(panel.checkedFolds(), (std::vector<int>{0, 1}));

    QSignalSpy finished(&panel, &HealthyAuditPanel::auditFinished);
    QSignalSpy shown(&panel, &HealthyAuditPanel::imageShown);
    panel.findChild<QPushButton*>(QStringLiteral("auditRunButton"))->click();
    QVERIFY(jobs.busy());
    QVERIFY(finished.wait(300000));
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));

    HealthyAuditModel* m = panel.model();
    QCOMPARE(m->rowCount(), 10);
    const auto* table = panel.findChild<QTableView*>(QStringLiteral("auditTable"));
    QCOMPARE(table->model(), m);
    for (int r = 0; r < 4; ++r) {  // the four held-out images first, by score, ranked 1..4
      QVERIFY(m->image(r)->audited);
      QCOMPARE(m->data(m->index(r, HealthyAuditModel::RankColumn)).toInt(), r + 1);
      if (r > 0) QVERIFY(m->image(r - 1)->score >= m->image(r)->score);
      QCOMPARE(m->data(m->index(r, HealthyAuditModel::ScoreColumn)).toString(),
               QString::number(m->image(r)->score, 'f', 4));
    }
    for (int r = 4; r < 10; ++r) QVERIFY(!m->image(r)->audited);

    // The top row is selected after the audit; it shows its image with the held-out folds' map over it.
    QCOMPARE(panel.currentRow(), 0);
    if (shown.isEmpty()) QVERIFY(shown.wait(60000));
    QCOMPARE(shown.last().at(0).toLongLong(), qint64(m->image(0)->imageId));
    QVERIFY(shown.last().at(1).toBool());
    QVERIFY(panel.viewer()->hasImage());
    QVERIFY(panel.viewer()->overlay() != nullptr);

    const qint64 top = m->image(0)->imageId;
    QVERIFY(panel.excludeCurrent(QStringLiteral("motion artefact")));
    {
      project::Project p = project::Project::open(path_.toStdString(), project::OpenMode::ReadOnly);
      const auto image = p.images().get(top);
      QVERIFY(image && image->excluded);
      QCOMPARE(image->excludedReason, std::string("motion artefact"));
    }
    QCOMPARE(m->rowCount(), 10);  // kept, in its place, marked
    QCOMPARE(m->image(0)->imageId, top);
    QCOMPARE(m->data(m->index(0, HealthyAuditModel::StateColumn)).toString(), QString("Excluded: motion artefact"));
    QVERIFY(panel.findChild<QPushButton*>(QStringLiteral("auditIncludeButton"))->isEnabled());
    QVERIFY(!panel.findChild<QPushButton*>(QStringLiteral("auditExcludeButton"))->isEnabled());
    QVERIFY(panel.summaryText().contains("1 image(s) excluded"));
    // The panel's default size on a screen that has room for it: the table's columns and the viewer's toolbar fit.
    panel.resize(auditPanelDefaultSize(QSize(1920, 1040)));
    QTest::qWait(50);
    QVERIFY2(table->horizontalScrollBar()->maximum() == 0,
             qPrintable(QString("%1 px too wide").arg(table->horizontalScrollBar()->maximum())));
    QVERIFY2(panel.viewer()->width() >= panel.viewer()->sizeHint().width(),
             qPrintable(QString("viewer %1 < %2").arg(panel.viewer()->width()).arg(panel.viewer()->sizeHint().width())));
    QCOMPARE(m->data(m->index(0, HealthyAuditModel::StateColumn), Qt::ToolTipRole).toString(),
             QString("Excluded: motion artefact"));
    if (const QByteArray shot = qgetenv("LIGHTBOX_AUDIT_SCREENSHOT"); !shot.isEmpty())
      QVERIFY(panel.grab().save(QString::fromLocal8Bit(shot)));
    createdAt_ = workflows::loadHealthyAudit(path_.toStdString(), run_)->createdAt;
  }

  void cancelledAuditKeepsTheStoredOne() {
    JobRunner jobs;
    HealthyAuditPanel panel(&jobs);
    panel.setProject(path_);
    QVERIFY(panel.selectRun(run_));
    QCOMPARE(panel.model()->rowCount(), 10);  // the stored audit, shown without predicting
    QVERIFY(panel.model()->image(0)->excluded);
    QSignalSpy finished(&panel, &HealthyAuditPanel::auditFinished);
    QVERIFY(panel.startAudit());
    jobs.cancel();
    QVERIFY(finished.wait(300000));
    QVERIFY(!finished.at(0).at(0).toBool());
    QVERIFY(panel.statusText().contains("cancelled"));
    QCOMPARE(workflows::loadHealthyAudit(path_.toStdString(), run_)->createdAt, createdAt_);
    QCOMPARE(panel.model()->rowCount(), 10);

    panel.selectRow(0);
    QVERIFY(panel.includeCurrent());
    project::Project p = project::Project::open(path_.toStdString(), project::OpenMode::ReadOnly);
    QVERIFY(!p.images().get(panel.model()->image(0)->imageId)->excluded);
  }

  void aSliceIsExcludedAloneOrWithItsVolume() {
    // A brain-slices-2d volume, trained on for two steps and audited: "Exclude…" offers this slice (the default) or
    // the whole volume, and Include Again undoes whichever it was.
    const QString path = dir_.filePath(QStringLiteral("slices.lightbox"));
    int64_t run = 0, volume = 0;
    {
      project::Project p = project::Project::create(path.toStdString());
      volume = test::addPhantomSliceVolume(p, "healthy", 10, 40);
      test::addPhantomImages(p, "blend", project::DatasetRole::Blend, 2, 50);
    }
    NullProgress none;
    workflows::TrainParams t;
    t.projectPath = path.toStdString();
    t.dataset = "healthy";
    t.blendDataset = "blend";
    t.trainingTaskCount = 4;
    t.fold = 0;
    t.maxSteps = 2;
    t.validateEvery = 2;
    t.threads = 2;
    t.workers = 1;
    t.device = "cpu";
    run = workflows::runTraining(t, none).runId;
    workflows::AuditParams ap;
    ap.projectPath = path.toStdString();
    ap.runId = run;
    ap.device = "cpu";
    QCOMPARE(workflows::runHealthyAudit(ap, none).audited(), int64_t(2));
    const auto sliceExclusions = [&] { return workflows::listSliceExclusions(path.toStdString(), volume); };
    const auto volumeExcluded = [&] {
      project::Project p = project::Project::open(path.toStdString(), project::OpenMode::ReadOnly);
      return p.images().get(volume)->excluded;
    };
    JobRunner jobs;
    HealthyAuditPanel panel(&jobs);
    panel.setProject(path);
    QVERIFY(panel.selectRun(run));
    HealthyAuditModel* m = panel.model();
    QCOMPARE(m->rowCount(), 10);  // one row per slice
    panel.selectRow(0);
    const std::string topKind = m->image(0)->arrayKind;
    auto* exclude = panel.findChild<QPushButton*>(QStringLiteral("auditExcludeButton"));
    auto* include = panel.findChild<QPushButton*>(QStringLiteral("auditIncludeButton"));

    // The dialog's default: this slice alone.
    bool sawDialog = false;
    QTimer::singleShot(0, this, [&] {
      auto* d = qobject_cast<AuditExclusionDialog*>(QApplication::activeModalWidget());
      if (!d) return;
      sawDialog = true;
      QVERIFY(d->findChild<QRadioButton*>(QStringLiteral("auditExcludeSlice"))->isChecked());
      QVERIFY(d->findChild<QLabel*>(QStringLiteral("auditExclusionQuestion"))->text().contains("This slice alone"));
      d->setReason(QStringLiteral("ring artefact"));
      d->accept();
    });
    exclude->click();
    QVERIFY(sawDialog);
    QCOMPARE(sliceExclusions().size(), size_t(1));
    QCOMPARE(sliceExclusions()[0].arrayKind, topKind);
    QVERIFY(!volumeExcluded());
    QCOMPARE(m->data(m->index(0, HealthyAuditModel::StateColumn)).toString(), QString("Slice excluded: ring artefact"));
    QCOMPARE(m->data(m->index(1, HealthyAuditModel::StateColumn)).toString(), QString("Included"));
    QVERIFY(panel.statusText().contains("rest of the volume stays in"));
    QVERIFY(include->isEnabled() && !exclude->isEnabled());
    QVERIFY(panel.includeCurrent());
    QVERIFY(sliceExclusions().empty());
    QCOMPARE(m->data(m->index(0, HealthyAuditModel::StateColumn)).toString(), QString("Included"));

    // The whole volume: every slice's row is marked; Include Again undoes that, not a slice exclusion.
    panel.selectRow(1);
    QTimer::singleShot(0, this, [&] {
      auto* d = qobject_cast<AuditExclusionDialog*>(QApplication::activeModalWidget());
      if (!d) return;
      d->findChild<QRadioButton*>(QStringLiteral("auditExcludeVolume"))->click();
      QVERIFY(d->findChild<QLabel*>(QStringLiteral("auditExclusionQuestion"))->text().contains("whole volume"));
      d->setReason(QStringLiteral("motion"));
      d->accept();
    });
    exclude->click();
    QVERIFY(volumeExcluded());
    QVERIFY(sliceExclusions().empty());
    for (int r = 0; r < m->rowCount(); ++r)
      QCOMPARE(m->data(m->index(r, HealthyAuditModel::StateColumn)).toString(), QString("Excluded: motion"));
    QCOMPARE(panel.currentRow(), 1);
    QVERIFY(panel.includeCurrent());
    QVERIFY(!volumeExcluded());
    QCOMPARE(m->data(m->index(0, HealthyAuditModel::StateColumn)).toString(), QString("Included"));

    // A cancelled dialog excludes nothing.
    QTimer::singleShot(0, this, [&] {
      if (auto* d = qobject_cast<AuditExclusionDialog*>(QApplication::activeModalWidget())) d->reject();
    });
    exclude->click();
    QVERIFY(!volumeExcluded() && sliceExclusions().empty());
  }

  void reviewMenuOpensThePanelOnTheProject() {
    MainWindow w;
    QVERIFY(w.openProject(path_));
    QAction* action = w.findChild<QAction*>(QStringLiteral("actionAuditHealthySet"));
    QVERIFY(action);
    action->trigger();
    auto* panel = w.findChild<HealthyAuditPanel*>();
    QVERIFY(panel && panel->isVisible());
    QCOMPARE(panel->currentRunId(), qint64(run_));
    QCOMPARE(panel->model()->rowCount(), 10);  // the stored audit, without predicting
    action->trigger();
    QCOMPARE(w.findChildren<HealthyAuditPanel*>().size(), qsizetype(1));  // one panel, raised again
  }
};

QTEST_MAIN(TestHealthyAuditPanel)
#include "test_healthy_audit_panel.moc"
