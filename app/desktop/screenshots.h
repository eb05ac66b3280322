#pragma once
// `lightbox --screenshot-dir DIR PROJECT` (hidden option, used by scripts/screenshots.sh): opens the project,
// waits for the grid's thumbnails, shows the first image in the viewer, grabs every work area and the import
// dialog with QWidget::grab() into DIR/desktop-<area>.png, then quits.

#include <QObject>
#include <QString>

namespace lightbox::ui {
class MainWindow;
}

namespace lightbox::desktop {

class ScreenshotDriver : public QObject {
  Q_OBJECT
 public:
  ScreenshotDriver(ui::MainWindow* window, QString dir, QObject* parent = nullptr);
  void start(const QString& project);

 private:
  void step();
  void grab(const QString& name);
  void waitThen(int ms, void (ScreenshotDriver::*next)());
  void afterLoaded();
  void grabData();
  void grabTable();
  void grabProbe();
  void grabTasks();
  void grabNextTask();
  void grabTraining();
  void grabReview();
  void grabImport();
  void finish();
  int nextTask_ = 0;  ///< paper task shown next in the task preview

  ui::MainWindow* window_;
  QString dir_;
  int failures_ = 0;
};

}  // namespace lightbox::desktop
