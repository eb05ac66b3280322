#include "review/export_dialog.h"

#include <QCheckBox>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QUrl>
#include <QVBoxLayout>

#include "lightbox/workflows/evaluate.h"

namespace lightbox::ui {

ExportDialog::ExportDialog(QString projectPath, qint64 runId, std::vector<int> folds, QString dataset, QWidget* parent)
    : QDialog(parent), path_(std::move(projectPath)), run_(runId), folds_(std::move(folds)), dataset_(std::move(dataset)) {
  setObjectName(QStringLiteral("exportDialog"));
  setWindowTitle(tr("Export findings"));
  auto* which = new QGroupBox(tr("Findings"), this);
  accepted_ = new QRadioButton(tr("Accepted only"), which);
  accepted_->setObjectName(QStringLiteral("exportAccepted"));
  reviewed_ = new QRadioButton(tr("Reviewed (accepted and rejected)"), which);
  reviewed_->setObjectName(QStringLiteral("exportReviewed"));
  all_ = new QRadioButton(tr("All findings, with their review state"), which);
  all_->setObjectName(QStringLiteral("exportAll"));
  reviewed_->setChecked(true);
  auto* wl = new QVBoxLayout(which);
  wl->addWidget(accepted_);
  wl->addWidget(reviewed_);
  wl->addWidget(all_);
  thisDataset_ = new QCheckBox(tr("Only dataset “%1”").arg(dataset_), this);
  thisDataset_->setObjectName(QStringLiteral("exportThisDataset"));
  thisDataset_->setChecked(!dataset_.isEmpty());
  thisDataset_->setEnabled(!dataset_.isEmpty());

  output_ = new QLineEdit(this);
  output_->setObjectName(QStringLiteral("exportOutput"));
  const QFileInfo project(path_);
  output_->setText(QDir(project.absolutePath())
                       .filePath(QStringLiteral("%1-run%2-findings.csv").arg(project.completeBaseName()).arg(run_)));
  auto* browse = new QPushButton(tr("Browse…"), this);
  connect(browse, &QPushButton::clicked, this, [this] {
    const QString f = QFileDialog::getSaveFileName(this, tr("Export findings"), output_->text(),
                                                   tr("CSV files (*.csv);;All files (*)"));
    if (!f.isEmpty()) output_->setText(f);
  });
  auto* where = new QHBoxLayout;
  where->addWidget(output_, 1);
  where->addWidget(browse);
  openFolder_ = new QCheckBox(tr("Open the folder afterwards"), this);
  openFolder_->setObjectName(QStringLiteral("exportOpenFolder"));
  openFolder_->setChecked(true);
  status_ = new QLabel(this);
  status_->setObjectName(QStringLiteral("exportStatus"));
  status_->setWordWrap(true);
  auto* note = new QLabel(tr("UTF-8 CSV with one row per finding: position in mm, size, scores, review state, note, "
                             "reviewer and time (docs/project-file.md, “Findings CSV”)."),
                          this);
  note->setWordWrap(true);

  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
  auto* go = buttons->addButton(tr("Export"), QDialogButtonBox::AcceptRole);
  go->setObjectName(QStringLiteral("exportButton"));
  go->setDefault(true);
  connect(buttons, &QDialogButtonBox::accepted, this, &ExportDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &ExportDialog::reject);

  auto* form = new QFormLayout;
  form->addRow(tr("File"), where);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(which);
  layout->addWidget(thisDataset_);
  layout->addLayout(form);
  layout->addWidget(openFolder_);
  layout->addWidget(note);
  layout->addWidget(status_);
  layout->addWidget(buttons);
  resize(520, sizeHint().height());
}

void ExportDialog::setOutput(const QString& path) { output_->setText(path); }
QString ExportDialog::output() const { return output_->text(); }

QString ExportDialog::only() const {
  if (accepted_->isChecked()) return QStringLiteral("accepted");
  if (all_->isChecked()) return QStringLiteral("all");
  return QStringLiteral("reviewed");
}

void ExportDialog::setOnly(const QString& only) {
  (only == QLatin1String("accepted") ? accepted_ : only == QLatin1String("all") ? all_ : reviewed_)->setChecked(true);
}

bool ExportDialog::exportNow() {
  if (output_->text().trimmed().isEmpty()) {
    status_->setText(tr("Choose a file to write."));
    return false;
  }
  workflows::ExportParams x;
  x.projectPath = path_.toStdString();
  x.runId = run_;
  x.folds = folds_;
  x.only = only().toStdString();
  if (thisDataset_->isChecked()) x.dataset = dataset_.toStdString();
  x.output = QDir::cleanPath(output_->text().trimmed()).toStdString();
  try {
    rows_ = workflows::exportFindings(x).rows;
  } catch (const std::exception& e) {
    status_->setText(tr("Cannot export: %1").arg(QString::fromStdString(e.what())));
    status_->setStyleSheet(QStringLiteral("color:#c0392b;"));
    return false;
  }
  status_->setText(tr("%n finding(s) written to %1", nullptr, int(rows_)).arg(output_->text()));
  return true;
}

void ExportDialog::accept() {
  if (!exportNow()) return;
  if (openFolder_->isChecked())
    QDesktopServices::openUrl(QUrl::fromLocalFile(QFileInfo(output_->text()).absolutePath()));
  QDialog::accept();
}

}  // namespace lightbox::ui
