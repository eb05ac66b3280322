#include "review/healthy_audit_panel.h"

#include <QComboBox>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QListWidget>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QScreen>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include "lightbox/workflows/slice_exclusion.h"
#include "review/audit_exclusion_dialog.h"
#include "review/healthy_audit_logic.h"
#include "review/review_logic.h"
#include "shell/job_runner.h"
#include "viewer/image_viewer.h"
#include "viewer/viewer_model.h"

namespace lightbox::ui {

namespace {

/// What a background load of one row brings back to the GUI thread.
struct RowView {
  std::shared_ptr<workflows::AuditImageView> view;
  workflows::ReviewColourScale scale;
  QString error;
};

}  // namespace

HealthyAuditPanel::HealthyAuditPanel(JobRunner* jobs, QWidget* parent)
    : QDialog(parent), jobs_(jobs ? jobs : new JobRunner(this)), model_(new HealthyAuditModel(this)) {
  setObjectName(QStringLiteral("healthyAuditPanel"));
  setWindowTitle(tr("Healthy-set audit"));
  setModal(false);

  runCombo_ = new QComboBox(this);
  runCombo_->setObjectName(QStringLiteral("auditRunCombo"));
  folds_ = new QListWidget(this);
  folds_->setObjectName(QStringLiteral("auditFolds"));
  folds_->setFlow(QListView::LeftToRight);
  folds_->setFixedHeight(runCombo_->sizeHint().height() + 6);
  folds_->setToolTip(tr("The folds whose models judge the images they never trained on"));
  runButton_ = new QPushButton(tr("Run Audit"), this);
  runButton_->setObjectName(QStringLiteral("auditRunButton"));
  cancelButton_ = new QPushButton(tr("Cancel"), this);
  cancelButton_->setObjectName(QStringLiteral("auditCancelButton"));
  cancelButton_->hide();
  progress_ = new QProgressBar(this);
  progress_->setObjectName(QStringLiteral("auditProgress"));
  progress_->hide();

  auto* top = new QHBoxLayout;
  top->addWidget(new QLabel(tr("Run:"), this));
  top->addWidget(runCombo_, 1);
  top->addWidget(new QLabel(tr("Folds:"), this));
  top->addWidget(folds_, 1);
  top->addWidget(runButton_);
  top->addWidget(progress_);
  top->addWidget(cancelButton_);

  summary_ = new QLabel(this);
  summary_->setObjectName(QStringLiteral("auditSummary"));
  summary_->setWordWrap(true);
  summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  status_ = new QLabel(this);
  status_->setObjectName(QStringLiteral("auditStatus"));
  status_->setWordWrap(true);

  table_ = new QTableView(this);
  table_->setObjectName(QStringLiteral("auditTable"));
  table_->setModel(model_);
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->setSelectionMode(QAbstractItemView::SingleSelection);
  table_->verticalHeader()->hide();
  // Every column as wide as its contents; the state (with its reason, in full in its tooltip) takes the rest and is
  // elided at its end; a long file name is elided in its middle, where the path's distinguishing part rarely is.
  table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  table_->horizontalHeader()->setSectionResizeMode(HealthyAuditModel::StateColumn, QHeaderView::Stretch);
  table_->setTextElideMode(Qt::ElideMiddle);
  table_->setWordWrap(false);
  excludeButton_ = new QPushButton(tr("Exclude…"), this);
  excludeButton_->setObjectName(QStringLiteral("auditExcludeButton"));
  excludeButton_->setToolTip(tr("Not healthy after all: keep the image in the project, marked, and leave it out of "
                                "later training runs"));
  includeButton_ = new QPushButton(tr("Include Again"), this);
  includeButton_->setObjectName(QStringLiteral("auditIncludeButton"));
  auto* rowButtons = new QHBoxLayout;
  rowButtons->addWidget(excludeButton_);
  rowButtons->addWidget(includeButton_);
  rowButtons->addStretch(1);
  auto* left = new QWidget(this);
  auto* leftLayout = new QVBoxLayout(left);
  leftLayout->setContentsMargins(0, 0, 0, 0);
  leftLayout->addWidget(table_, 1);
  leftLayout->addLayout(rowButtons);

  viewer_ = new ImageViewer(this);
  viewer_->setObjectName(QStringLiteral("auditViewer"));
  mapNote_ = new QLabel(this);
  mapNote_->setObjectName(QStringLiteral("auditMapNote"));
  mapNote_->setWordWrap(true);
  auto* right = new QWidget(this);
  auto* rightLayout = new QVBoxLayout(right);
  rightLayout->setContentsMargins(0, 0, 0, 0);
  rightLayout->addWidget(viewer_, 1);
  rightLayout->addWidget(mapNote_);

  auto* split = new QSplitter(this);
  split->addWidget(left);
  split->addWidget(right);
  split->setStretchFactor(0, 1);
  split->setStretchFactor(1, 1);
  split->setSizes({650, 700});  // see auditPanelDefaultSize

  auto* layout = new QVBoxLayout(this);
  layout->addLayout(top);
  layout->addWidget(summary_);
  layout->addWidget(split, 1);
  layout->addWidget(status_);
  resize(auditPanelDefaultSize(screen() ? screen()->availableSize() : QSize()));  // a laptop's screen may be smaller

  connect(runCombo_, &QComboBox::currentIndexChanged, this, [this] { onRunChanged(); });
  connect(folds_, &QListWidget::itemChanged, this, [this] { refreshButtons(); });
  connect(runButton_, &QPushButton::clicked, this, [this] { startAudit(); });
  connect(cancelButton_, &QPushButton::clicked, jobs_, &JobRunner::cancel);
  connect(excludeButton_, &QPushButton::clicked, this, &HealthyAuditPanel::askExclusionReason);
  connect(includeButton_, &QPushButton::clicked, this, [this] { includeCurrent(); });
  connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
          [this](const QModelIndex& current) { showRow(current.row()); });
  connect(jobs_, &JobRunner::started, this, [this] { refreshButtons(); });
  connect(jobs_, &JobRunner::finished, this, [this] { refreshButtons(); });
  connect(jobs_, &JobRunner::progressed, this, [this](qint64 done, qint64 total, const QString& what, const QString& eta) {
    if (!auditing_) return;
    progress_->setRange(0, total > 0 ? int(total) : 0);
    if (total > 0) progress_->setValue(int(done));
    setStatus(eta.isEmpty() ? what : tr("%1 — %2").arg(what, eta));
  });
  refreshButtons();
}

HealthyAuditPanel::~HealthyAuditPanel() = default;

void HealthyAuditPanel::setProject(const QString& projectPath) {
  path_ = projectPath;
  catalogue_ = {};
  audit_.reset();
  model_->setAudit({});
  viewer_->setOverlay(nullptr);
  shownImage_ = 0;
  const QSignalBlocker block(runCombo_);
  runCombo_->clear();
  if (!path_.isEmpty()) {
    try {
      catalogue_ = workflows::loadReviewCatalogue(path_.toStdString());
    } catch (const std::exception& e) {
      setStatus(tr("Cannot read the project: %1").arg(QString::fromStdString(e.what())));
    }
  }
  for (const auto& r : catalogue_.runs) runCombo_->addItem(auditRunText(r), qint64(r.id));
  onRunChanged();
}

bool HealthyAuditPanel::selectRun(qint64 runId) {
  const int i = runCombo_->findData(runId);
  if (i < 0) return false;
  runCombo_->setCurrentIndex(i);
  if (currentRunId() == runId && (!audit_ || audit_->runId != runId)) onRunChanged();
  return true;
}

qint64 HealthyAuditPanel::currentRunId() const {
  return runCombo_->currentIndex() >= 0 ? runCombo_->currentData().toLongLong() : 0;
}

void HealthyAuditPanel::setFolds(const std::vector<int>& folds) {
  for (int i = 0; i < folds_->count(); ++i) {
    QListWidgetItem* item = folds_->item(i);
    const bool on = std::find(folds.begin(), folds.end(), item->data(Qt::UserRole).toInt()) != folds.end();
    item->setCheckState(on ? Qt::Checked : Qt::Unchecked);
  }
}

std::vector<int> HealthyAuditPanel::checkedFolds() const {
  std::vector<int> out;
  for (int i = 0; i < folds_->count(); ++i)
    if (folds_->item(i)->checkState() == Qt::Checked) out.push_back(folds_->item(i)->data(Qt::UserRole).toInt());
  return out;
}

void HealthyAuditPanel::onRunChanged() {
  const QSignalBlocker block(folds_);
  folds_->clear();
  const qint64 run = currentRunId();
  for (const auto& r : catalogue_.runs) {
    if (r.id != run) continue;
    for (const int f : r.foldsWithCheckpoint) {
      auto* item = new QListWidgetItem(tr("fold %1").arg(f), folds_);
      item->setData(Qt::UserRole, f);
      item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
      item->setCheckState(Qt::Checked);
    }
  }
  reloadStoredAudit();
  refreshButtons();
}

void HealthyAuditPanel::reloadStoredAudit() {
  const qint64 run = currentRunId();
  if (path_.isEmpty() || run <= 0) {
    showAudit(std::nullopt);
    return;
  }
  try {
    showAudit(workflows::loadHealthyAudit(path_.toStdString(), run));
  } catch (const std::exception& e) {
    showAudit(std::nullopt);
    setStatus(tr("Cannot show the stored audit: %1").arg(QString::fromStdString(e.what())));
  }
}

void HealthyAuditPanel::showAudit(std::optional<workflows::HealthyAudit> audit) {
  const qint64 selectedImage = currentRow() >= 0 ? model_->image(currentRow())->imageId : 0;
  const QString selectedKind =
      currentRow() >= 0 ? QString::fromStdString(model_->image(currentRow())->arrayKind) : QString();
  audit_ = std::move(audit);
  model_->setAudit(audit_ ? audit_->images : std::vector<workflows::AuditImage>{});
  if (!audit_) {
    summary_->setText(path_.isEmpty()          ? tr("Open a project first.")
                      : catalogue_.runs.empty() ? tr("No training run yet: train one on the Training page first.")
                      : workflows::auditAvailable()
                          ? tr("This run has not been audited yet: choose its folds and press Run Audit.")
                          : tr("This run has not been audited, and this build has no models (LibTorch) to audit it: "
                               "run `lightbox-cli audit` in a build with the models."));
    viewer_->setOverlay(nullptr);
    mapNote_->clear();
  } else {
    summary_->setText(auditSummaryText(*audit_, workflows::auditAvailable()));
    // Keep the row the user was on (an exclusion reloads the audit).
    for (int r = 0; r < model_->rowCount(); ++r)
      if (model_->image(r)->imageId == selectedImage && QString::fromStdString(model_->image(r)->arrayKind) == selectedKind) {
        selectRow(r);
        break;
      }
  }
  refreshButtons();
}

bool HealthyAuditPanel::startAudit() {
  const qint64 run = currentRunId();
  if (path_.isEmpty() || run <= 0 || jobs_->busy() || !workflows::auditAvailable()) return false;
  workflows::AuditParams p;
  p.projectPath = path_.toStdString();
  p.runId = run;
  p.folds = checkedFolds();
  if (p.folds.empty()) {
    setStatus(tr("Check at least one fold to audit with."));
    return false;
  }
  QPointer<HealthyAuditPanel> self(this);
  auto completed = std::make_shared<bool>(false);  // set on the GUI thread when a whole audit arrived
  const bool started = jobs_->start(tr("Auditing the healthy set of run %1").arg(run),
                                    [p, self, completed](ProgressSink& progress) -> std::function<void()> {
                                      auto result = std::make_shared<workflows::HealthyAudit>(
                                          workflows::runHealthyAudit(p, progress));
                                      return [self, result, completed] {
                                        *completed = !result->cancelled;
                                        if (self && *completed) self->showAudit(*result);
                                      };
                                    });
  if (!started) {
    setStatus(tr("Another job is running: wait for it (or cancel it) first."));
    return false;
  }
  auditing_ = true;
  progress_->setRange(0, 0);
  progress_->show();
  cancelButton_->show();
  refreshButtons();
  auto* c = new QMetaObject::Connection;
  *c = connect(jobs_, &JobRunner::finished, this, [this, c, completed](bool cancelled, const QString& error) {
    disconnect(*c);
    delete c;
    auditing_ = false;
    progress_->hide();
    cancelButton_->hide();
    const bool ok = error.isEmpty() && *completed;
    const QString message = !error.isEmpty() ? tr("The audit failed: %1").arg(error)
                            : !ok            ? tr("Audit cancelled; the stored audit is unchanged.")
                                             : tr("Audit finished and stored in the project.");
    if (!ok) reloadStoredAudit();
    setStatus(message);
    refreshButtons();
    if (ok && model_->rowCount() > 0 && currentRow() < 0) selectRow(0);
    Q_EMIT auditFinished(ok, message);
  });
  return true;
}

void HealthyAuditPanel::selectRow(int row) {
  if (row < 0 || row >= model_->rowCount()) return;
  table_->selectionModel()->setCurrentIndex(model_->index(row, 0),
                                            QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

int HealthyAuditPanel::currentRow() const {
  const QModelIndex i = table_->selectionModel()->currentIndex();
  return i.isValid() && i.row() < model_->rowCount() ? i.row() : -1;
}

void HealthyAuditPanel::showRow(int row) {
  refreshButtons();
  const workflows::AuditImage* im = model_->image(row);
  if (!im || path_.isEmpty()) return;
  // An exclusion reloads the audit and selects the same row again: the image on screen is still the right one.
  if (im->imageId == shownImage_ && im->arrayKind == shownKind_ && viewer_->hasImage()) return;
  const int request = ++viewRequest_;
  const std::string path = path_.toStdString();
  const int64_t run = currentRunId();
  const workflows::AuditImage copy = *im;
  mapNote_->setText(copy.audited ? tr("Predicting the heat map of the folds that held it out…") : QString());
  auto* watcher = new QFutureWatcher<RowView>(this);
  connect(watcher, &QFutureWatcher<RowView>::finished, this, [this, watcher, request] {
    watcher->deleteLater();
    if (request != viewRequest_) return;  // the user moved on
    const RowView r = watcher->result();
    if (!r.error.isEmpty()) {
      viewer_->setOverlay(nullptr);
      mapNote_->setText(tr("Cannot show the image: %1").arg(r.error));
      return;
    }
    viewer_->setOverlay(nullptr);
    viewer_->showImage(std::shared_ptr<const workflows::ViewableImage>(r.view, &r.view->working));
    shownImage_ = r.view->working.imageId;
    shownKind_ = r.view->working.arrayKind;
    const bool withMap = r.view->map.has_value();
    if (withMap) {
      auto o = std::make_shared<OverlayLayer>();
      o->heat = std::shared_ptr<const Image>(r.view, &*r.view->map);
      o->lut = colourTable(QString::fromStdString(r.scale.colormap));
      o->min = r.scale.min;
      o->max = r.scale.max;
      o->cutoff = audit_ && audit_->threshold ? *audit_->threshold : o->min + 0.02 * (o->max - o->min);
      viewer_->setOverlay(o);
      mapNote_->setText(audit_ && audit_->threshold
                            ? tr("Heat map: mean of the held-out folds' maps, drawn above the threshold %1.")
                                  .arg(QLocale().toString(*audit_->threshold, 'f', 3))
                            : tr("Heat map: mean of the held-out folds' maps."));
    } else {
      mapNote_->setText(QString::fromStdString(r.view->mapNote));
    }
    Q_EMIT imageShown(r.view->working.imageId, withMap);
  });
  watcher->setFuture(QtConcurrent::run([path, run, copy]() -> RowView {
    RowView r;
    try {
      r.view = std::make_shared<workflows::AuditImageView>(workflows::loadAuditImage(path, run, copy));
      r.scale = workflows::loadColourScale(path, run);
    } catch (const std::exception& e) {
      r.error = QString::fromStdString(e.what());
    }
    return r;
  }));
}

bool HealthyAuditPanel::excludeCurrent(const QString& reason) {
  return excludeCurrent(reason, AuditExclusionScope::Slice);
}

bool HealthyAuditPanel::excludeCurrent(const QString& reason, AuditExclusionScope scope) {
  const workflows::AuditImage* im = model_->image(currentRow());
  if (!im || path_.isEmpty()) return false;
  const workflows::AuditImage row = *im;
  if (!auditRowIsSlice(row)) scope = AuditExclusionScope::WholeImage;
  try {
    if (scope == AuditExclusionScope::Slice)
      workflows::setSliceExcluded(path_.toStdString(), row.imageId, row.arrayKind, true, reason.trimmed().toStdString());
    else
      workflows::setImageExcluded(path_.toStdString(), row.imageId, true, reason.trimmed().toStdString());
  } catch (const std::exception& e) {
    setStatus(tr("Cannot exclude the image: %1").arg(QString::fromStdString(e.what())));
    return false;
  }
  reloadStoredAudit();
  setStatus(auditExcludedText(row, scope));
  Q_EMIT exclusionChanged(row.imageId, true);
  return true;
}

bool HealthyAuditPanel::includeCurrent() {
  const workflows::AuditImage* im = model_->image(currentRow());
  if (!im || path_.isEmpty()) return false;
  const workflows::AuditImage row = *im;
  // Undo whichever exclusion it was; the whole image first, as that is what the row shows when both hold.
  const bool whole = row.imageExcluded || !row.sliceExcluded;
  try {
    if (whole) workflows::setImageExcluded(path_.toStdString(), row.imageId, false);
    else workflows::setSliceExcluded(path_.toStdString(), row.imageId, row.arrayKind, false);
  } catch (const std::exception& e) {
    setStatus(tr("Cannot include the image: %1").arg(QString::fromStdString(e.what())));
    return false;
  }
  reloadStoredAudit();
  setStatus(auditIncludedText(row, whole));
  Q_EMIT exclusionChanged(row.imageId, false);
  return true;
}

void HealthyAuditPanel::askExclusionReason() {
  const workflows::AuditImage* im = model_->image(currentRow());
  if (!im) return;
  AuditExclusionDialog dialog(*im, this);
  if (dialog.exec() == QDialog::Accepted) excludeCurrent(dialog.reason(), dialog.scope());
}

void HealthyAuditPanel::refreshButtons() {
  const bool busy = jobs_->busy();
  runButton_->setEnabled(!busy && workflows::auditAvailable() && currentRunId() > 0 && !checkedFolds().empty());
  runButton_->setToolTip(workflows::auditAvailable() ? tr("Predict the checked folds on the images they never trained on")
                                                     : tr("Auditing needs a build with the models (LibTorch)"));
  runCombo_->setEnabled(!auditing_);
  folds_->setEnabled(!auditing_);
  const workflows::AuditImage* im = model_->image(currentRow());
  excludeButton_->setEnabled(im && !im->excluded && !auditing_);
  includeButton_->setEnabled(im && im->excluded && !auditing_);
}

void HealthyAuditPanel::setStatus(const QString& text) { status_->setText(text); }

QString HealthyAuditPanel::summaryText() const { return summary_->text(); }
QString HealthyAuditPanel::statusText() const { return status_->text(); }

}  // namespace lightbox::ui
