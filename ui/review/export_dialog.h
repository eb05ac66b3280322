#pragma once
// The findings export of the review workspace: which findings (accepted, reviewed, all), of this dataset or all,
// where to; writes the CSV through workflows::exportFindings (atomic: an older file survives a failure) and offers
// to open the folder.

#include <QDialog>
#include <vector>

class QCheckBox;
class QLabel;
class QLineEdit;
class QRadioButton;

namespace lightbox::ui {

class ExportDialog : public QDialog {
  Q_OBJECT
 public:
  ExportDialog(QString projectPath, qint64 runId, std::vector<int> folds, QString dataset, QWidget* parent = nullptr);

  void setOutput(const QString& path);
  QString output() const;
  /// "accepted", "reviewed" or "all".
  QString only() const;
  void setOnly(const QString& only);
  qint64 rowsWritten() const { return rows_; }
  /// Writes the CSV; false (and the message shown in the dialog) on failure. accept() calls it.
  bool exportNow();

  void accept() override;

 private:
  QString path_;
  qint64 run_;
  std::vector<int> folds_;
  QString dataset_;
  QRadioButton* accepted_;
  QRadioButton* reviewed_;
  QRadioButton* all_;
  QCheckBox* thisDataset_;
  QCheckBox* openFolder_;
  QLineEdit* output_;
  QLabel* status_;
  qint64 rows_ = -1;
};

}  // namespace lightbox::ui
