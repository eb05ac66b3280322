#include "shell/import_dialog.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <memory>

#include "shell/eta.h"
#include "shell/job_progress_page.h"
#include "shell/job_runner.h"

namespace lightbox::ui {

namespace {

QString presetDescription(const QString& preset) {
  if (preset == QLatin1String("auto"))
    return ImportDialog::tr("Chosen per image: volumes → brain-3d, chest radiographs (CR/DX) → chest-xray-2d, "
                            "other 2D images → image-2d.");
  if (preset == QLatin1String("brain-3d"))
    return ImportDialog::tr("Brain MRI volumes: z-normalised, cropped to the head, 2 mm voxels, 80×112×80.");
  if (preset == QLatin1String("chest-xray-2d"))
    return ImportDialog::tr("Chest radiographs: VOI window, histogram equalisation, 256×256 in [−1, 1].");
  if (preset == QLatin1String("brain-slices-2d"))
    return ImportDialog::tr("Axial slices of brain volumes with enough brain, z-normalised, 128×128 (one array per "
                            "slice).");
  if (preset == QLatin1String("image-2d"))
    return ImportDialog::tr("Any 2D image: resized to 256×256 and mapped to [−1, 1].");
  if (preset == QLatin1String("none")) return ImportDialog::tr("Stored as read, without preprocessing.");
  return {};
}

QString outcomeText(workflows::ImportReportLine::Outcome o) {
  switch (o) {
    case workflows::ImportReportLine::Outcome::Imported: return ImportDialog::tr("imported");
    case workflows::ImportReportLine::Outcome::Duplicate: return ImportDialog::tr("skipped (duplicate)");
    case workflows::ImportReportLine::Outcome::Failed: return ImportDialog::tr("failed");
  }
  return {};
}

}  // namespace

ImportDialog::ImportDialog(const QString& projectPath, const QStringList& datasets, JobRunner* runner, QWidget* parent)
    : QDialog(parent), projectPath_(projectPath), runner_(runner) {
  setObjectName(QStringLiteral("importDialog"));
  setWindowTitle(tr("Import Images"));
  setAcceptDrops(true);
  pages_ = new QStackedWidget(this);
  buildSetupPage();
  buildProgressPage();
  buildResultPage();
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(pages_);
  for (const QString& d : datasets) dataset_->addItem(d);
  dataset_->setEditText(role_->currentData().toString());
  datasetEdited_ = false;  // the default follows the role until the user types a name
  resize(720, 520);
  updateStartButton();
}

void ImportDialog::buildSetupPage() {
  auto* page = new QWidget(pages_);
  page->setObjectName(QStringLiteral("importSetupPage"));
  auto* layout = new QVBoxLayout(page);

  auto* hint = new QLabel(tr("Add files or folders (folders are searched recursively; DICOM files are grouped into "
                             "series), or drop them here."),
                          page);
  hint->setWordWrap(true);
  layout->addWidget(hint);
  pathList_ = new QListWidget(page);
  pathList_->setObjectName(QStringLiteral("importPaths"));
  pathList_->setSelectionMode(QAbstractItemView::ExtendedSelection);
  auto* pathButtons = new QHBoxLayout;
  auto* addFiles = new QPushButton(tr("Add Files…"), page);
  addFiles->setObjectName(QStringLiteral("importAddFiles"));
  auto* addFolder = new QPushButton(tr("Add Folder…"), page);
  addFolder->setObjectName(QStringLiteral("importAddFolder"));
  auto* removePath = new QPushButton(tr("Remove"), page);
  removePath->setObjectName(QStringLiteral("importRemovePath"));
  pathButtons->addWidget(addFiles);
  pathButtons->addWidget(addFolder);
  pathButtons->addWidget(removePath);
  pathButtons->addStretch();
  layout->addWidget(pathList_, 1);
  layout->addLayout(pathButtons);

  auto* form = new QFormLayout;
  role_ = new QComboBox(page);
  role_->setObjectName(QStringLiteral("importRole"));
  role_->addItem(tr("Healthy (training set)"), QStringLiteral("healthy"));
  role_->addItem(tr("Test (to be searched for anomalies)"), QStringLiteral("test"));
  role_->addItem(tr("Blend source (other images for inter-dataset blending)"), QStringLiteral("blend"));
  dataset_ = new QComboBox(page);
  dataset_->setObjectName(QStringLiteral("importDataset"));
  dataset_->setEditable(true);
  dataset_->setInsertPolicy(QComboBox::NoInsert);
  dataset_->setToolTip(tr("A new name creates a dataset; an existing one adds to it"));
  preset_ = new QComboBox(page);
  preset_->setObjectName(QStringLiteral("importPreset"));
  for (const std::string& p : workflows::importPresetNames()) preset_->addItem(QString::fromStdString(p), QString::fromStdString(p));
  presetHelp_ = new QLabel(page);
  presetHelp_->setWordWrap(true);
  presetHelp_->setForegroundRole(QPalette::PlaceholderText);

  masks_ = new QLineEdit(page);
  masks_->setObjectName(QStringLiteral("importMasks"));
  masks_->setPlaceholderText(tr("optional: folder of lesion masks, paired by name (_seg, _mask, BraTS, ISLES)"));
  auto* masksBrowse = new QToolButton(page);
  masksBrowse->setText(tr("…"));
  masksBrowse->setToolTip(tr("Choose the masks folder"));
  auto* masksRow = new QHBoxLayout;
  masksRow->addWidget(masks_);
  masksRow->addWidget(masksBrowse);
  boxes_ = new QLineEdit(page);
  boxes_->setObjectName(QStringLiteral("importBoxes"));
  boxes_->setPlaceholderText(tr("optional: VinDr-style CSV of boxes (image_id = file name)"));
  auto* boxesBrowse = new QToolButton(page);
  boxesBrowse->setText(tr("…"));
  boxesBrowse->setToolTip(tr("Choose the box CSV"));
  auto* boxesRow = new QHBoxLayout;
  boxesRow->addWidget(boxes_);
  boxesRow->addWidget(boxesBrowse);

  form->addRow(tr("&Role:"), role_);
  form->addRow(tr("&Dataset:"), dataset_);
  auto* presetColumn = new QVBoxLayout;
  presetColumn->setSpacing(2);
  presetColumn->addWidget(preset_);
  presetColumn->addWidget(presetHelp_);
  auto* presetLabel = new QLabel(tr("&Preprocessing:"), page);
  presetLabel->setBuddy(preset_);
  form->addRow(presetLabel, presetColumn);
  auto* masksLabel = new QLabel(tr("Ground-truth &masks:"), page);
  masksLabel->setBuddy(masks_);
  auto* boxesLabel = new QLabel(tr("Ground-truth &boxes:"), page);
  boxesLabel->setBuddy(boxes_);
  form->addRow(masksLabel, masksRow);
  form->addRow(boxesLabel, boxesRow);
  layout->addLayout(form);

  auto* buttons = new QDialogButtonBox(page);
  startButton_ = buttons->addButton(tr("Import"), QDialogButtonBox::AcceptRole);
  startButton_->setObjectName(QStringLiteral("importStart"));
  startButton_->setDefault(true);
  buttons->addButton(QDialogButtonBox::Cancel);
  layout->addWidget(buttons);
  pages_->addWidget(page);

  connect(addFiles, &QPushButton::clicked, this, [this] {
    addPaths(QFileDialog::getOpenFileNames(
        this, tr("Add Files"), {},
        tr("Images (*.dcm *.nii *.nii.gz *.hdr *.img *.png *.jpg *.jpeg *.tif *.tiff);;All files (*)")));
  });
  connect(addFolder, &QPushButton::clicked, this, [this] {
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Add Folder"));
    if (!dir.isEmpty()) addPaths({dir});
  });
  connect(removePath, &QPushButton::clicked, this, [this] {
    qDeleteAll(pathList_->selectedItems());
    updateStartButton();
  });
  connect(masksBrowse, &QToolButton::clicked, this, [this] {
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Masks Folder"));
    if (!dir.isEmpty()) masks_->setText(dir);
  });
  connect(boxesBrowse, &QToolButton::clicked, this, [this] {
    const QString f = QFileDialog::getOpenFileName(this, tr("Box CSV"), {}, tr("CSV files (*.csv);;All files (*)"));
    if (!f.isEmpty()) boxes_->setText(f);
  });
  connect(role_, &QComboBox::currentIndexChanged, this, [this] {
    if (!datasetEdited_) {
      const QSignalBlocker block(dataset_);
      dataset_->setEditText(role_->currentData().toString());
    }
  });
  connect(dataset_, &QComboBox::editTextChanged, this, [this] {
    datasetEdited_ = true;
    updateStartButton();
  });
  connect(preset_, &QComboBox::currentIndexChanged, this,
          [this] { presetHelp_->setText(presetDescription(preset_->currentData().toString())); });
  presetHelp_->setText(presetDescription(preset_->currentData().toString()));
  connect(startButton_, &QPushButton::clicked, this, [this] { startImport(); });
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void ImportDialog::buildProgressPage() {
  auto* page = new JobProgressPage(
      runner_, this, QStringLiteral("import"), tr("Cancel Import"),
      tr("Each image is committed on its own: cancelling keeps everything imported so far. You can close this "
         "window; the import goes on in the status bar."),
      pages_);
  progressText_ = page->text();
  progressBar_ = page->bar();
  eta_ = page->eta();
  cancelButton_ = page->cancelButton();
  pages_->addWidget(page);
}

void ImportDialog::buildResultPage() {
  auto* page = new QWidget(pages_);
  page->setObjectName(QStringLiteral("importResultPage"));
  auto* layout = new QVBoxLayout(page);
  summary_ = new QLabel(page);
  summary_->setObjectName(QStringLiteral("importSummary"));
  summary_->setWordWrap(true);
  summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  results_ = new QTableWidget(0, 3, page);
  results_->setObjectName(QStringLiteral("importResults"));
  results_->setHorizontalHeaderLabels({tr("Result"), tr("File"), tr("Reason")});
  results_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  results_->setSelectionBehavior(QAbstractItemView::SelectRows);
  results_->setWordWrap(false);
  results_->verticalHeader()->hide();
  results_->horizontalHeader()->setStretchLastSection(true);
  results_->setSortingEnabled(true);
  auto* copyAction = new QAction(tr("Copy"), results_);
  copyAction->setShortcut(QKeySequence::Copy);
  copyAction->setShortcutContext(Qt::WidgetShortcut);
  results_->addAction(copyAction);
  connect(copyAction, &QAction::triggered, this, &ImportDialog::copyReport);
  auto* buttons = new QDialogButtonBox(page);
  auto* copy = buttons->addButton(tr("Copy Report"), QDialogButtonBox::ActionRole);
  copy->setObjectName(QStringLiteral("importCopy"));
  copy->setToolTip(tr("Copy the table (or the selected rows) as tab-separated text"));
  auto* close = buttons->addButton(QDialogButtonBox::Close);
  close->setObjectName(QStringLiteral("importClose"));
  layout->addWidget(summary_);
  layout->addWidget(results_, 1);
  layout->addWidget(buttons);
  pages_->addWidget(page);
  connect(copy, &QPushButton::clicked, this, &ImportDialog::copyReport);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::accept);
}

void ImportDialog::addPaths(const QStringList& paths) {
  for (const QString& p : paths) {
    if (p.isEmpty()) continue;
    const QString absolute = QFileInfo(p).absoluteFilePath();
    if (!pathList_->findItems(absolute, Qt::MatchExactly).isEmpty()) continue;
    auto* item = new QListWidgetItem(absolute, pathList_);
    item->setToolTip(QFileInfo(absolute).isDir() ? tr("folder, searched recursively") : tr("file"));
  }
  updateStartButton();
}

QStringList ImportDialog::paths() const {
  QStringList out;
  for (int i = 0; i < pathList_->count(); ++i) out << pathList_->item(i)->text();
  return out;
}

void ImportDialog::setDatasetName(const QString& name) { dataset_->setEditText(name); }

void ImportDialog::setRole(const QString& role) {
  if (const int i = role_->findData(role); i >= 0) role_->setCurrentIndex(i);
}

void ImportDialog::setPreset(const QString& preset) {
  if (const int i = preset_->findData(preset); i >= 0) preset_->setCurrentIndex(i);
}

void ImportDialog::setMasksFolder(const QString& folder) { masks_->setText(folder); }
void ImportDialog::setBoxesCsv(const QString& file) { boxes_->setText(file); }

workflows::ImportParams ImportDialog::params() const {
  workflows::ImportParams p;
  p.projectPath = projectPath_.toStdString();
  p.datasetName = dataset_->currentText().trimmed().toStdString();
  p.role = role_->currentData().toString().toStdString();
  p.preset = preset_->currentData().toString().toStdString();
  for (const QString& path : paths()) p.paths.push_back(path.toStdString());
  p.masksPath = masks_->text().trimmed().toStdString();
  p.boxesCsvPath = boxes_->text().trimmed().toStdString();
  return p;
}

void ImportDialog::updateStartButton() {
  startButton_->setEnabled(pathList_->count() > 0 && !dataset_->currentText().trimmed().isEmpty());
}

bool ImportDialog::startImport() {
  if (pathList_->count() == 0 || runner_->busy()) return false;
  const workflows::ImportParams p = params();
  auto report = std::make_shared<workflows::ImportReport>();
  const QString title = tr("Importing into %1").arg(QString::fromStdString(p.datasetName));
  const bool started = runner_->start(title, [p, report](ProgressSink& progress) -> std::function<void()> {
    *report = workflows::runImportWithReport(p, progress);
    return {};
  });
  if (!started) return false;
  pages_->setCurrentIndex(1);
  progressText_->setText(tr("Looking for images…"));
  progressBar_->setRange(0, 0);
  auto* context = new QObject(this);  // scopes the connections to this one import
  connect(runner_, &JobRunner::progressed, context,
          [this](qint64 done, qint64 total, const QString& what, const QString& eta) {
            if (total > 0) {
              progressBar_->setRange(0, int(std::min<qint64>(total, 1 << 30)));
              progressBar_->setValue(int(done));
              progressBar_->setFormat(formatCount(done, total));
              progressText_->setText(tr("Imported %1").arg(QFileInfo(what).fileName()));
            } else {
              progressBar_->setRange(0, 0);
              progressText_->setText(what.isEmpty() ? tr("Preparing…") : what.left(1).toUpper() + what.mid(1) + QStringLiteral("…"));
            }
            eta_->setText(eta);
          });
  connect(runner_, &JobRunner::cancelling, context, [this] {
    cancelButton_->setEnabled(false);
    eta_->setText(tr("Cancelling after the current image…"));
  });
  connect(runner_, &JobRunner::finished, context, [this, report, context](bool cancelled, const QString& error) {
    context->deleteLater();
    showReport(*report, cancelled, error);
  });
  return true;
}

void ImportDialog::showReport(const workflows::ImportReport& report, bool cancelled, const QString& error) {
  const workflows::ImportResult& r = report.result;
  const QLocale locale;
  QStringList parts;
  if (!error.isEmpty()) {
    parts << tr("The import could not run: %1").arg(error);
  } else {
    parts << (r.imported == 1 ? tr("1 image imported") : tr("%1 images imported").arg(locale.toString(r.imported)));
    if (r.arrays != r.imported && r.imported > 0)
      parts.last() += tr(" (%1 working-space arrays)").arg(locale.toString(r.arrays));
    parts << (r.duplicates == 1 ? tr("1 skipped as a duplicate") : tr("%1 skipped as duplicates").arg(locale.toString(r.duplicates)));
    parts << tr("%1 failed").arg(locale.toString(qint64(r.failed.size())));
    if (r.groundTruthMasks || r.groundTruthBoxes || r.groundTruthNormal)
      parts << tr("ground truth: %1 mask(s), %2 image(s) with boxes, %3 marked normal")
                   .arg(r.groundTruthMasks)
                   .arg(r.groundTruthBoxes)
                   .arg(r.groundTruthNormal);
  }
  QString text = parts.join(QStringLiteral(" · "));
  if (cancelled) text.prepend(tr("Cancelled — everything imported before is in the project. "));
  if (!r.fatal.empty()) text += QLatin1Char('\n') + tr("Stopped early: %1").arg(QString::fromStdString(r.fatal));
  for (const auto& w : r.warnings) text += QLatin1Char('\n') + tr("Warning: %1").arg(QString::fromStdString(w));
  summary_->setText(text);

  results_->setSortingEnabled(false);
  results_->setRowCount(int(report.lines.size()));
  for (int i = 0; i < int(report.lines.size()); ++i) {
    const auto& line = report.lines[size_t(i)];
    auto* outcome = new QTableWidgetItem(outcomeText(line.outcome));
    outcome->setData(Qt::UserRole, int(line.outcome));
    if (line.outcome == workflows::ImportReportLine::Outcome::Failed)
      outcome->setForeground(QColor(0xc0, 0x39, 0x2b));
    results_->setItem(i, 0, outcome);
    auto* file = new QTableWidgetItem(QString::fromStdString(line.path));
    file->setToolTip(file->text());
    results_->setItem(i, 1, file);
    auto* reason = new QTableWidgetItem(QString::fromStdString(line.reason));
    reason->setToolTip(reason->text());
    results_->setItem(i, 2, reason);
  }
  results_->resizeColumnToContents(0);
  results_->resizeColumnToContents(1);
  results_->setColumnWidth(1, std::clamp(results_->columnWidth(1), 200, 420));
  results_->setSortingEnabled(true);
  pages_->setCurrentIndex(2);
  finished_ = true;
  setWindowTitle(tr("Import Report"));
  if (isHidden() && (!r.failed.empty() || !error.isEmpty())) show();  // failures deserve to be seen
  Q_EMIT importFinished();
}

QString ImportDialog::reportText() const {
  QList<int> rows;
  for (const QModelIndex& i : results_->selectionModel()->selectedRows()) rows << i.row();
  std::sort(rows.begin(), rows.end());
  if (rows.isEmpty())
    for (int r = 0; r < results_->rowCount(); ++r) rows << r;
  QStringList lines{tr("Result") + QLatin1Char('\t') + tr("File") + QLatin1Char('\t') + tr("Reason")};
  for (int r : rows) {
    QStringList cells;
    for (int c = 0; c < 3; ++c) cells << (results_->item(r, c) ? results_->item(r, c)->text() : QString());
    lines << cells.join(QLatin1Char('\t'));
  }
  return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

void ImportDialog::copyReport() { QApplication::clipboard()->setText(reportText()); }

void ImportDialog::dragEnterEvent(QDragEnterEvent* event) {
  if (pages_->currentIndex() == 0 && event->mimeData()->hasUrls()) event->acceptProposedAction();
}

void ImportDialog::dropEvent(QDropEvent* event) {
  QStringList paths;
  for (const QUrl& url : event->mimeData()->urls())
    if (url.isLocalFile()) paths << url.toLocalFile();
  addPaths(paths);
  event->acceptProposedAction();
}

void ImportDialog::keyPressEvent(QKeyEvent* event) {
  if (pages_->currentIndex() == 1 && event->key() == Qt::Key_Escape) {  // Esc hides; it never cancels silently
    hide();
    return;
  }
  QDialog::keyPressEvent(event);
}

}  // namespace lightbox::ui
