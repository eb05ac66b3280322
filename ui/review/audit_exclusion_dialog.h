#pragma once
// "Exclude…" in the healthy-set audit: why the row is not healthy and, for a slice of a volume, whether to exclude
// this slice alone (the default) or the whole volume. Excluding one bad slice must not silently take the whole
// volume -- for the demo all of its training data -- out of later runs.

#include <QDialog>

#include "lightbox/workflows/audit.h"
#include "review/healthy_audit_logic.h"

class QLabel;
class QLineEdit;
class QRadioButton;

namespace lightbox::ui {

class AuditExclusionDialog : public QDialog {
  Q_OBJECT
 public:
  explicit AuditExclusionDialog(const workflows::AuditImage& row, QWidget* parent = nullptr);
  AuditExclusionScope scope() const;
  void setScope(AuditExclusionScope scope);
  QString reason() const;
  void setReason(const QString& reason);

 private:
  void updateQuestion();

  workflows::AuditImage row_;
  QLabel* question_;
  QRadioButton* slice_;
  QRadioButton* volume_;
  QLineEdit* reason_;
};

}  // namespace lightbox::ui
