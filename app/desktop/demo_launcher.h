#pragma once
// `lightbox --demo`: builds (or reuses) the demo project in the background on the window's job runner (progress and
// Cancel in the status bar; the window stays responsive), then opens it in the Review area on the demo run and the
// simulated-lesions dataset, first image shown (issue #8). With a screenshot folder it grabs DIR/demo-review.png and
// quits (docs).

#include <QObject>
#include <QString>

#include <vector>

namespace lightbox::ui {
class MainWindow;
}

namespace lightbox::desktop {

class DemoLauncher : public QObject {
  Q_OBJECT
 public:
  struct Options {
    QString projectPath;  ///< empty: the default demo project
    double minutes = 3;
    QString screenshotDir;  ///< non-empty: grab the review workspace there, then quit
  };
  DemoLauncher(ui::MainWindow* window, Options options, QObject* parent = nullptr);
  void start();

 private:
  void showInReview(qint64 runId, const std::vector<int>& folds, qint64 datasetId, const QString& summary);
  void fail(const QString& message);
  void grabAndQuit();

  ui::MainWindow* window_;
  Options options_;
};

}  // namespace lightbox::desktop
