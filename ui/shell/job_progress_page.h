#pragma once
// The page a job dialog (import, simulated lesions) shows while its job runs: what is being done, a progress bar,
// the time left, a note on what cancelling keeps, Cancel (wired to the runner) and Run in Background (hides the
// dialog; the status bar keeps showing the job). One widget, so every job dialog looks and behaves the same.

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace lightbox::ui {

class JobRunner;

class JobProgressPage : public QWidget {
  Q_OBJECT
 public:
  /// `objectPrefix` names the children for tests ("<prefix>ProgressPage", "…ProgressText", "…Progress", "…Eta",
  /// "…Cancel", "…Background"); `note` says what cancelling keeps. Run in Background hides `dialog`.
  JobProgressPage(JobRunner* runner, QWidget* dialog, const QString& objectPrefix, const QString& cancelText,
                  const QString& note, QWidget* parent = nullptr);

  QLabel* text() const { return text_; }
  QProgressBar* bar() const { return bar_; }
  QLabel* eta() const { return eta_; }
  QPushButton* cancelButton() const { return cancel_; }

 private:
  QLabel* text_;
  QProgressBar* bar_;
  QLabel* eta_;
  QPushButton* cancel_;
};

}  // namespace lightbox::ui
