#include "shell/job_progress_page.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include "shell/job_runner.h"

namespace lightbox::ui {

JobProgressPage::JobProgressPage(JobRunner* runner, QWidget* dialog, const QString& objectPrefix,
                                 const QString& cancelText, const QString& note, QWidget* parent)
    : QWidget(parent) {
  setObjectName(objectPrefix + QStringLiteral("ProgressPage"));
  auto* layout = new QVBoxLayout(this);
  text_ = new QLabel(this);
  text_->setObjectName(objectPrefix + QStringLiteral("ProgressText"));
  text_->setWordWrap(true);
  text_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  bar_ = new QProgressBar(this);
  bar_->setObjectName(objectPrefix + QStringLiteral("Progress"));
  eta_ = new QLabel(this);
  eta_->setObjectName(objectPrefix + QStringLiteral("Eta"));
  auto* noteLabel = new QLabel(note, this);
  noteLabel->setWordWrap(true);
  noteLabel->setForegroundRole(QPalette::PlaceholderText);
  auto* buttons = new QDialogButtonBox(this);
  cancel_ = buttons->addButton(cancelText, QDialogButtonBox::RejectRole);
  cancel_->setObjectName(objectPrefix + QStringLiteral("Cancel"));
  auto* background = buttons->addButton(tr("Run in Background"), QDialogButtonBox::AcceptRole);
  background->setObjectName(objectPrefix + QStringLiteral("Background"));
  layout->addStretch();
  layout->addWidget(text_);
  layout->addWidget(bar_);
  layout->addWidget(eta_);
  layout->addStretch();
  layout->addWidget(noteLabel);
  layout->addWidget(buttons);
  connect(cancel_, &QPushButton::clicked, runner, &JobRunner::cancel);
  connect(background, &QPushButton::clicked, dialog, &QWidget::hide);
}

}  // namespace lightbox::ui
