#pragma once
// The import dialog: files or folders (buttons or drag-and-drop), dataset name and role, preprocessing preset,
// optional ground truth (a masks folder or a box CSV); then progress with the time left and Cancel; at the end a
// table of what was imported, skipped as a duplicate or failed, with file and reason, copyable.
// The import runs on the application's JobRunner, so closing the dialog leaves it running in the status bar.

#include <QDialog>
#include <QStringList>

#include "lightbox/workflows/browse.h"

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTableWidget;

namespace lightbox::ui {

class JobRunner;

class ImportDialog : public QDialog {
  Q_OBJECT
 public:
  /// `datasets`: names already in the project, offered in the dataset box.
  ImportDialog(const QString& projectPath, const QStringList& datasets, JobRunner* runner, QWidget* parent = nullptr);

  void addPaths(const QStringList& paths);
  QStringList paths() const;
  void setDatasetName(const QString& name);
  void setRole(const QString& role);      ///< healthy | test | blend
  void setPreset(const QString& preset);  ///< one of workflows::importPresetNames()
  void setMasksFolder(const QString& folder);
  void setBoxesCsv(const QString& file);
  workflows::ImportParams params() const;

  /// Starts the import (the Import button); false when it cannot start (no paths, a job running).
  bool startImport();
  bool isFinished() const { return finished_; }
  /// The result table as tab-separated text with a header line (what Copy puts on the clipboard).
  QString reportText() const;

 Q_SIGNALS:
  /// The import ended (imported, cancelled or failed); the report is shown.
  void importFinished();

 protected:
  void dragEnterEvent(QDragEnterEvent* event) override;
  void dropEvent(QDropEvent* event) override;
  void keyPressEvent(QKeyEvent* event) override;

 private:
  void buildSetupPage();
  void buildProgressPage();
  void buildResultPage();
  void updateStartButton();
  void showReport(const workflows::ImportReport& report, bool cancelled, const QString& error);
  void copyReport();

  QString projectPath_;
  JobRunner* runner_;
  QStackedWidget* pages_;
  // setup
  QListWidget* pathList_;
  QComboBox* dataset_;
  QComboBox* role_;
  QComboBox* preset_;
  QLineEdit* masks_;
  QLineEdit* boxes_;
  QLabel* presetHelp_;
  QPushButton* startButton_;
  bool datasetEdited_ = false;
  // progress
  QLabel* progressText_;
  QProgressBar* progressBar_;
  QLabel* eta_;
  QPushButton* cancelButton_;
  // result
  QLabel* summary_;
  QTableWidget* results_;
  bool finished_ = false;
};

}  // namespace lightbox::ui
