#include "shell/job_progress_widget.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QToolButton>

#include "shell/eta.h"
#include "shell/job_runner.h"

namespace lightbox::ui {

JobProgressWidget::JobProgressWidget(JobRunner* runner, QWidget* parent) : QWidget(parent), runner_(runner) {
  setObjectName(QStringLiteral("jobProgress"));
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  title_ = new QLabel(this);
  title_->setObjectName(QStringLiteral("jobTitle"));
  bar_ = new QProgressBar(this);
  bar_->setObjectName(QStringLiteral("jobProgressBar"));
  bar_->setMaximumWidth(220);
  bar_->setTextVisible(true);
  eta_ = new QLabel(this);
  eta_->setObjectName(QStringLiteral("jobEta"));
  cancel_ = new QToolButton(this);
  cancel_->setObjectName(QStringLiteral("jobCancelButton"));
  cancel_->setText(tr("Cancel"));
  cancel_->setToolTip(tr("Stop the running job; everything finished so far stays in the project"));
  layout->addWidget(title_);
  layout->addWidget(bar_);
  layout->addWidget(eta_);
  layout->addWidget(cancel_);
  connect(cancel_, &QToolButton::clicked, runner_, &JobRunner::cancel);
  connect(runner_, &JobRunner::started, this, &JobProgressWidget::onStarted);
  connect(runner_, &JobRunner::progressed, this, &JobProgressWidget::onProgress);
  connect(runner_, &JobRunner::cancelling, this, [this] {
    cancel_->setEnabled(false);
    eta_->setText(tr("cancelling…"));
  });
  connect(runner_, &JobRunner::finished, this, &JobProgressWidget::onFinished);
  hide();
}

void JobProgressWidget::onStarted(const QString& title) {
  title_->setText(title);
  bar_->setRange(0, 0);  // busy until the first total arrives
  eta_->clear();
  cancel_->setEnabled(true);
  show();
}

void JobProgressWidget::onProgress(qint64 done, qint64 total, const QString& what, const QString& eta) {
  if (total > 0) {
    bar_->setRange(0, 1000);
    bar_->setValue(int(1000 * done / total));
    bar_->setFormat(formatCount(done, total));
  } else {
    bar_->setRange(0, 0);
  }
  if (!runner_->cancelRequested()) eta_->setText(eta);
  bar_->setToolTip(what);  // the file being worked on
}

void JobProgressWidget::onFinished() { hide(); }

}  // namespace lightbox::ui
