#include "review/audit_exclusion_dialog.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace lightbox::ui {

AuditExclusionDialog::AuditExclusionDialog(const workflows::AuditImage& row, QWidget* parent)
    : QDialog(parent), row_(row) {
  setObjectName(QStringLiteral("auditExclusionDialog"));
  setWindowTitle(auditRowIsSlice(row) ? tr("Exclude Slice or Volume") : tr("Exclude Image"));
  slice_ = new QRadioButton(tr("Exclude this slice"), this);
  slice_->setObjectName(QStringLiteral("auditExcludeSlice"));
  volume_ = new QRadioButton(tr("Exclude the whole volume"), this);
  volume_->setObjectName(QStringLiteral("auditExcludeVolume"));
  auto* group = new QButtonGroup(this);
  group->addButton(slice_);
  group->addButton(volume_);
  slice_->setChecked(true);
  // A whole image has nothing to choose between.
  slice_->setVisible(auditRowIsSlice(row));
  volume_->setVisible(auditRowIsSlice(row));
  question_ = new QLabel(this);
  question_->setObjectName(QStringLiteral("auditExclusionQuestion"));
  question_->setWordWrap(true);
  reason_ = new QLineEdit(this);
  reason_->setObjectName(QStringLiteral("auditExclusionReason"));
  reason_->setPlaceholderText(tr("Reason (optional), e.g. ring artefact"));
  reason_->setMaxLength(1000);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  buttons->button(QDialogButtonBox::Ok)->setText(tr("Exclude"));
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(slice_);
  layout->addWidget(volume_);
  layout->addWidget(question_);
  layout->addWidget(reason_);
  layout->addWidget(buttons);
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  connect(slice_, &QRadioButton::toggled, this, [this] { updateQuestion(); });
  updateQuestion();
  reason_->setFocus();
}

AuditExclusionScope AuditExclusionDialog::scope() const {
  return auditRowIsSlice(row_) && slice_->isChecked() ? AuditExclusionScope::Slice : AuditExclusionScope::WholeImage;
}

void AuditExclusionDialog::setScope(AuditExclusionScope scope) {
  (scope == AuditExclusionScope::Slice ? slice_ : volume_)->setChecked(true);
}

QString AuditExclusionDialog::reason() const { return reason_->text().trimmed(); }
void AuditExclusionDialog::setReason(const QString& reason) { reason_->setText(reason); }

void AuditExclusionDialog::updateQuestion() { question_->setText(auditExclusionQuestion(row_, scope())); }

}  // namespace lightbox::ui
