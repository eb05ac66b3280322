// lightbox-ui-bench: generates a project of N synthetic images (tiny, with thumbnails), then measures
//  (a) opening it in the main window until the first painted grid (and until its visible thumbnails are drawn),
//  (b) scrolling the whole grid, top to bottom: the longest time the event loop was blocked, from
//      QApplication::notify around every top-level event and from a 1 ms heartbeat timer.
// Prints one JSON object. Run under QT_QPA_PLATFORM=offscreen (the default it sets) or on a display.
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QListView>
#include <QScrollBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

#include "lightbox/workflows/browse.h"
#include "shell/dataset_browser.h"
#include "shell/image_filter_proxy.h"
#include "shell/image_table_model.h"
#include "shell/main_window.h"
#include "shell/thumbnail_cache.h"

namespace {

/// Times every top-level event dispatch (nested dispatches belong to their parent).
class TimedApplication : public QApplication {
 public:
  using QApplication::QApplication;

  bool notify(QObject* receiver, QEvent* event) override {
    if (paintWatch && receiver == paintWatch && event->type() == QEvent::Paint) {  // nested in UpdateRequest
      paintSeen = true;
      lastPaint_ = std::chrono::steady_clock::now();
    }
    if (depth_++ > 0) {
      const bool r = QApplication::notify(receiver, event);
      --depth_;
      return r;
    }
    QElapsedTimer t;
    t.start();
    const bool r = QApplication::notify(receiver, event);
    const double ms = double(t.nsecsElapsed()) / 1e6;
    --depth_;
    if (recording) {
      blocks.push_back(ms);
      if (ms > longest) {
        longest = ms;
        longestType = int(event->type());
      }
    }
    return r;
  }

  bool recording = false;
  std::vector<double> blocks;
  double longest = 0;
  int longestType = 0;
  QObject* paintWatch = nullptr;
  bool paintSeen = false;
  /// When the watched widget last started painting, in ms on `clock`.
  double lastPaintMs(const QElapsedTimer& clock) const {
    const auto now = std::chrono::steady_clock::now();
    return double(clock.nsecsElapsed()) / 1e6 - std::chrono::duration<double, std::milli>(now - lastPaint_).count();
  }

 private:
  int depth_ = 0;
  std::chrono::steady_clock::time_point lastPaint_{};
};

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, size_t(p * double(v.size() - 1) + 0.5))];
}

int visibleWithoutThumbnail(QListView* grid, lightbox::ui::ThumbnailCache* cache) {
  int missing = 0;
  const QRect area = grid->viewport()->rect();
  for (int y = 0; y < area.height(); y += grid->gridSize().height() / 2)
    for (int x = 0; x < area.width(); x += grid->gridSize().width() / 2) {
      const QModelIndex i = grid->indexAt(QPoint(x, y));
      if (!i.isValid()) continue;
      const qint64 id = i.data(lightbox::ui::ImageTableModel::ImageIdRole).toLongLong();
      if (!cache->isCached(id) && !cache->hasNone(id)) ++missing;
    }
  return missing;
}

}  // namespace

int main(int argc, char* argv[]) {
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  QStandardPaths::setTestModeEnabled(true);  // no settings of a real user are read or written
  TimedApplication app(argc, argv);
  QApplication::setOrganizationName(QStringLiteral("Lightbox"));
  QApplication::setApplicationName(QStringLiteral("lightbox-ui-bench"));
  QSettings().clear();

  QCommandLineParser parser;
  parser.addHelpOption();
  QCommandLineOption imagesOpt(QStringLiteral("images"), QStringLiteral("Images in the generated project"),
                               QStringLiteral("N"), QStringLiteral("10000"));
  QCommandLineOption stepOpt(QStringLiteral("rows-per-step"), QStringLiteral("Grid rows scrolled per frame"),
                             QStringLiteral("R"), QStringLiteral("1"));
  QCommandLineOption projectOpt(QStringLiteral("project"),
                                QStringLiteral("Use (or create, if missing) this project instead of a temporary one"),
                                QStringLiteral("FILE"));
  parser.addOptions({imagesOpt, stepOpt, projectOpt});
  parser.process(app);
  const int images = parser.value(imagesOpt).toInt();
  const int rowsPerStep = std::max(1, parser.value(stepOpt).toInt());

  QTemporaryDir tmp;
  const QString project = parser.isSet(projectOpt) ? parser.value(projectOpt) : tmp.filePath(QStringLiteral("bench.lightbox"));
  QJsonObject out;
  out[QStringLiteral("images")] = images;
  out[QStringLiteral("platform")] = QApplication::platformName();
  double generateSeconds = 0;
  if (!QFileInfo::exists(project)) {
    QElapsedTimer t;
    t.start();
    lightbox::workflows::writeSyntheticBrowseProject(project.toStdString(), images, 4);
    generateSeconds = double(t.elapsed()) / 1000.0;
  }
  out[QStringLiteral("generate_seconds")] = generateSeconds;
  out[QStringLiteral("project_mb")] = double(QFileInfo(project).size()) / (1024.0 * 1024.0);

  lightbox::ui::MainWindow window;
  window.setInteractive(false);
  window.resize(1600, 1000);
  window.show();
  for (int i = 0; i < 5; ++i) QApplication::processEvents();
  lightbox::ui::DatasetBrowser* browser = window.browser();
  QListView* grid = browser->grid();
  lightbox::ui::ThumbnailCache* cache = browser->thumbnails();

  // (a) open -> first painted grid with rows; then -> every visible thumbnail drawn
  QElapsedTimer open;
  bool loaded = false;
  QObject::connect(browser, &lightbox::ui::DatasetBrowser::contentsLoaded, [&] { loaded = true; });
  open.start();
  window.openProject(project);
  const double openCallMs = double(open.nsecsElapsed()) / 1e6;
  double listedMs = -1, firstPaintMs = -1, thumbsMs = -1;
  app.paintWatch = grid->viewport();
  while (open.elapsed() < 30000) {
    QApplication::processEvents(QEventLoop::AllEvents, 5);
    if (loaded && listedMs < 0) {
      listedMs = double(open.nsecsElapsed()) / 1e6;
      app.paintSeen = false;
    }
    if (listedMs >= 0 && firstPaintMs < 0 && app.paintSeen && grid->model()->rowCount() > 0)
      firstPaintMs = double(open.nsecsElapsed()) / 1e6;
    if (firstPaintMs >= 0 && visibleWithoutThumbnail(grid, cache) == 0) {
      // every visible thumbnail is loaded; the paint that shows them is the last one before the loop goes idle
      QElapsedTimer idle;
      idle.start();
      while (idle.elapsed() < 200) QApplication::processEvents(QEventLoop::AllEvents, 5);
      thumbsMs = app.lastPaintMs(open);
      break;
    }
  }
  out[QStringLiteral("open_call_ms")] = openCallMs;
  out[QStringLiteral("open_listing_loaded_ms")] = listedMs;
  out[QStringLiteral("open_to_first_painted_grid_ms")] = firstPaintMs;
  out[QStringLiteral("open_to_visible_thumbnails_ms")] = thumbsMs;
  out[QStringLiteral("rows_in_grid")] = grid->model()->rowCount();

  // (b) scroll top to bottom, one step per frame (16 ms timer), as a fast, steady drag would
  QScrollBar* bar = grid->verticalScrollBar();
  const int step = grid->gridSize().height() * rowsPerStep;
  std::vector<double> heartbeatGaps;
  QElapsedTimer heartbeatClock;
  QTimer heartbeat;
  heartbeat.setTimerType(Qt::PreciseTimer);
  heartbeat.setInterval(1);
  QObject::connect(&heartbeat, &QTimer::timeout, [&] {
    heartbeatGaps.push_back(double(heartbeatClock.nsecsElapsed()) / 1e6);
    heartbeatClock.restart();
  });
  int steps = 0;
  bool done = false;
  QTimer scroller;
  scroller.setTimerType(Qt::PreciseTimer);
  scroller.setInterval(16);
  QObject::connect(&scroller, &QTimer::timeout, [&] {
    if (bar->value() >= bar->maximum()) {
      done = true;
      scroller.stop();
      return;
    }
    bar->setValue(std::min(bar->maximum(), bar->value() + step));
    ++steps;
  });
  app.blocks.clear();
  app.longest = 0;
  app.recording = true;
  QElapsedTimer scroll;
  scroll.start();
  heartbeatClock.start();
  heartbeat.start();
  scroller.start();
  while (!done && scroll.elapsed() < 600000) QApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 50);
  // let the thumbnails of the last screen arrive
  QElapsedTimer settle;
  settle.start();
  while (settle.elapsed() < 3000 && visibleWithoutThumbnail(grid, cache) > 0) QApplication::processEvents(QEventLoop::AllEvents, 5);
  heartbeat.stop();
  app.recording = false;
  const double scrollSeconds = double(scroll.elapsed()) / 1000.0;
  // the first gap starts with the heartbeat itself
  if (!heartbeatGaps.empty()) heartbeatGaps.erase(heartbeatGaps.begin());

  out[QStringLiteral("scroll_pixels")] = bar->maximum();
  out[QStringLiteral("scroll_steps")] = steps;
  out[QStringLiteral("scroll_seconds")] = scrollSeconds;
  out[QStringLiteral("scroll_longest_event_ms")] = app.longest;
  out[QStringLiteral("scroll_longest_event_type")] = app.longestType;
  out[QStringLiteral("scroll_event_p99_ms")] = percentile(app.blocks, 0.99);
  out[QStringLiteral("scroll_events")] = int(app.blocks.size());
  out[QStringLiteral("heartbeat_longest_gap_ms")] =
      heartbeatGaps.empty() ? 0.0 : *std::max_element(heartbeatGaps.begin(), heartbeatGaps.end());
  out[QStringLiteral("heartbeat_p99_gap_ms")] = percentile(heartbeatGaps, 0.99);
  out[QStringLiteral("thumbnails_cached_at_end")] = cache->cachedCount();
  out[QStringLiteral("thumbnail_cache_capacity")] = cache->capacity();
  out[QStringLiteral("targets_ms")] = QJsonObject{{QStringLiteral("open_to_first_painted_grid"), 1000},
                                                  {QStringLiteral("longest_event_loop_block"), 16}};
  std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Indented).constData());
  window.close();
  return 0;
}
