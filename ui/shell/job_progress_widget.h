#pragma once
// The status bar's view of the running job: what it does, a progress bar, the time left and Cancel.

#include <QWidget>

class QLabel;
class QProgressBar;
class QToolButton;

namespace lightbox::ui {

class JobRunner;

class JobProgressWidget : public QWidget {
  Q_OBJECT
 public:
  explicit JobProgressWidget(JobRunner* runner, QWidget* parent = nullptr);

 private:
  void onStarted(const QString& title);
  void onProgress(qint64 done, qint64 total, const QString& what, const QString& eta);
  void onFinished();

  JobRunner* runner_;
  QLabel* title_;
  QProgressBar* bar_;
  QLabel* eta_;
  QToolButton* cancel_;
};

}  // namespace lightbox::ui
