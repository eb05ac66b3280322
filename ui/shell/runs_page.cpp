#include "shell/runs_page.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace lightbox::ui {

namespace {

QString taskList(const std::vector<int>& tasks) {
  QStringList parts;
  for (int t : tasks) parts << QString::number(t);
  return parts.join(QLatin1Char(','));
}

}  // namespace

RunsPage::RunsPage(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("trainingPage"));
  auto* layout = new QVBoxLayout(this);
  auto* heading = new QLabel(tr("<h3>Training runs</h3>"), this);
  auto* note = new QLabel(tr("Runs recorded in this project, newest first. Start training with <code>lightbox-cli "
                             "train</code> for now; the live training monitor (loss and held-out-task curves, start "
                             "and stop from here) arrives with the training monitor and review workspace (issue #7)."),
                          this);
  note->setWordWrap(true);
  note->setTextFormat(Qt::RichText);
  status_ = new QLabel(this);
  status_->setObjectName(QStringLiteral("trainingStatus"));
  runs_ = new QTreeWidget(this);
  runs_->setObjectName(QStringLiteral("trainingRuns"));
  runs_->setHeaderLabels({tr("Run / fold"), tr("Preset"), tr("Status"), tr("Device"), tr("Train tasks"),
                          tr("Held-out tasks"), tr("Steps"), tr("Best val. loss"), tr("Updated")});
  runs_->setRootIsDecorated(true);
  runs_->setAlternatingRowColors(true);
  runs_->setUniformRowHeights(true);
  layout->addWidget(heading);
  layout->addWidget(note);
  layout->addWidget(status_);
  layout->addWidget(runs_, 1);
  connect(&watcher_, &QFutureWatcher<std::vector<workflows::RunOverview>>::finished, this, &RunsPage::onLoaded);
}

RunsPage::~RunsPage() { watcher_.waitForFinished(); }

void RunsPage::setProject(const QString& projectPath) {
  projectPath_ = projectPath;
  runs_->clear();
  status_->clear();
  reload();
}

void RunsPage::reload() {
  if (projectPath_.isEmpty() || watcher_.isRunning()) return;
  const std::string path = projectPath_.toStdString();
  watcher_.setFuture(QtConcurrent::run([path] { return workflows::listRuns(path); }));
}

int RunsPage::runCount() const { return runs_->topLevelItemCount(); }

void RunsPage::onLoaded() {
  runs_->clear();
  try {
    const auto runs = watcher_.result();
    const QLocale locale;
    for (const auto& r : runs) {
      auto* item = new QTreeWidgetItem(runs_);
      item->setText(0, tr("Run %1").arg(r.id));
      item->setText(1, QString::fromStdString(r.preset));
      item->setText(2, QString::fromStdString(r.status));
      item->setText(3, QString::fromStdString(r.device));
      const QDateTime updated = QDateTime::fromString(QString::fromStdString(r.updatedAt), Qt::ISODateWithMs);
      item->setText(8, updated.isValid() ? locale.toString(updated.toLocalTime(), QLocale::ShortFormat)
                                         : QString::fromStdString(r.updatedAt));
      if (!r.error.empty()) item->setToolTip(2, QString::fromStdString(r.error));
      for (const auto& f : r.folds) {
        auto* fold = new QTreeWidgetItem(item);
        fold->setText(0, tr("fold %1").arg(f.fold));
        fold->setText(2, QString::fromStdString(f.status));
        fold->setText(4, taskList(f.trainTasks));
        fold->setText(5, taskList(f.heldoutTasks));
        fold->setText(6, locale.toString(qint64(f.steps)));
        fold->setText(7, f.bestStep >= 0 ? locale.toString(f.bestValidationLoss, 'g', 4) : QString());
      }
    }
    runs_->expandAll();
    status_->setText(runs.empty() ? tr("No training runs in this project yet.") : QString());
  } catch (const std::exception& e) {
    status_->setText(tr("Could not read the runs: %1").arg(QString::fromStdString(e.what())));
  }
  for (int c = 0; c < runs_->columnCount(); ++c) runs_->resizeColumnToContents(c);
  Q_EMIT loaded();
}

QWidget* makeComingSoonPage(const QString& objectName, const QString& title, const QString& text, QWidget* parent) {
  auto* page = new QWidget(parent);
  page->setObjectName(objectName);
  auto* holder = new QWidget(page);
  holder->setFixedWidth(560);
  auto* column = new QVBoxLayout(holder);
  auto* heading = new QLabel(QStringLiteral("<h2>%1</h2>").arg(title.toHtmlEscaped()), holder);
  heading->setAlignment(Qt::AlignCenter);
  auto* body = new QLabel(text, holder);
  body->setWordWrap(true);
  body->setAlignment(Qt::AlignCenter);
  column->addWidget(heading);
  column->addWidget(body);
  auto* row = new QHBoxLayout;
  row->addStretch();
  row->addWidget(holder);
  row->addStretch();
  auto* layout = new QVBoxLayout(page);
  layout->addStretch(1);
  layout->addLayout(row);
  layout->addStretch(2);
  return page;
}

}  // namespace lightbox::ui
